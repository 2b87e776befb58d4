import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as signWith, type KeyObject } from 'node:crypto';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';

/**
 * Where the access-token key lives. Tokens are ES256 (ECDSA P-256): whoever holds the private key can mint them,
 * so only identity may sign; every other context verifies with the public key alone.
 *  - In AWS: an asymmetric KMS key (`TOKEN_KEY_ARN`). The private half never leaves KMS; only identity's role
 *    may call `kms:Sign`, every function may call `kms:GetPublicKey` (once per cold start).
 *  - Locally: a PKCS#8 PEM in `TOKEN_PRIVATE_KEY` (`npm start` keeps one per `.data/`), or, when none is given
 *    (tests), a fresh key pair per process. Never a key from the repository, and never inside Lambda.
 */
export interface TokenKeys {
  /** ES256 signature (IEEE P1363: r ‖ s, 64 bytes) over the JWT signing input. */
  sign(input: Uint8Array): Promise<Uint8Array>;
  publicKey(): Promise<KeyObject>;
}

/** True inside AWS Lambda: the runtime always sets this, and nothing local does. */
export const runningInLambda = (): boolean => Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);

/** KMS answers ECDSA signatures DER-encoded; JWS wants r and s as two fixed 32-byte big-endian numbers. */
export const derToP1363 = (der: Uint8Array, size = 32): Uint8Array => {
  const fail = () => new Error('malformed ECDSA signature');
  let at = 0;
  const byte = () => {
    if (at >= der.length) throw fail();
    return der[at++]!;
  };
  const length = () => {
    const first = byte();
    if (first < 0x80) return first;
    let n = 0;
    for (let i = 0; i < (first & 0x7f); i++) n = (n << 8) | byte();
    return n;
  };
  if (byte() !== 0x30) throw fail();
  length();
  const out = new Uint8Array(size * 2);
  for (const offset of [0, size]) {
    if (byte() !== 0x02) throw fail();
    const len = length();
    let int = der.subarray(at, at + len);
    at += len;
    while (int.length > size && int[0] === 0) int = int.subarray(1);
    if (int.length > size) throw fail();
    out.set(int, offset + size - int.length);
  }
  return out;
};

const kmsKeys = (keyId: string): TokenKeys => {
  const kms = new KMSClient({});
  let publicKey: Promise<KeyObject> | undefined;
  return {
    async sign(input) {
      const out = await kms.send(new SignCommand({ KeyId: keyId, Message: input, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
      if (!out.Signature) throw new Error('KMS returned no signature');
      return derToP1363(out.Signature);
    },
    publicKey() {
      publicKey ??= kms.send(new GetPublicKeyCommand({ KeyId: keyId })).then((out) => {
        if (!out.PublicKey) throw new Error('KMS returned no public key');
        return createPublicKey({ key: Buffer.from(out.PublicKey), format: 'der', type: 'spki' });
      });
      publicKey.catch(() => (publicKey = undefined));
      return publicKey;
    },
  };
};

const localKeys = (privateKey: KeyObject): TokenKeys => {
  const publicKey = createPublicKey(privateKey);
  return {
    sign: async (input) => signWith('sha256', input, { key: privateKey, dsaEncoding: 'ieee-p1363' }),
    publicKey: async () => publicKey,
  };
};

/** A new P-256 private key as PKCS#8 PEM (what `npm start` stores in `.data/`). */
export const newTokenPrivateKeyPem = (): string =>
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

let keys: { source: string; keys: TokenKeys } | undefined;

/** The keys for this process, chosen from the environment once (again only if the environment changes). */
export const tokenKeys = (): TokenKeys => {
  const arn = process.env.TOKEN_KEY_ARN;
  const pem = process.env.TOKEN_PRIVATE_KEY;
  const source = arn ? `kms:${arn}` : pem ? `pem:${pem}` : 'ephemeral';
  if (keys?.source === source) return keys.keys;
  if (arn) keys = { source, keys: kmsKeys(arn) };
  else if (runningInLambda()) throw new Error('TOKEN_KEY_ARN is not set');
  else if (pem) keys = { source, keys: localKeys(createPrivateKey(pem)) };
  else keys = { source, keys: localKeys(createPrivateKey(newTokenPrivateKeyPem())) };
  return keys.keys;
};
