/**
 * Access tokens are ES256. Locally the key is a PEM (or one per process); in AWS it is a KMS key that only
 * identity may sign with. KMS cannot run here, so this is the one place that stands in for it: it checks what we
 * ask KMS and that its DER signatures become valid JWS signatures.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as signWith, verify } from 'node:crypto';
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { authenticate, issueToken } from '../../../functions/src/http/auth';
import { derToP1363, newTokenPrivateKeyPem, tokenKeys } from '../../../functions/src/http/token-keys';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  jest.restoreAllMocks();
});

const principal = { userId: 'u-1', communityId: 'baogong-qingnian', name: '陈静', roles: ['committee' as const] };

describe('DER → JWS signature', () => {
  it.each(Array.from({ length: 40 }, (_, i) => [i]))('verifies after conversion (key %i: r and s of every length)', (i) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const data = Buffer.from(`message ${i}`);
    const der = signWith('sha256', data, privateKey);
    const raw = derToP1363(der);
    expect(raw).toHaveLength(64);
    expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw)).toBe(true);
  });

  it('refuses what is not a DER signature', () => {
    expect(() => derToP1363(new Uint8Array([0x31, 0x00]))).toThrow('malformed');
    expect(() => derToP1363(new Uint8Array([0x30, 0x06, 0x02, 0x01]))).toThrow('malformed');
  });
});

describe('keys in AWS (KMS)', () => {
  it('signs with kms:Sign (ECDSA_SHA_256 over the raw signing input) and verifies with the public key from kms:GetPublicKey', async () => {
    const pem = newTokenPrivateKeyPem();
    const privateKey = createPrivateKey(pem);
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    const sent: unknown[] = [];
    jest.spyOn(KMSClient.prototype, 'send').mockImplementation(async (command: unknown) => {
      sent.push(command);
      if (command instanceof SignCommand) return { Signature: signWith('sha256', Buffer.from(command.input.Message!), privateKey) };
      if (command instanceof GetPublicKeyCommand) return { PublicKey: new Uint8Array(spki) };
      throw new Error('unexpected KMS call');
    });
    process.env.TOKEN_KEY_ARN = 'arn:aws:kms:cn-north-1:000000000000:key/token';
    delete process.env.TOKEN_PRIVATE_KEY;
    const token = await issueToken(principal);
    expect(await authenticate(`Bearer ${token}`)).toEqual(principal);
    await authenticate(`Bearer ${token}`);
    const signs = sent.filter((c) => c instanceof SignCommand) as SignCommand[];
    expect(signs.map((c) => ({ KeyId: c.input.KeyId, MessageType: c.input.MessageType, SigningAlgorithm: c.input.SigningAlgorithm }))).toEqual([
      { KeyId: process.env.TOKEN_KEY_ARN, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' },
    ]);
    // the public key is fetched once per container, not per request
    expect(sent.filter((c) => c instanceof GetPublicKeyCommand)).toHaveLength(1);
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'ES256', typ: 'JWT' });
  });

  it('refuses to run inside Lambda without a KMS key (never a key made up on the spot)', () => {
    delete process.env.TOKEN_KEY_ARN;
    delete process.env.TOKEN_PRIVATE_KEY;
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'Gongzhi-FeedbackFunction';
    expect(() => tokenKeys()).toThrow('TOKEN_KEY_ARN is not set');
  });
});

describe('keys locally', () => {
  it('a token signed with one PEM is refused by a server with another', async () => {
    process.env.TOKEN_PRIVATE_KEY = newTokenPrivateKeyPem();
    const token = await issueToken(principal);
    expect(await authenticate(`Bearer ${token}`)).toEqual(principal);
    process.env.TOKEN_PRIVATE_KEY = newTokenPrivateKeyPem();
    await expect(authenticate(`Bearer ${token}`)).rejects.toMatchObject({ status: 401 });
  });

  it('without a PEM each process makes its own key: nothing in the repository can mint tokens', async () => {
    delete process.env.TOKEN_PRIVATE_KEY;
    delete process.env.TOKEN_KEY_ARN;
    const token = await issueToken(principal);
    expect(await authenticate(`Bearer ${token}`)).toEqual(principal);
  });
});
