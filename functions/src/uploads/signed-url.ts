import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { StoredKey } from '../../../shared/api/uploads';
import { publicS3, uploadsBucket } from './client';

/** How long a signed URL shows its object: a page view, not a link to keep or pass on. */
export const SIGNED_URL_SECONDS = 10 * 60;

/**
 * A presigned GET of a stored object. It is handed to whoever may see the record the object belongs to: the
 * caller decides who that is, before asking.
 */
export const signedUrl = async (storedKey: string): Promise<string> => {
  if (!StoredKey.safeParse(storedKey).success) throw new Error('signedUrl takes a stored key only');
  return getSignedUrl(publicS3(), new GetObjectCommand({ Bucket: uploadsBucket(), Key: storedKey }), {
    expiresIn: SIGNED_URL_SECONDS,
  });
};
