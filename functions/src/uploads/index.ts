/**
 * Uploads, built once for every capability (feedback photos now; rectification evidence and motion attachments
 * next): a ticket to upload straight to the object store, a check of what arrived before anything links it, and
 * short-lived signed URLs to show it. Which contexts may use which purposes is in `functions/src/routes.ts`.
 */
export { createUploadTicket, UPLOAD_TICKET_SECONDS } from './tickets';
export { verifyUpload, verifyUploads, type StoredUpload, type UploadCaller, type VerifyOptions } from './verify';
export { signedUrl, SIGNED_URL_SECONDS } from './signed-url';
export { UPLOAD_PURPOSES, type UploadPurpose } from './purposes';
export { uploadGrants, type UploadGrant } from './keys';
