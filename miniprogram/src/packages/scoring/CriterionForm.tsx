import { useEffect, useState, type ReactNode } from 'react';
import type { ScoringAssessment } from '@shared/api/scoring';
import { criterionScore, type CriterionEntry } from '@shared/scoring/rules';
import { ApiError, errorMessage } from '../../api';
import { Button, Checkbox, Form, Html, SelectField, TextField, cx } from '../../components/ui';

type Sheet = ScoringAssessment['sheet'];
export type Criterion = Sheet['categories'][number]['criteria'][number];
export type Entry = ScoringAssessment['self']['entries'][number];

/** What a criterion's form holds while it is being filled in (text as typed). */
export interface Draft {
  deductions: Record<string, number>;
  score: string;
  note: string;
}

export const draftOf = (entry: Entry | undefined): Draft => ({
  deductions: Object.fromEntries((entry?.deductions ?? []).map((d) => [d.ruleId, d.times])),
  score: entry?.score === undefined ? '' : String(entry.score),
  note: entry?.note ?? '',
});

/** The entry a draft stands for (a direct score that is not a whole number counts as absent until fixed). */
export const entryOf = (d: Draft): CriterionEntry & { note?: string } => {
  const n = d.score.trim() === '' ? undefined : Number(d.score);
  return {
    deductions: Object.entries(d.deductions).map(([ruleId, times]) => ({ ruleId, times })),
    ...(n !== undefined && Number.isInteger(n) && n >= 0 ? { score: n } : {}),
    ...(d.note.trim() ? { note: d.note } : {}),
  };
};

const sameDraft = (a: Draft, b: Draft) => JSON.stringify(entryOf(a)) === JSON.stringify(entryOf(b)) && a.score.trim() === b.score.trim();

export const scoreOf = (k: Criterion, d: Draft) => {
  const rules = new Map(k.deductions.map((r) => [r.id, r.points]));
  return criterionScore(k.maxPoints, (id) => rules.get(id), entryOf(d)).score;
};

/**
 * One criterion, scored: the deductions chosen from its rules (how many times, where a rule may apply more than
 * once), a direct score for a shortcoming no rule names, a note; saved on its own (Enter saves too). Used by the
 * branch's secretary (自评) and by a reviewer (复核, where the branch's own score is shown beside it).
 */
export function CriterionForm({
  criterion: k,
  saved,
  idPrefix,
  noteLabel,
  selfScore,
  onDraft,
  onSave,
  evidence,
}: {
  criterion: Criterion;
  saved: Entry | undefined;
  idPrefix: string;
  noteLabel: string;
  /** A reviewer's form: the branch's own score of this criterion. */
  selfScore?: number;
  onDraft: (criterionId: string, draft: Draft | undefined) => void;
  onSave: (body: { criterionId: string; deductions: { ruleId: string; times: number }[]; score?: number; note?: string }) => Promise<void>;
  /** The criterion's evidence (the secretary's form). */
  evidence?: ReactNode;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const savedDraft = draftOf(saved);
  const changed = !saved || !sameDraft(draft, savedDraft);
  const score = scoreOf(k, draft);
  const id = `${idPrefix}-${k.id}`;

  // a reload after saving brings the saved entry: the form follows it
  const savedKey = JSON.stringify(saved ?? null);
  useEffect(() => {
    setDraft(draftOf(saved));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedKey]);

  const update = (next: Draft) => {
    setDraft(next);
    onDraft(k.id, sameDraft(next, savedDraft) && saved ? undefined : next);
  };

  const save = async () => {
    if (sending) return;
    const typed = draft.score.trim();
    const n = typed === '' ? undefined : Number(typed);
    if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > k.maxPoints)) {
      setFieldErrors({ score: `得分须为 0 到 ${k.maxPoints} 的整数` });
      return;
    }
    setFieldErrors({});
    setError(undefined);
    setSending(true);
    try {
      const e = entryOf(draft);
      await onSave({ criterionId: k.id, deductions: e.deductions, ...(n !== undefined ? { score: n } : {}), ...(draft.note.trim() ? { note: draft.note } : {}) });
      onDraft(k.id, undefined);
    } catch (err) {
      setError(err instanceof ApiError && Object.keys(err.fieldErrors).length ? `${errorMessage(err)}：${Object.values(err.fieldErrors).join('；')}` : errorMessage(err));
    } finally {
      setSending(false);
    }
  };

  const status = !saved ? '未评' : changed ? '有改动，未保存' : '已保存';
  return (
    <Html tag='section' className={cx('gz-criterion', changed && 'gz-criterion--open')} aria-labelledby={`${id}-title`}>
      <Html tag='h4' className='gz-h3' id={`${id}-title`}>
        {k.title}
      </Html>
      <Html tag='p' className='gz-meta'>
        {`满分 ${k.maxPoints} 分 · 现得 ${score} 分 · ${status}`}
        {selfScore !== undefined ? ` · 支部自评 ${selfScore} 分` : ''}
      </Html>
      {selfScore !== undefined && saved && score !== selfScore ? (
        <Html tag='p' className='gz-diff'>
          {`与支部自评不同：${score > selfScore ? '多' : '少'} ${Math.abs(score - selfScore)} 分`}
        </Html>
      ) : null}
      {k.description ? (
        <Html tag='p' className='gz-text gz-muted'>
          {`考评标准：${k.description}`}
        </Html>
      ) : null}
      <Form onSubmit={() => void save()} aria-labelledby={`${id}-title`}>
        {k.deductions.map((r) => {
          const times = draft.deductions[r.id];
          return (
            <Html tag='div' key={r.id}>
              <Checkbox
                id={`${id}-${r.id}`}
                label={`${r.text}（扣 ${r.points} 分${r.maxTimes > 1 ? `/次，最多 ${r.maxTimes} 次` : ''}）`}
                checked={times !== undefined}
                onChange={(on) => {
                  const deductions = { ...draft.deductions };
                  if (on) deductions[r.id] = 1;
                  else delete deductions[r.id];
                  update({ ...draft, deductions });
                }}
              />
              {times !== undefined && r.maxTimes > 1 ? (
                <SelectField
                  id={`${id}-${r.id}-times`}
                  label={`「${r.text}」的次数`}
                  value={String(times)}
                  options={Array.from({ length: r.maxTimes }, (_, i) => ({ value: String(i + 1), label: `${i + 1} 次` }))}
                  onChange={(v) => v && update({ ...draft, deductions: { ...draft.deductions, [r.id]: Number(v) } })}
                />
              ) : null}
            </Html>
          );
        })}
        <TextField
          id={`${id}-score`}
          label='直接给分'
          optional
          hint='扣分项里没有列出的问题才填；得分取两者中较低的'
          value={draft.score}
          onChange={(score) => update({ ...draft, score })}
          maxLength={3}
          error={fieldErrors.score}
        />
        <TextField id={`${id}-note`} label={noteLabel} optional multiline value={draft.note} onChange={(note) => update({ ...draft, note })} maxLength={300} />
        {error ? (
          <Html tag='p' className='gz-error' role='alert'>
            {error}
          </Html>
        ) : null}
        <Button type='submit' loading={sending} accessibleName={`保存本项（得 ${score} 分），${k.title}`}>
          {`保存本项（得 ${score} 分）`}
        </Button>
      </Form>
      {evidence}
    </Html>
  );
}
