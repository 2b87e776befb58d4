import { useState } from 'react';
import type { ScoringAssessment } from '@shared/api/scoring';
import { assess, type CriterionEntry, type StarLimit } from '@shared/scoring/rules';
import type { Sheet } from '@shared/scoring/sheet';
import { errorMessage } from '../../api';
import { Notice } from '../../components/States';
import { starText, starWord } from '../../components/scoring/scoringText';
import { Button, Checkbox, Form, Html, TextField, useUniqueId } from '../../components/ui';
import { Evidence } from './Evidence';
import { CriterionForm, entryOf, type Draft, type Entry } from './CriterionForm';

type Saved = { entries: Entry[]; vetoes: string[]; bonuses: string[]; note?: string };

export interface SheetActions {
  saveEntry: (body: { criterionId: string; deductions: { ruleId: string; times: number }[]; score?: number; note?: string }) => Promise<void>;
  saveOverall: (body: { vetoes: string[]; bonuses: string[]; note?: string }) => Promise<void>;
}

/** Why the star is below what the total alone gives, in words. */
const limitText = (l: StarLimit): string =>
  l.kind === 'veto'
    ? `${l.text}（${l.maxStar === null ? '不评星' : `最高${starText(l.maxStar)}`}）`
    : l.kind === 'satisfaction'
      ? `居民满意度 ${l.percent}%，低于 ${l.belowPercent}%，最高${starText(l.maxStar)}`
      : '五星须有加分项';

/**
 * The sheet, scored criterion by criterion (the secretary's 自评 or a reviewer's 复核), with the total and the star
 * the shared rules give as the forms stand (unsaved changes included, and said so), the veto and bonus items, and
 * what is still missing before it can be submitted.
 */
export function SheetSection({
  assessment: a,
  saved,
  kind,
  actions,
  reload,
}: {
  assessment: ScoringAssessment;
  saved: Saved;
  kind: 'self' | 'review';
  actions: SheetActions;
  /** Read the assessment again after evidence changed (the secretary's sheet). */
  reload?: (message: string) => void;
}) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const titleId = useUniqueId('sheet-title');
  const liveId = useUniqueId('sheet-live');
  const sheet = a.sheet as unknown as Sheet;
  const savedEntries = Object.fromEntries(saved.entries.map((e) => [e.criterionId, e]));
  const entries: Record<string, CriterionEntry> = { ...savedEntries };
  for (const [k, d] of Object.entries(drafts)) entries[k] = entryOf(d);
  const f = a.feedbackFigures;
  const live = assess(sheet, {
    entries,
    vetoes: saved.vetoes,
    bonuses: saved.bonuses,
    ...(f.satisfactionPercent !== undefined ? { satisfaction: { percent: f.satisfactionPercent, ratings: f.ratings } } : {}),
  });
  const unsaved = Object.keys(drafts).length;
  const notScored = a.sheet.categories.flatMap((c) => c.criteria).filter((k) => !savedEntries[k.id]);
  const selfScores = kind === 'review' ? Object.fromEntries(a.computed.criteria.map((c) => [c.criterionId, c.score])) : {};

  const onDraft = (criterionId: string, draft: Draft | undefined) =>
    setDrafts((ds) => {
      const next = { ...ds };
      if (draft) next[criterionId] = draft;
      else delete next[criterionId];
      return next;
    });

  return (
    <Html tag='section' className='gz-card' aria-labelledby={titleId}>
      <Html tag='h2' className='gz-h2' id={titleId}>
        {kind === 'self' ? '自评打分' : '我的复核'}
      </Html>
      <Html tag='div' className='gz-score-live' id={liveId} role='status' aria-live='polite'>
        <Html tag='strong' className='gz-score-total'>
          {`总分 ${live.total} 分 · 推荐 ${starText(live.star)}`}
        </Html>
        <Html tag='p' className='gz-meta'>
          {`基础分 ${live.base} 分${live.bonus ? `，加分 ${live.bonus} 分` : ''}。`}
          {unsaved ? `有 ${unsaved} 项改动还没保存，保存后才算数。` : ''}
          {notScored.length ? `还有 ${notScored.length} 个指标没有评分（未评的按满分计）。` : '所有指标都已评分。'}
        </Html>
        {live.limits.map((l, i) => (
          <Html tag='p' className='gz-diff' key={i}>
            {`星级受限：${limitText(l)}`}
          </Html>
        ))}
      </Html>
      {kind === 'review' ? (
        <Html tag='p' className='gz-text gz-muted'>
          复核意见只有工作小组能看到，支部看不到。与支部自评不同的指标会标出来。
        </Html>
      ) : null}

      {a.sheet.categories.map((c) => {
        const cat = live.categories.find((x) => x.categoryId === c.id);
        return (
          <Html tag='section' className='gz-category' key={c.id} aria-labelledby={`${titleId}-${c.id}`}>
            <Html tag='h3' className='gz-h3' id={`${titleId}-${c.id}`}>
              {`${c.name}（${cat?.score ?? 0}/${cat?.maxPoints ?? 0} 分）`}
            </Html>
            {c.residentsVoice ? <ResidentsVoice figures={a.feedbackFigures} /> : null}
            {c.criteria.map((k) => (
              <CriterionForm
                key={k.id}
                criterion={k}
                saved={savedEntries[k.id]}
                idPrefix={kind}
                noteLabel={kind === 'self' ? '自评说明' : '复核意见（仅工作小组可见）'}
                selfScore={kind === 'review' ? selfScores[k.id] : undefined}
                onDraft={onDraft}
                onSave={actions.saveEntry}
                evidence={
                  kind === 'self' && reload ? (
                    <Evidence assessment={a} target={{ kind: 'criterion', criterionId: k.id }} label={k.title} canEdit reload={reload} />
                  ) : undefined
                }
              />
            ))}
          </Html>
        );
      })}
      <OverallForm assessment={a} saved={saved} kind={kind} onSave={actions.saveOverall} reload={reload} />
    </Html>
  );
}

/** The branch's feedback in the period, beside 服务群众 (residents' voice). */
function ResidentsVoice({ figures: f }: { figures: ScoringAssessment['feedbackFigures'] }) {
  return (
    <Html tag='p' className='gz-note'>
      {`居民反馈（${f.from} 至 ${f.to}）：本支部办结 ${f.resolved} 件，重新处理 ${f.reopened} 件，居民评价 ${f.ratings} 次${
        f.satisfactionPercent !== undefined ? `，满意度 ${f.satisfactionPercent}%` : ''
      }。`}
    </Html>
  );
}

/** A veto item's effect in words. */
const vetoEffectText = (v: ScoringAssessment['sheet']['vetoItems'][number]) => (v.effect.kind === 'unrated' ? '不予评星' : `最高${starWord(v.effect.maxStar)}`);

/**
 * Veto items and bonus items, and an overall note. The secretary declares the vetoes that apply and claims bonus
 * items, each claim with its evidence photos (uploaded as soon as they are picked); a reviewer sees what the branch
 * declared and claimed, with its photos, and confirms or refuses each bonus item and marks the vetoes they found.
 */
function OverallForm({
  assessment: a,
  saved,
  kind,
  onSave,
  reload,
}: {
  assessment: ScoringAssessment;
  saved: Saved;
  kind: 'self' | 'review';
  onSave: SheetActions['saveOverall'];
  reload?: (message: string) => void;
}) {
  const [vetoes, setVetoes] = useState<string[]>(saved.vetoes);
  const [bonuses, setBonuses] = useState<string[]>(saved.bonuses);
  const [note, setNote] = useState(saved.note ?? '');
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [sending, setSending] = useState(false);
  const id = `${kind}-overall`;
  const toggle = (list: string[], set: (l: string[]) => void, item: string, on: boolean) => set(on ? [...list, item] : list.filter((x) => x !== item));
  const claimedBySelf = new Set(a.self.bonuses);
  const declaredBySelf = new Set(a.self.vetoes);
  const unsaved = JSON.stringify([[...vetoes].sort(), [...bonuses].sort(), note.trim()]) !== JSON.stringify([[...saved.vetoes].sort(), [...saved.bonuses].sort(), (saved.note ?? '').trim()]);

  const save = async () => {
    if (sending) return;
    setSending(true);
    setOutcome(undefined);
    try {
      await onSave({ vetoes, bonuses, ...(note.trim() ? { note } : {}) });
      setOutcome({ kind: 'ok', text: '已保存否决项和加分项。' });
    } catch (err) {
      setOutcome({ kind: 'error', text: errorMessage(err) });
    } finally {
      setSending(false);
    }
  };

  return (
    <Html tag='section' className='gz-category' aria-labelledby={`${id}-title`}>
      <Html tag='h3' className='gz-h3' id={`${id}-title`}>
        否决项和加分项
      </Html>
      <Form onSubmit={() => void save()} aria-labelledby={`${id}-title`}>
        {a.sheet.vetoItems.length ? (
          <Html tag='p' className='gz-text'>
            {kind === 'self' ? '有下列情况的请如实勾选（一票否决）：' : '复核发现下列情况的请勾选（一票否决）：'}
          </Html>
        ) : null}
        {a.sheet.vetoItems.map((v) => (
          <Checkbox
            key={v.id}
            id={`${id}-veto-${v.id}`}
            label={`${v.text}（${vetoEffectText(v)}）`}
            hint={kind === 'review' ? (declaredBySelf.has(v.id) ? '支部自评时已如实申报此项。' : '支部自评没有申报此项。') : undefined}
            checked={vetoes.includes(v.id)}
            onChange={(on) => toggle(vetoes, setVetoes, v.id, on)}
          />
        ))}
        {a.sheet.bonusItems.length ? (
          <Html tag='p' className='gz-text'>
            {kind === 'self'
              ? `申报加分项（各项合计最多加 ${a.sheet.bonusCap} 分）：勾选后请上传佐证照片，并保存。`
              : `支部申报的加分项：看过佐证后，认可的请勾选（各项合计最多加 ${a.sheet.bonusCap} 分）。`}
          </Html>
        ) : null}
        {a.sheet.bonusItems.map((b) => {
          const claimed = kind === 'self' ? bonuses.includes(b.id) : claimedBySelf.has(b.id);
          return (
            <Html tag='div' className='gz-block' key={b.id}>
              <Checkbox
                id={`${id}-bonus-${b.id}`}
                label={`${kind === 'self' ? '申报加分' : '认可加分'}：${b.text}（加 ${b.points} 分）`}
                hint={kind === 'review' ? (claimedBySelf.has(b.id) ? '支部已申报此项，佐证照片见下方。' : '支部没有申报此项。') : undefined}
                checked={bonuses.includes(b.id)}
                onChange={(on) => toggle(bonuses, setBonuses, b.id, on)}
              />
              {claimed ? (
                <Evidence
                  assessment={a}
                  target={{ kind: 'bonus', bonusId: b.id }}
                  label={`加分项：${b.text}`}
                  canEdit={kind === 'self' && Boolean(reload)}
                  reload={reload ?? (() => undefined)}
                />
              ) : null}
            </Html>
          );
        })}
        <TextField id={`${id}-note`} label={kind === 'self' ? '总体说明' : '总体复核意见'} optional multiline value={note} onChange={setNote} maxLength={500} />
        {unsaved ? (
          <Html tag='p' className='gz-meta'>
            否决项或加分项有改动，保存后才计入总分和星级。
          </Html>
        ) : null}
        {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}
        <Button type='submit' loading={sending}>
          保存否决项和加分项
        </Button>
      </Form>
    </Html>
  );
}
