import { useEffect, useState } from 'react';
import { errorMessage, staffCall } from '../../../api';
import { identityApi } from '@shared/api/identity';

export interface Option {
  id: string;
  name: string;
}

export interface Assignees {
  branches: Option[];
  stewards: Option[];
}

/** Loaded once per visit: the community's branches and stewards change rarely, and every detail picks from them. */
let cached: Promise<Assignees> | null = null;

const loadAssignees = (): Promise<Assignees> => {
  cached ??= Promise.all([staffCall(identityApi.listBranches), staffCall(identityApi.listStewards)])
    .then(([b, s]) => ({ branches: b.items, stewards: s.items }))
    .catch((err: unknown) => {
      cached = null;
      throw err;
    });
  return cached;
};

/** The branches (党支部) and red stewards staff assign feedback to, for the pickers. */
export function useAssignees(): { assignees: Assignees | null; error?: string; retry: () => void } {
  const [assignees, setAssignees] = useState<Assignees | null>(null);
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setError(undefined);
    loadAssignees().then(
      (a) => live && setAssignees(a),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return { assignees, error, retry: () => setAttempt((n) => n + 1) };
}
