import { useCallback, useEffect, useState } from 'react';
import type { Feedback } from '@shared/api/feedback';
import { errorMessage, type call } from '../api';
import { feedbackApi } from '@shared/api/feedback';

/**
 * Loads one piece of feedback for a detail page (the resident's or the committee's): loading and error state,
 * and `load` to refresh. `client` is the realm's API client (`call` or `staffCall`); `enabled` waits for a session.
 */
export function useFeedback(id: string, client: typeof call, enabled: boolean) {
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    if (!enabled) return;
    if (!id) {
      setError('没有指定要查看的反馈');
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(undefined);
    try {
      setFeedback(await client(feedbackApi.getFeedback, { params: { id } }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [id, client, enabled]);

  useEffect(() => {
    void load();
  }, [load]);

  return { feedback, setFeedback, error, loading, load };
}
