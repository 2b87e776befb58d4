/** The sign-in slow-down, as a table: how long each failure makes the next attempt wait. */
import { ACCOUNT_ADDRESS_POLICY, ADDRESS_POLICY, decideAttempt, waitSeconds } from '../../../functions/src/identity/throttle-rules';

describe('waitSeconds', () => {
  it.each([
    [0, 0], [1, 0], [4, 0],
    [5, 30], [6, 60], [7, 120], [8, 240], [9, 480],
    [10, 900], [11, 900], [50, 900], [10_000, 900],
  ])('one account from one address: after %i failures, wait %i s', (failures, seconds) => {
    expect(waitSeconds(failures, ACCOUNT_ADDRESS_POLICY)).toBe(seconds);
  });

  it.each([[19, 0], [20, 30], [21, 60], [25, 900]])('one address, all accounts: after %i failures, wait %i s', (failures, seconds) => {
    expect(waitSeconds(failures, ADDRESS_POLICY)).toBe(seconds);
  });
});

describe('decideAttempt', () => {
  const now = new Date('2026-11-27T10:00:00.000Z');
  const at = (offsetSeconds: number) => new Date(now.getTime() + offsetSeconds * 1000).toISOString();

  it('a first attempt is allowed and counted, with no wait', () => {
    expect(decideAttempt(undefined, now, ACCOUNT_ADDRESS_POLICY)).toEqual({ allowed: true, failures: 1, nextAttemptAt: at(0) });
  });

  it('the attempt that reaches the free limit sets the first wait', () => {
    expect(decideAttempt({ failures: 4, lastFailureAt: at(-5), nextAttemptAt: at(-5) }, now, ACCOUNT_ADDRESS_POLICY)).toEqual({
      allowed: true,
      failures: 5,
      nextAttemptAt: at(30),
    });
  });

  it.each([
    [1, 1],
    [29.2, 30],
    [900, 900],
  ])('an attempt %s s before the next allowed time is refused, told to wait %i s', (early, told) => {
    expect(decideAttempt({ failures: 5, lastFailureAt: at(-1), nextAttemptAt: at(early) }, now, ACCOUNT_ADDRESS_POLICY)).toEqual({
      allowed: false,
      retryAfterSeconds: told,
    });
  });

  it('an attempt exactly at the next allowed time is allowed', () => {
    expect(decideAttempt({ failures: 5, lastFailureAt: at(-30), nextAttemptAt: at(0) }, now, ACCOUNT_ADDRESS_POLICY).allowed).toBe(true);
  });

  it('a day after the last failure the counter starts again; just under a day it does not', () => {
    const day = ACCOUNT_ADDRESS_POLICY.forgetAfterSeconds;
    expect(decideAttempt({ failures: 9, lastFailureAt: at(-day - 1), nextAttemptAt: at(-day) }, now, ACCOUNT_ADDRESS_POLICY)).toMatchObject({ failures: 1 });
    expect(decideAttempt({ failures: 9, lastFailureAt: at(-day + 1), nextAttemptAt: at(-day + 900) }, now, ACCOUNT_ADDRESS_POLICY)).toMatchObject({ failures: 10 });
  });
});
