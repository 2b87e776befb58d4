import { useEffect, useState } from 'react';
import { FEEDBACK_CATEGORIES, FEEDBACK_CATEGORY_LABELS, type FeedbackCategory } from '@shared/feedback/categories';
import { staffCall } from '../../../api';
import { Button, Form, Html, SelectField, TextField, useUniqueId } from '../../../components/ui';
import { useAssignees } from './useAssignees';
import { WAITING_OPTIONS, activeFilters, assigneeValue, withAssignee, type QueueFilter } from './queueFilter';
import { identityApi } from '@shared/api/identity';

const CATEGORY_OPTIONS = FEEDBACK_CATEGORIES.map((value) => ({ value, label: FEEDBACK_CATEGORY_LABELS[value] }));

/**
 * Search and narrow the queue: the search applies on Enter or 搜索 (not on every key, which would reload under
 * the person's fingers); each picker applies as soon as it is chosen. The pickers are folded away on a phone
 * until asked for, with the number of choices on in the button.
 */
export function QueueFilters({ value, onChange }: { value: QueueFilter; onChange: (next: QueueFilter) => void }) {
  const [q, setQ] = useState(value.q ?? '');
  const [open, setOpen] = useState(false);
  const [compounds, setCompounds] = useState<string[]>([]);
  const { assignees } = useAssignees();
  const id = useUniqueId('queue-filter');
  useEffect(() => setQ(value.q ?? ''), [value.q]);
  useEffect(() => {
    staffCall(identityApi.listCompounds).then(
      (list) => setCompounds(list.names),
      () => setCompounds([]),
    );
  }, []);

  const set = (patch: QueueFilter) => onChange({ ...value, ...patch });
  const on = activeFilters(value);
  const assigneeOptions = [
    ...(assignees?.branches ?? []).map((b) => ({ value: `b:${b.id}`, label: b.name })),
    ...(assignees?.stewards ?? []).map((s) => ({ value: `s:${s.id}`, label: `红色小管家 ${s.name}` })),
  ];

  return (
    <Html tag='div' className='gz-filters'>
      <Form onSubmit={() => set({ q: q.trim() || undefined })} className='gz-filter-search'>
        <TextField id={`${id}-q`} label='搜索反馈' placeholder='标题、编号或小区' value={q} onChange={setQ} maxLength={40} />
        <Button inline type='submit'>
          搜索
        </Button>
      </Form>
      <Html tag='div' className='gz-row'>
        <Button inline variant='plain' expanded={open} onClick={() => setOpen((o) => !o)}>
          {on && !open ? `更多筛选（已选 ${on} 项）` : '更多筛选'}
        </Button>
        {on ? (
          <Button
            inline
            variant='plain'
            onClick={() => {
              setQ('');
              onChange({});
            }}
          >
            清除筛选
          </Button>
        ) : null}
      </Html>
      {open ? (
        <Html tag='div' className='gz-filter-pickers'>
          <SelectField<FeedbackCategory>
            id={`${id}-category`}
            label='类别'
            emptyLabel='全部类别'
            value={value.category ?? ''}
            options={CATEGORY_OPTIONS}
            onChange={(v) => set({ category: v || undefined })}
          />
          <SelectField
            id={`${id}-compound`}
            label='小区'
            emptyLabel='全部小区'
            value={value.compound ?? ''}
            options={compounds.map((c) => ({ value: c, label: c }))}
            onChange={(v) => set({ compound: v || undefined })}
          />
          <SelectField
            id={`${id}-assignee`}
            label='负责跟进'
            emptyLabel='不限'
            value={assigneeValue(value)}
            options={assigneeOptions}
            onChange={(v) => onChange(withAssignee(value, v))}
          />
          <SelectField
            id={`${id}-waiting`}
            label='等待时长'
            emptyLabel='不限'
            value={value.waitingHours ? String(value.waitingHours) : ''}
            options={WAITING_OPTIONS}
            onChange={(v) => set({ waitingHours: v ? Number(v) : undefined })}
          />
        </Html>
      ) : null}
    </Html>
  );
}
