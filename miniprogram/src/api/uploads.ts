import Taro from '@tarojs/taro';
import type { UploadTicket } from '../../../shared/api/uploads';
import { networkError } from './errors';
import { declaredType, uploadError } from './uploadErrors';

/** Generous for a 5 MB photo on a slow mobile network. */
const UPLOAD_TIMEOUT_MS = 60000;

/**
 * Uploads one photo with a ticket from the API (`createFeedbackPhotoUpload`): the ticket's form fields, the
 * photo's own type when its name tells it, and the file as `file`. Resolves with the key to send with the form;
 * fails with an ApiError (status 0 when the network failed). The browser build is `uploads.h5.ts`.
 */
export const uploadPhoto = async (ticket: UploadTicket, filePath: string): Promise<string> => {
  const type = declaredType(filePath);
  let res: Taro.uploadFile.SuccessCallbackResult;
  try {
    res = await Taro.uploadFile({
      url: ticket.url,
      filePath,
      name: 'file',
      formData: { ...ticket.fields, ...(type ? { 'Content-Type': type } : {}) },
      timeout: UPLOAD_TIMEOUT_MS,
    });
  } catch {
    throw networkError();
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return ticket.key;
  throw uploadError(res.statusCode, res.data, ticket);
};
