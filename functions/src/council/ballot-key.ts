import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { runningInLambda } from '../http/auth';

/**
 * Secret ballots: a ballot is its own item, one per member and motion, and for a secret ballot its key is a keyed
 * hash of (community, motion, seat) instead of the seat. The table alone then holds no link between member and
 * choice: whoever reads it (staff with console access included) sees choices under opaque keys. Only code holding
 * the key can find a member's own ballot (to refuse a second one, to let them change it, to mark who has voted);
 * no route answers with the choice of anyone's secret ballot, their own included.
 *
 *  - In AWS: a generated secret in Secrets Manager (`BALLOT_KEY_SECRET_ARN`), read once per cold start; only the
 *    council function may read it.
 *  - Locally: `BALLOT_KEY` when set; else derived from the local token key (`npm start` keeps that one under
 *    `.data/`, so ballots stay findable across restarts); else (tests) a random key per process.
 */
let key: Promise<Buffer> | undefined;

const loadKey = async (): Promise<Buffer> => {
  if (runningInLambda()) {
    const arn = process.env.BALLOT_KEY_SECRET_ARN;
    if (!arn) throw new Error('BALLOT_KEY_SECRET_ARN is not set');
    const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
    if (!out.SecretString || out.SecretString.length < 32) throw new Error('the ballot key secret is missing or short');
    return Buffer.from(out.SecretString, 'utf8');
  }
  if (process.env.BALLOT_KEY) return Buffer.from(process.env.BALLOT_KEY, 'utf8');
  const tokenKey = process.env.TOKEN_PRIVATE_KEY;
  if (tokenKey) return Buffer.from(hkdfSync('sha256', tokenKey, 'gongzhi', 'council ballot key', 32));
  return randomBytes(32);
};

export const ballotKey = (): Promise<Buffer> => {
  key ??= loadKey();
  key.catch(() => (key = undefined));
  return key;
};

/** The sort-key part of a member's ballot: the seat for an open ballot, the keyed hash for a secret one. */
export const voterKey = async (cid: string, motionId: string, seatId: string, secret: boolean): Promise<string> =>
  secret ? `H#${createHmac('sha256', await ballotKey()).update(`${cid}\n${motionId}\n${seatId}`).digest('base64url')}` : `S#${seatId}`;
