/** The size a photo is drawn at so that its longer side is at most `maxSide`, keeping its shape (never enlarged). */
export const fitWithin = (width: number, height: number, maxSide: number): { width: number; height: number } => {
  const longer = Math.max(width, height);
  if (longer <= maxSide || longer <= 0) return { width: Math.round(width), height: Math.round(height) };
  const scale = maxSide / longer;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
};

/** Tries, largest first, for a photo that is too large to upload as it is: longer side and JPEG quality. */
export const SHRINK_STEPS: ReadonlyArray<{ maxSide: number; quality: number }> = [
  { maxSide: 2560, quality: 0.85 },
  { maxSide: 1920, quality: 0.8 },
  { maxSide: 1280, quality: 0.75 },
];
