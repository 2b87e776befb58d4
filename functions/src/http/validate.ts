import type * as z from 'zod';
import type { FieldError } from './problem';
import { badRequest } from './problem';

type Part = 'params' | 'query' | 'body' | 'headers';

const issuesOf = (location: Part, error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => ({
    location,
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));

/** Validates every part of a request at once, so the 400 lists every field error, not just the first. */
export const validateParts = (
  parts: { [P in Part]?: { schema: z.ZodType | undefined; value: unknown } },
): Record<Part, unknown> => {
  const out: Record<Part, unknown> = { params: undefined, query: undefined, body: undefined, headers: undefined };
  const errors: FieldError[] = [];
  for (const key of ['params', 'query', 'body', 'headers'] as const) {
    const part = parts[key];
    if (!part?.schema) continue;
    const result = part.schema.safeParse(part.value);
    if (result.success) out[key] = result.data;
    else errors.push(...issuesOf(key, result.error));
  }
  if (errors.length > 0) {
    const first = errors[0]!;
    throw badRequest(errors.length === 1 ? first.message : `${first.message}（共 ${errors.length} 处需要修改）`, errors);
  }
  return out;
};
