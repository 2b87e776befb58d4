import { entryFlaws, unknownItems, type CriterionEntry } from '../../../shared/scoring/rules';
import type { Sheet } from '../../../shared/scoring/sheet';
import { effectivePeriodStatus, selfAssessmentOpen } from '../../../shared/scoring/status';
import type { FieldError } from '../http/problem';
import type { AssessmentAccess } from './access';
import { alreadySubmitted, selfAssessmentClosed, staleAssessment, unprocessableWith } from './problems';

/** A draft the secretary may still change: the self-assessment is open, not submitted, at the version read. */
export const assertDraftOpen = (a: AssessmentAccess, version: number, now: Date) => {
  if (!selfAssessmentOpen(effectivePeriodStatus(a.period, now))) throw selfAssessmentClosed();
  if (a.assessment.status !== 'draft') throw alreadySubmitted();
  if (a.assessment.version !== version) throw staleAssessment();
};

/** An entry that does not fit the sheet: 422 naming each field. */
export const refuseEntryFlaws = (sheet: Sheet, criterionId: string, entry: CriterionEntry) => {
  const flaws = entryFlaws(sheet, criterionId, entry);
  if (flaws.length)
    throw unprocessableWith('entry-flaws', flaws[0]!.message, flaws.map((f) => ({ location: 'body', path: f.path, message: f.message })));
};

/** Veto and bonus items the sheet does not have: 422 naming each. */
export const refuseUnknownItems = (sheet: Sheet, chosen: { vetoes: readonly string[]; bonuses: readonly string[] }) => {
  const errors: FieldError[] = [
    ...unknownItems(sheet.vetoItems, chosen.vetoes).map((i) => ({ location: 'body', path: `vetoes.${i}`, message: '考评表中没有这个否决项' })),
    ...unknownItems(sheet.bonusItems, chosen.bonuses).map((i) => ({ location: 'body', path: `bonuses.${i}`, message: '考评表中没有这个加分项' })),
  ];
  if (errors.length) throw unprocessableWith('unknown-item', errors[0]!.message, errors);
};

/** The entry as stored: the deductions chosen, the direct score and the note where given. */
export const storedEntry = (body: { deductions: { ruleId: string; times: number }[]; score?: number; note?: string }) => ({
  deductions: body.deductions.map((d) => ({ ruleId: d.ruleId, times: d.times })),
  ...(body.score !== undefined ? { score: body.score } : {}),
  ...(body.note ? { note: body.note } : {}),
});
