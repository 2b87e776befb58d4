import type { Survey } from '../../../shared/api/stewards';
import { optionId } from '../../../shared/stewards/surveys';
import type { SurveyItem } from './survey-store';

/** A survey as pages read it: options with the ids answers give, whether the caller answered, and (staff) how many did. */
export const presentSurvey = (s: SurveyItem, extra: { answered: boolean; responseCount?: number }): Survey => ({
  id: s.id,
  title: s.title,
  ...(s.intro ? { intro: s.intro } : {}),
  questions: s.questions.map((q) =>
    q.kind === 'choice'
      ? { id: q.id, kind: 'choice' as const, text: q.text, options: q.options.map((label, i) => ({ id: optionId(i), label })) }
      : { id: q.id, kind: 'text' as const, text: q.text, optional: q.optional },
  ),
  status: s.status,
  version: s.version,
  createdAt: s.createdAt,
  ...(s.openedAt ? { openedAt: s.openedAt } : {}),
  ...(s.closedAt ? { closedAt: s.closedAt } : {}),
  answered: extra.answered,
  ...(extra.responseCount !== undefined ? { responseCount: extra.responseCount } : {}),
});
