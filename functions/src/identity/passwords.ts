import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { tooManyRequests } from '../http/problem';

const params = { N: 16384, r: 8, p: 1, keylen: 64 } as const;

/**
 * scrypt is deliberately costly (~50 ms of a core each), so unauthenticated sign-ins could starve every other
 * request of CPU. At most this many run at once per process, a few more wait their turn, and the rest are told
 * to come back (429) before any hashing starts. (In AWS the login routes are also throttled at the API stage.)
 */
export const MAX_CONCURRENT_HASHES = 1;
export const MAX_WAITING_HASHES = 16;

let running = 0;
let peak = 0;
const waiting: (() => void)[] = [];

/** The most hashes this process ever ran at once (the bench and the tests read it). */
export const peakConcurrentHashes = (): number => peak;

const withHashSlot = async <T>(work: () => Promise<T>): Promise<T> => {
  if (running >= MAX_CONCURRENT_HASHES) {
    if (waiting.length >= MAX_WAITING_HASHES) throw tooManyRequests('sign-in-busy', '登录的人较多，请稍后再试', 1);
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running++;
  peak = Math.max(peak, running);
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
};

const derive = (password: string, salt: Buffer, o: ScryptOptions & { keylen: number }) =>
  withHashSlot(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFKC'), salt, o.keylen, { N: o.N, r: o.r, p: o.p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );

/** `scrypt$N$r$p$salt$hash` (base64url), so the cost can be raised later without breaking old hashes. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p), keylen: expected.length });
  return timingSafeEqual(key, expected);
};

/** A fixed hash to verify against when the account does not exist, so timing does not reveal which accounts do. */
export const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);
