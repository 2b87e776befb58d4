import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

/**
 * The S3 clients. In AWS they use the Lambda's role and region; locally `S3_ENDPOINT` points them at the
 * stand-in (s3rver) with its own dummy key pair (it refuses other key ids), path-style. Checksums only where S3
 * requires them: signed URLs stay plain and the stand-in is not asked for checksums it does not keep.
 */
const makeClient = (endpoint: string | undefined): S3Client => {
  const common: S3ClientConfig = { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' };
  return new S3Client(
    endpoint
      ? {
          ...common,
          endpoint,
          forcePathStyle: true,
          region: process.env.AWS_REGION ?? 'local',
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
          maxAttempts: 3,
        }
      : common,
  );
};

const cache = new Map<string, S3Client>();
const clientFor = (endpoint: string | undefined): S3Client => {
  const id = endpoint ?? '';
  let client = cache.get(id);
  if (!client) cache.set(id, (client = makeClient(endpoint)));
  return client;
};

/** The client the functions call S3 with (built on first use, and again if a test moves the endpoint). */
export const s3 = (): S3Client => clientFor(process.env.S3_ENDPOINT);

/**
 * The client that signs what devices call (upload tickets, photo URLs). Locally the stand-in is reached by the
 * browser through the app's own port (`S3_PUBLIC_ENDPOINT`, `http://localhost:3000/s3`), so the app's CSP
 * (`connect-src 'self'`) lets it post there; in AWS both are S3 itself.
 */
export const publicS3 = (): S3Client => clientFor(process.env.S3_PUBLIC_ENDPOINT ?? process.env.S3_ENDPOINT);

export const uploadsBucket = (): string => {
  const bucket = process.env.UPLOADS_BUCKET;
  if (!bucket) throw new Error('UPLOADS_BUCKET is not set');
  return bucket;
};
