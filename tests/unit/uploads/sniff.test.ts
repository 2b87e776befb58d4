/**
 * What an upload is, by its first bytes: the check that protects when the store enforces nothing (the local
 * stand-in) and that a POST policy cannot make (it only sees the declared Content-Type).
 */
import { SNIFF_BYTES, sniffContentType } from '../../../functions/src/uploads/sniff';

const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
/** An ISO-BMFF file type box: size, `ftyp`, the major brand, a minor version, a compatible brand. */
const ftyp = (brand: string, compatible = 'mif1') => bytes([0, 0, 0, 0x18], 'ftyp', brand, [0, 0, 0, 0], compatible);

describe('sniffContentType', () => {
  it.each<[string, Uint8Array, string | undefined]>([
    ['JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'image/jpeg'],
    ['JPEG (Exif, as phones write it)', bytes([0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34], 'Exif'), 'image/jpeg'],
    ['JPEG (raw quantisation table first)', bytes([0xff, 0xd8, 0xff, 0xdb]), 'image/jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'image/png'],
    ['WebP (lossy)', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['WebP (lossless)', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8L'), 'image/webp'],
    ['HEIC (iPhone)', ftyp('heic'), 'image/heic'],
    ['HEIC (10-bit)', ftyp('heix'), 'image/heic'],
    ['HEIC sequence', ftyp('hevc'), 'image/heic'],
    ['HEIF (Android, major brand mif1)', ftyp('mif1', 'heic'), 'image/heif'],
    ['HEIF sequence', ftyp('msf1'), 'image/heif'],
    ['PDF', bytes('%PDF-1.7\n%âãÏÓ'), 'application/pdf'],
    ['PDF (an old version)', bytes('%PDF-1.3\n'), 'application/pdf'],
    // look-alikes and everything else
    ['PDF header without its dash', bytes('%PDF1.7'), undefined],
    ['PDF header not at the start', bytes(' %PDF-1.7'), undefined],
    ['PostScript (%!PS)', bytes('%!PS-Adobe-3.0'), undefined],
    ['AVIF (ftyp, another brand)', ftyp('avif'), undefined],
    ['MP4 video (ftyp isom)', ftyp('isom'), undefined],
    ['QuickTime video (ftyp qt  )', ftyp('qt  '), undefined],
    ['WAVE audio (RIFF, not WEBP)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), undefined],
    ['PNG signature with one byte wrong', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00]), undefined],
    ['a JPEG cut after two bytes', bytes([0xff, 0xd8]), undefined],
    ['GIF', bytes('GIF89a'), undefined],
    ['BMP', bytes('BM', [0, 0, 0, 0]), undefined],
    ['SVG (text that calls itself an image)', bytes('<svg xmlns="http://www.w3.org/2000/svg">'), undefined],
    ['HTML', bytes('<!doctype html><script>'), undefined],
    ['plain text sent as image/jpeg', bytes('这不是照片，只是一段文字'), undefined],
    ['a ZIP', bytes('PK', [3, 4]), undefined],
    ['nothing at all', bytes(), undefined],
  ])('%s → %s', (_, head, expected) => {
    expect(sniffContentType(head)).toBe(expected);
  });

  it('reads a view into a larger buffer from its own start', () => {
    const whole = Buffer.concat([Buffer.from('junk'), Buffer.from([0xff, 0xd8, 0xff, 0xe0])]);
    expect(sniffContentType(new Uint8Array(whole.buffer, whole.byteOffset + 4, 4))).toBe('image/jpeg');
    expect(sniffContentType(new Uint8Array(whole.buffer, whole.byteOffset, 8))).toBeUndefined();
  });

  it('needs no more than the bytes the check reads', () => {
    for (const head of [ftyp('heic'), bytes('RIFF', [0, 0, 0, 0], 'WEBP')]) expect(head.length).toBeLessThanOrEqual(SNIFF_BYTES);
  });
});
