/** Words for a branch's evidence (佐证材料): a PDF's name as its caption, a file's size. */

/** A PDF's name as its caption: without folders or `.pdf`, without control characters, at most 60 characters. */
export const captionFromName = (name: string | undefined): string | undefined => {
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/\.pdf$/i, '').replace(/[\p{Cc}\p{Cs}]/gu, '').trim();
  return base ? [...base].slice(0, 60).join('').trim() : undefined;
};

/** 180 KB, 2.4 MB: as a person reads a file's size. */
export const sizeText = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
