import { useState } from 'react';
import { TeamDecisionBody, type Team, teamsApi } from '@shared/api/teams';
import { DEFAULT_VALID_MONTHS } from '@shared/teams/registration';
import { TEAM_STATUS_LABELS } from '@shared/teams/status';
import { ApiError, errorMessage, staffCall, zodFieldErrors } from '../../../api';
import { readDraft, discardDraft, useKeepDraft } from '../../../components/draft';
import { Notice } from '../../../components/States';
import { chinaToday } from '../../../components/format';
import { Button, Html, SelectField, TextField, useConfirm, useUniqueId } from '../../../components/ui';
import { SlotCheckNote } from './SlotCheckNote';
import {
  VALID_MONTH_CHOICES,
  decisionDoneText,
  decisionQuestion,
  decisionsFor,
  pendingMemberNames,
  reasonMissingText,
  refusalLines,
  validMonthsLabel,
  validUntilText,
  type DecisionOption,
} from './reviewText';

const REASON_MAX = TeamDecisionBody.shape.reason.unwrap().maxLength ?? undefined;
const MONTH_OPTIONS = VALID_MONTH_CHOICES.map((m) => ({ value: String(m), label: validMonthsLabel(m) }));

/** Today as a China date (`2026-11-27`), for the validity an approval would give. */

type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; lines: string[] };

/**
 * The committee's decisions on a team, as the status machine offers them now: 批准备案 (with how long it holds),
 * 退回修改, 不予备案, 暂停活动, 恢复活动 — each but a first approval with a reason the leader reads; refusing and
 * suspending are asked twice. When the server refuses (someone changed the team meanwhile, the venue is full in
 * a slot, a member has not accepted the rules) the page says exactly why; a stale team is read again.
 */
export function DecisionSection({
  team,
  headingTag,
  onDecided,
  reload,
}: {
  team: Team;
  headingTag: 'h2' | 'h3';
  onDecided: (updated: Team) => void;
  reload: () => Promise<void>;
}) {
  // a reason being written survives the layout switching (a window resized across 1024 px) and a reload
  const reasonKey = `gongzhi.admin.teamReason.${team.id}`;
  const [reason, setReason] = useState(() => readDraft<string>(reasonKey) ?? '');
  useKeepDraft(reasonKey, reason, reason.trim() !== '');
  const [months, setMonths] = useState(String(DEFAULT_VALID_MONTHS));
  const [reasonError, setReasonError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [sending, setSending] = useState<DecisionOption['decision'] | null>(null);
  const [dialog, confirm] = useConfirm();
  const titleId = useUniqueId('decide-title');
  const reasonId = useUniqueId('decide-reason');
  const monthsId = useUniqueId('decide-months');

  const options = decisionsFor(team.status);
  const approving = options.some((o) => o.decision === 'approve');
  const pending = pendingMemberNames(team);

  const decide = async (option: DecisionOption) => {
    if (sending) return;
    setOutcome(undefined);
    if (option.needsReason && !reason.trim()) {
      setReasonError(reasonMissingText(option.label));
      return;
    }
    const parsed = TeamDecisionBody.safeParse({
      to: option.to,
      reason: reason.trim() || undefined,
      version: team.version,
      ...(option.decision === 'approve' ? { validMonths: Number(months) } : {}),
    });
    if (!parsed.success) {
      const errs = zodFieldErrors(parsed.error.issues);
      if (errs.reason) setReasonError(errs.reason);
      else setOutcome({ kind: 'error', lines: [Object.values(errs)[0] ?? '填写的内容有误'] });
      return;
    }
    setReasonError(undefined);
    const question = decisionQuestion(option.decision, team.name);
    if (option.destructive && question && !(await confirm({ ...question, destructive: true }))) return;
    setSending(option.decision);
    try {
      const updated = await staffCall(teamsApi.decideTeam, { params: { id: team.id }, body: parsed.data });
      setReason('');
      discardDraft(reasonKey);
      setOutcome({ kind: 'ok', text: decisionDoneText(option.decision, updated) });
      onDecided(updated);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.kind === 'stale-version') {
        setOutcome({ kind: 'error', lines: ['这支队伍的信息刚被修改过（队员、时段或状态），已为您刷新，请查看最新内容后再操作。'] });
        await reload();
      } else if (err instanceof ApiError && err.fieldErrors.reason) {
        setReasonError(err.fieldErrors.reason);
      } else if (err instanceof ApiError) {
        setOutcome({ kind: 'error', lines: refusalLines({ kind: err.kind, message: errorMessage(err), errors: err.problem.errors }, team) });
      } else {
        setOutcome({ kind: 'error', lines: [errorMessage(err)] });
      }
    } finally {
      setSending(null);
    }
  };

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag={headingTag} className='gz-h2' id={titleId}>
        审核
      </Html>
      {outcome?.kind === 'ok' ? <Notice kind='ok'>{outcome.text}</Notice> : null}
      {outcome?.kind === 'error' ? (
        <Html tag='div' className='gz-alert gz-team-refusal' role='alert'>
          {outcome.lines.map((line, i) => (
            <Html tag='p' className='gz-text' key={i}>
              {line}
            </Html>
          ))}
        </Html>
      ) : null}
      {options.length ? (
        <>
          {approving ? <SlotCheckNote key={team.version} team={team} /> : null}
          {approving && team.rules.currentVersion !== null && pending.length ? (
            <Html tag='p' className='gz-text'>
              {`还有 ${pending.length} 位队员未确认第 ${team.rules.currentVersion} 版规章（${pending.join('、')}），全部确认后才能批准备案。`}
            </Html>
          ) : null}
          <TextField
            id={reasonId}
            label='理由（队长会看到）'
            multiline
            optional={!options.some((o) => o.needsReason) || undefined}
            value={reason}
            onChange={(v) => {
              setReason(v);
              setReasonError(undefined);
            }}
            placeholder='例如：周二晚的时段与其他队伍重叠，请改到其他时间后重新提交。'
            hint={approving ? '退回修改、不予备案必须填写理由；批准备案可以不填。' : '每个决定都要填写理由，它会记入这支队伍的备案记录。'}
            maxLength={REASON_MAX}
            error={reasonError}
            disabled={sending !== null}
          />
          {approving ? (
            <SelectField
              id={monthsId}
              label='备案有效期'
              value={months}
              options={MONTH_OPTIONS}
              onChange={(v) => v && setMonths(v)}
              hint={validUntilText(chinaToday(), Number(months))}
              disabled={sending !== null}
            />
          ) : null}
          <Html tag='div' className='gz-team-decisions'>
            {options.map((o, i) => (
              <Button
                key={o.to}
                variant={o.destructive ? 'danger' : i === 0 ? 'primary' : 'default'}
                loading={sending === o.decision}
                disabled={sending !== null}
                onClick={() => void decide(o)}
              >
                {sending === o.decision ? '正在提交…' : o.label}
              </Button>
            ))}
          </Html>
        </>
      ) : (
        <Html tag='p' className='gz-text gz-muted'>
          {team.status === 'draft'
            ? '队长还没有提交这份备案，提交后才能审核。'
            : team.status === 'changes_requested'
              ? '已退回队长修改，队长重新提交后才能再审核。'
              : `这份备案“${TEAM_STATUS_LABELS[team.status]}”，不能再作决定。`}
        </Html>
      )}
      {dialog}
    </Html>
  );
}
