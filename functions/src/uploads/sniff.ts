import type { UploadContentType } from '../../../shared/api/uploads';

/** How many leading bytes the check reads: enough for every signature below. */
export const SNIFF_BYTES = 32;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** ISO-BMFF major brands of HEIC/HEIF stills and sequences, as phones write them. */
const HEIF_BRANDS = new Map<string, UploadContentType>([
  ['heic', 'image/heic'],
  ['heix', 'image/heic'],
  ['hevc', 'image/heic'],
  ['mif1', 'image/heif'],
  ['msf1', 'image/heif'],
]);

/**
 * The type of a file by its first bytes (magic numbers), whatever it was declared as; undefined when it is none
 * of the types uploads accept. JPEG `FF D8 FF`; PNG `89 50 4E 47 0D 0A 1A 0A`; WebP `RIFF....WEBP`; HEIC/HEIF
 * `....ftyp` and a brand above; PDF `%PDF-` (the header a PDF must start with).
 */
export const sniffContentType = (head: Uint8Array): UploadContentType | undefined => {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const ascii = (from: number, to: number) => b.toString('latin1', from, to);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG)) return 'image/png';
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  if (b.length >= 12 && ascii(4, 8) === 'ftyp') return HEIF_BRANDS.get(ascii(8, 12));
  if (b.length >= 5 && ascii(0, 5) === '%PDF-') return 'application/pdf';
  return undefined;
};
