import type { Problem } from '../../../shared/api/common';

export type FieldErrors = Record<string, string>;

/**
 * An API call that did not succeed. Carries the RFC 9457 problem the server sent (or one made up for network
 * failures, status 0), so a page can show `message` and put `fieldErrors` under the right inputs.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** The last segment of the problem type: `urn:gongzhi:problem:stale-version` → `stale-version`. */
  get kind(): string {
    const t = this.problem.type ?? '';
    const i = Math.max(t.lastIndexOf(':'), t.lastIndexOf('/'));
    return t.slice(i + 1);
  }

  /** Per-field messages keyed by the field path (`title`, `note`, …). */
  get fieldErrors(): FieldErrors {
    const out: FieldErrors = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.path || e.location;
      if (key && !out[key]) out[key] = e.message;
    }
    return out;
  }
}

export const networkError = (): ApiError =>
  new ApiError({
    type: 'urn:gongzhi:problem:network',
    title: '网络连接失败',
    status: 0,
    detail: '网络连接失败，请检查网络后重试',
  });

const FALLBACK_TITLES: Record<number, string> = {
  400: '请求内容有误',
  401: '未登录或登录已过期',
  403: '没有权限',
  404: '未找到',
  409: '操作冲突',
  429: '操作太频繁，请稍后再试',
  500: '服务暂时出错，请稍后再试',
};

/** Reads a server answer as a problem, whatever it looks like. */
export const toApiError = (status: number, data: unknown): ApiError => {
  const d = (data && typeof data === 'object' ? data : {}) as Partial<Problem>;
  const title = typeof d.title === 'string' ? d.title : FALLBACK_TITLES[status] ?? (status >= 500 ? FALLBACK_TITLES[500]! : '请求失败');
  return new ApiError({
    type: typeof d.type === 'string' ? d.type : 'about:blank',
    title,
    status,
    detail: typeof d.detail === 'string' ? d.detail : undefined,
    requestId: typeof d.requestId === 'string' ? d.requestId : undefined,
    errors: Array.isArray(d.errors) ? d.errors : undefined,
  });
};

/** The sentence to show a person for any error thrown by a call. */
export const errorMessage = (err: unknown): string => {
  if (err instanceof ApiError) {
    const base = err.problem.detail || err.problem.title;
    return err.status >= 500 && err.problem.requestId ? `${base}（请求编号 ${err.problem.requestId}）` : base;
  }
  return '出了点问题，请稍后再试';
};

/** Turns zod issues into per-field messages (first message per field wins). */
export const zodFieldErrors = (issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldErrors => {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (!out[key]) out[key] = issue.message;
  }
  return out;
};
