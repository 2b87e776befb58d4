import * as z from 'zod';

/** An opaque pagination cursor as the server hands it out (validated again when it comes back). */
export const Cursor = z.string().min(1).max(1024).regex(/^[A-Za-z0-9_-]+$/, '分页标记无效');

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: Cursor.optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export type Page<T> = { items: T[]; nextCursor: string | null };

export const IsoDateTime = z.iso.datetime();

/** RFC 9457 problem details, as every error answer carries them. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ location: z.string(), path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Empty = z.object({}).strict();

/**
 * Characters that show nothing: white space, format characters (zero-width space, word joiner, BOM…) and the
 * fillers that render blank (Hangul fillers U+115F/U+1160/U+3164/U+FFA0, the blank Braille pattern U+2800).
 */
const INVISIBLE = /[\s\p{Cf}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]/gu;
/** Half of a surrogate pair without its other half: not text at all (with the u flag a pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;
/** True when the string is well-formed UTF-16 (`String.prototype.isWellFormed`, which older WeChat engines lack). */
export const isWellFormedText = (s: string): boolean => !LONE_SURROGATE.test(s);
/** Control characters (NUL, escape, …) other than tab and line breaks. */
const CONTROL = /[\p{Cc}]/u;
const CONTROL_EXCEPT_LINES = /[^\P{Cc}\t\n\r]/u;

/** True when the text has at least one character a person can see. */
export const hasVisibleText = (s: string): boolean => s.replace(INVISIBLE, '').length > 0;

/**
 * Free text typed by a person, trimmed. Refuses lone surrogates (not text at all) and control characters
 * (line breaks only where `multiline`); `max` counts characters as the form does.
 */
const cleanText = (max: number, label: string, multiline: boolean) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .refine(isWellFormedText, `${label}含有无法识别的字符`)
    .refine((s) => !(multiline ? CONTROL_EXCEPT_LINES : CONTROL).test(s), `${label}含有不可见的控制字符`);

/** Required text: trimmed, and it must contain something visible (a title of only zero-width spaces is empty). */
export const text = (max: number, label: string, opts: { multiline?: boolean } = {}) =>
  cleanText(max, label, opts.multiline ?? false).refine(hasVisibleText, `请填写${label}`);

/**
 * Optional text: the same rules; blank (or only invisible characters) becomes `''`, which handlers treat as not
 * given. (`overwrite` keeps it a string schema, so pages still read its `maxLength`.)
 */
export const optionalText = (max: number, label: string, opts: { multiline?: boolean } = {}) =>
  cleanText(max, label, opts.multiline ?? false)
    .overwrite((s) => (hasVisibleText(s) ? s : ''))
    .optional();

/**
 * The `Idempotency-Key` header that create endpoints honour: the client makes one per form it sends, and a
 * retry with the same key returns what the first call created instead of creating it again.
 */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'Idempotency-Key 须为 8–128 位字母、数字、- 或 _');
export const IdempotencyHeaders = z.object({ 'idempotency-key': IdempotencyKey.optional() });

/** A calendar month: `2026-11`. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式须为 YYYY-MM');

const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A day that exists (`2026-02-30` does not). Total: zod runs refinements on text the pattern refused too. */
const isRealDate = (d: string): boolean => {
  if (!DATE_PATTERN.test(d)) return true; // the pattern's own error says it
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};
/** A China calendar date, `2026-11-27`. */
export const ChinaDate = z.string({ error: '请填写日期' }).regex(DATE_PATTERN, '日期格式须为 YYYY-MM-DD').refine(isRealDate, '没有这一天');

/** An id the server made with `randomUUID()`; the message says which id was wrong. */
export const uuidLike = (message: string) => z.string().regex(/^[0-9a-f-]{36}$/, message);
