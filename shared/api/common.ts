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

/** Trims text and refuses what is empty after trimming. */
export const text = (max: number, label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);
