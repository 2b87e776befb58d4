import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../../../../shared/feedback/categories';

/*
 * Another page can open the report form filled in (the star-rating announcement's 提出异议: category 其他, a
 * title naming the branch, the start of a description). Pure, so the unit tests load it (relative import of
 * shared/).
 */

export const FEEDBACK_FORM = '/pages/feedback/new/index';

export interface Prefill {
  category?: FeedbackCategory;
  title?: string;
  description?: string;
}

/** The form's address with what it should start from, percent-encoded (WeChat and Taro's H5 router pass it on as it is). */
export const prefilledFormAddress = (p: Prefill): string => {
  const query = (['category', 'title', 'description'] as const)
    .filter((k) => p[k])
    .map((k) => `${k}=${encodeURIComponent(p[k]!)}`)
    .join('&');
  return query ? `${FEEDBACK_FORM}?${query}` : FEEDBACK_FORM;
};

/**
 * Decoded until it stops changing: the address comes once-encoded from a page, and encoded again when a sign-in
 * on the way sent the person to the login page and back. Text that is not valid percent-encoding is kept as it is.
 */
const decoded = (s: string): string => {
  let out = s;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(out);
    } catch {
      return out;
    }
    if (next === out) return out;
    out = next;
  }
  return out;
};

/**
 * What the address asks the form to start from: a known category, and title and description cut to the form's
 * limits. Undefined when it asks for nothing (the form starts as usual).
 */
export const readPrefill = (params: Record<string, string | undefined>, max: { title?: number; description?: number }): Prefill | undefined => {
  const text = (v: string | undefined, limit: number | undefined) => {
    const s = v ? decoded(v).trim() : '';
    return s ? (limit ? s.slice(0, limit) : s) : undefined;
  };
  const category = params.category ? decoded(params.category) : undefined;
  const out: Prefill = {
    ...((FEEDBACK_CATEGORIES as readonly string[]).includes(category ?? '') ? { category: category as FeedbackCategory } : {}),
    ...(text(params.title, max.title) ? { title: text(params.title, max.title) } : {}),
    ...(text(params.description, max.description) ? { description: text(params.description, max.description) } : {}),
  };
  return Object.keys(out).length ? out : undefined;
};
