/**
 * Browser build: the photos a person picked, by the object URL that stands for each (`blob:…`). The page shows
 * the URL as a thumbnail and hands it to `uploadPhoto` like a WeChat temp path; the upload reads the file from
 * here (the app's CSP allows `blob:` images but not fetching `blob:` URLs, which Taro's H5 uploadFile does).
 */
const files = new Map<string, Blob>();

/** Keeps the file and returns the object URL that stands for it. */
export const rememberLocalFile = (file: Blob): string => {
  const url = URL.createObjectURL(file);
  files.set(url, file);
  return url;
};

export const localFile = (url: string): Blob | undefined => files.get(url);

/** Lets the file go (a removed photo, a sent report). Unknown URLs are ignored. */
export const forgetLocalFile = (url: string): void => {
  if (!files.delete(url)) return;
  try {
    URL.revokeObjectURL(url);
  } catch {
    /* nothing to release */
  }
};
