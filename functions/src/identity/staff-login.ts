import type { identityApi } from '../../../shared/api/identity';
import type { Handler } from '../http/route';
import { tooManyRequests, unauthorized } from '../http/problem';
import { logger } from '../http/logger';
import { recordAudit } from '../audit/trail';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { defaultCommunityId, sessionFor } from './sessions';
import {
  accountAddressCounter,
  addressCounter,
  clearCounter,
  clearFailedSignIns,
  countAttempt,
  getUser,
  noteFailedSignIn,
  readCounter,
  readSignInRecords,
  refundAttempt,
  type CounterRef,
  type ThrottleCounter,
} from './store';
import { ACCOUNT_ADDRESS_POLICY, ADDRESS_POLICY, decideAttempt, type ThrottlePolicy } from './throttle-rules';

const wrongCredentials = () => unauthorized('账号或密码错误');

const slowedDown = (seconds: number) => {
  const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
  return tooManyRequests('sign-in-slowed', `尝试次数过多，请 ${wait}后再试；如忘记密码，请联系系统管理员`, seconds);
};

/** How often a counter is read again when another attempt counted itself first. */
const MAX_ROUNDS = 8;

/**
 * Takes one attempt on a counter: decide from what was read, count it in one conditional write, and if another
 * attempt got there first, read again and decide again. Returns the wait in seconds when refused.
 */
const takeAttempt = async (ref: CounterRef, seen: ThrottleCounter | undefined, policy: ThrottlePolicy, now: Date): Promise<number | null> => {
  let current = seen;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const decision = decideAttempt(current, now, policy);
    if (!decision.allowed) return decision.retryAfterSeconds;
    if (await countAttempt(ref, current, decision, now)) {
      if (decision.failures === policy.free) logger.warn('sign-in slowed down', { scope: ref.scope, failures: decision.failures });
      return null;
    }
    current = await readCounter(ref);
  }
  return 1; // a crowd of simultaneous attempts on one counter: the rest come back in a second
};

/**
 * Committee staff sign in to the admin page. Before any password is checked, the attempt is counted against the
 * account-from-this-address and this-address counters (throttle-rules.ts); a refused attempt is never
 * evaluated (429 with Retry-After). Unknown accounts take the same path and the same time as real ones.
 * A right password clears the account-and-address counter, and tells the owner how many wrong passwords were
 * tried on the account since their last sign-in.
 */
export const staffLogin: Handler<typeof identityApi.staffLogin> = async ({ body }, { now, sourceIp }) => {
  const communityId = body.communityId ?? defaultCommunityId();
  const username = body.username.toLowerCase();
  const records = await readSignInRecords(communityId, username, sourceIp);
  const pair = accountAddressCounter(communityId, username, sourceIp);
  const address = addressCounter(communityId, sourceIp);

  // Refuse from what was read before counting anything, so a refused attempt changes nothing.
  const waits = [decideAttempt(records.accountAddress, now, ACCOUNT_ADDRESS_POLICY), decideAttempt(records.address, now, ADDRESS_POLICY)];
  const refused = waits.flatMap((d) => (d.allowed ? [] : [d.retryAfterSeconds]));
  if (refused.length) throw slowedDown(Math.max(...refused));
  const counters = [pair, address];
  const taken = await Promise.all([
    takeAttempt(pair, records.accountAddress, ACCOUNT_ADDRESS_POLICY, now),
    takeAttempt(address, records.address, ADDRESS_POLICY, now),
  ]);
  const wait = taken.filter((t): t is number => t !== null);
  if (wait.length) {
    // Refused after all: give back what the other counter charged, so counts stay equal to attempts evaluated.
    await Promise.all(counters.filter((_, i) => taken[i] === null).map(refundAttempt));
    throw slowedDown(Math.max(...wait));
  }

  const ok = await verifyPassword(body.password, records.login?.passwordHash ?? DUMMY_HASH);
  const user = ok && records.login ? await getUser(communityId, records.login.userId) : undefined;
  if (!user) {
    await noteFailedSignIn(communityId, username, now);
    throw wrongCredentials();
  }
  await Promise.all([clearCounter(pair), refundAttempt(address)]);
  const failed = records.account?.failedSinceSignIn ?? 0;
  if (failed > 0) await clearFailedSignIns(communityId, username);
  const session = await sessionFor(user);
  await recordAudit({ action: 'staff-sign-in', actor: { ...user, userId: user.id }, at: now, sourceIp });
  return failed > 0 ? { ...session, notice: { failedAttempts: failed, lastFailedAt: records.account?.lastFailedAt ?? now.toISOString() } } : session;
};
