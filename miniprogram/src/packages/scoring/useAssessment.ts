import { useCallback, useEffect, useState } from 'react';
import type { ScoringAssessment } from '@shared/api/scoring';
import { api, call, errorMessage } from '../../api';

/** Loads one branch's assessment for its pages: loading and error state, `load` to refresh, `setAssessment` after an act. */
export function useAssessment(id: string, enabled: boolean) {
  const [assessment, setAssessment] = useState<ScoringAssessment | null>(null);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    if (!enabled) return;
    if (!id) {
      setError('没有指定要查看的党支部评定');
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(undefined);
    try {
      setAssessment(await call(api.scoring.getScoringAssessment, { params: { id } }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [id, enabled]);

  useEffect(() => {
    void load();
  }, [load]);

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
