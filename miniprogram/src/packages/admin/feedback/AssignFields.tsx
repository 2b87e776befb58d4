import type { FieldErrors } from '../../../api';
import { SelectField } from '../../../components/ui';
import type { Assignees } from './useAssignees';

export interface AssignChoice {
  branchId: string;
  stewardId: string;
}

/** The body of an assignment (AssignBody / BulkAssignBody) from what was picked. */
export const assignmentBody = (choice: AssignChoice, from: Assignees) => {
  const branch = from.branches.find((b) => b.id === choice.branchId);
  const steward = from.stewards.find((s) => s.id === choice.stewardId);
  return { ...(branch ? { branch } : {}), ...(steward ? { steward } : {}) };
};

/** Two pickers: a branch (党支部) and/or a red steward; either may stay 不指定, not both (the contract says so). */
export function AssignFields({
  idPrefix,
  value,
  onChange,
  assignees,
  errors,
  disabled,
}: {
  idPrefix: string;
  value: AssignChoice;
  onChange: (value: AssignChoice) => void;
  assignees: Assignees;
  errors: FieldErrors;
  disabled?: boolean;
}) {
  return (
    <>
      <SelectField
        id={`${idPrefix}-branch`}
        label='党支部'
        value={value.branchId}
        options={assignees.branches.map((b) => ({ value: b.id, label: b.name }))}
        emptyLabel='不指定党支部'
        onChange={(branchId) => onChange({ ...value, branchId })}
        error={errors.branch}
        disabled={disabled}
      />
      <SelectField
        id={`${idPrefix}-steward`}
        label='红色小管家'
        value={value.stewardId}
        options={assignees.stewards.map((s) => ({ value: s.id, label: s.name }))}
        emptyLabel='不指定红色小管家'
        hint='党支部和红色小管家至少选一个。选了红色小管家，这条反馈会出现在他（她）的「分派给我的」里。'
        onChange={(stewardId) => onChange({ ...value, stewardId })}
        error={errors.steward}
        disabled={disabled}
      />
    </>
  );
}
