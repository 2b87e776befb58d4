/**
 * How staff sign-in slows guessing down without handing anyone a way to lock the staff out (pure rules; the
 * store and the use case apply them).
 *
 * Two counters are taken before any password is checked, each by one conditional write that counts the attempt
 * and decides whether it may be evaluated at all:
 *  - one account from one address: 5 free attempts, then a wait that doubles from 30 s up to 15 minutes;
 *  - one address, all accounts: 20 free attempts, then the same doubling wait.
 * A guesser at one address therefore cannot lock the account's owner out at another address. Unknown accounts
 * are counted exactly like real ones, so the answers never reveal which accounts exist. A counter is forgotten
 * a day after its last failure; a right password clears its account-and-address counter.
 */
export interface ThrottlePolicy {
  /** Failures that cost nothing. */
  free: number;
  baseSeconds: number;
  capSeconds: number;
  /** A counter whose last failure is older than this starts again from zero. */
  forgetAfterSeconds: number;
}

export const ACCOUNT_ADDRESS_POLICY: ThrottlePolicy = { free: 5, baseSeconds: 30, capSeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 };
export const ADDRESS_POLICY: ThrottlePolicy = { free: 20, baseSeconds: 30, capSeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 };

/** Seconds to wait after `failures` counted failures: none while free, then doubling, never beyond the cap. */
export const waitSeconds = (failures: number, p: ThrottlePolicy): number => {
  if (failures < p.free) return 0;
  const doublings = Math.min(failures - p.free, 30);
  return Math.min(p.baseSeconds * 2 ** doublings, p.capSeconds);
};

export interface CounterState {
  failures: number;
  /** ISO time before which no attempt is evaluated. */
  nextAttemptAt?: string;
  lastFailureAt?: string;
}

export type AttemptDecision =
  | { allowed: true; failures: number; nextAttemptAt: string }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Decides one attempt against one counter at `now`. An allowed attempt is counted as a failure up front (the
 * answer to a right password gives it back): so parallel guesses cannot all slip through before any is counted.
 */
export const decideAttempt = (state: CounterState | undefined, now: Date, p: ThrottlePolicy): AttemptDecision => {
  const t = now.getTime();
  if (state?.nextAttemptAt && Date.parse(state.nextAttemptAt) > t)
    return { allowed: false, retryAfterSeconds: Math.ceil((Date.parse(state.nextAttemptAt) - t) / 1000) };
  const forgotten = !state?.lastFailureAt || t - Date.parse(state.lastFailureAt) > p.forgetAfterSeconds * 1000;
  const failures = (forgotten ? 0 : state.failures) + 1;
  return { allowed: true, failures, nextAttemptAt: new Date(t + waitSeconds(failures, p) * 1000).toISOString() };
};
