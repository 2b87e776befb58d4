import type { ScoringAssessment } from '@shared/api/scoring';
import { call } from '../../api';
import { useLoaded } from '../../components/useLoaded';
import { scoringApi } from '@shared/api/scoring';

/** Loads one branch's assessment for its pages: loading and error state, `load` to refresh, `setAssessment` after an act. */
export function useAssessment(id: string, enabled: boolean) {
  const { data: assessment, setData: setAssessment, error, loading, load } = useLoaded(
    enabled ? () => call(scoringApi.getScoringAssessment, { params: { id } }) : null,
    [id],
    { missing: id ? undefined : '没有指定要查看的党支部评定' },
  );
  return { assessment, setAssessment, error, loading, load };
}

/** What every section of the assessment page is given. */
export interface SectionProps {
  assessment: ScoringAssessment;
  /** The assessment after an act, and the sentence that says what happened. */
  onChanged: (assessment: ScoringAssessment, message: string) => void;
  onFailed: (message: string) => void;
  /** Something changed that the answer does not carry (a measure, a meeting): read the assessment again. */
  reload: (message: string) => void;
}
