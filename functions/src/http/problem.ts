import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Problem } from '../../../shared/api/common';

export type FieldError = NonNullable<Problem['errors']>[number];

/**
 * An error that answers as RFC 9457 problem details. `title` is short and Chinese (the pages show it);
 * `slug` names the problem type as `urn:gongzhi:problem:<slug>` so clients branch on it, not on text.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    /** Extra response headers, e.g. `retry-after` on 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
    this.name = 'HttpProblem';
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new HttpProblem(400, 'validation-error', '请求内容有误', detail, errors);
export const unauthorized = (detail = '请先登录') => new HttpProblem(401, 'unauthorized', '未登录或登录已过期', detail);
export const forbidden = (detail = '您没有进行此操作的权限') => new HttpProblem(403, 'forbidden', '没有权限', detail);
export const notFound = (detail = '要找的内容不存在') => new HttpProblem(404, 'not-found', '未找到', detail);
export const conflict = (slug: string, detail: string) => new HttpProblem(409, slug, '操作冲突', detail);
export const unprocessable = (slug: string, detail: string) => new HttpProblem(422, slug, '无法处理', detail);
export const tooManyRequests = (slug: string, detail: string, retryAfterSeconds?: number) =>
  new HttpProblem(429, slug, '尝试次数过多', detail, undefined, retryAfterSeconds ? { 'retry-after': String(Math.ceil(retryAfterSeconds)) } : undefined);

const typeUri = (slug: string) => `urn:gongzhi:problem:${slug}`;

/** Builds the `application/problem+json` answer. Unknown errors never reach the body: only the request id does. */
export const problemResponse = (problem: HttpProblem, requestId: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode: problem.status,
  headers: { ...problem.headers, 'content-type': 'application/problem+json; charset=utf-8' },
  body: JSON.stringify({
    type: typeUri(problem.slug),
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    requestId,
    ...(problem.errors ? { errors: problem.errors } : {}),
  } satisfies Problem),
});

/** Middy and other libraries throw `http-errors` style errors: keep their status, never their internals. */
export const toProblem = (err: unknown): HttpProblem | null => {
  if (err instanceof HttpProblem) return err;
  const e = err as { statusCode?: unknown; expose?: unknown; message?: unknown } | null;
  if (e && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    // middy's JSON parser answers 415 for bad JSON as well as for a wrong content type: tell them apart.
    const malformed = typeof e.message === 'string' && /malformed/i.test(e.message);
    if (e.statusCode === 415 && !malformed) return new HttpProblem(415, 'unsupported-media-type', '不支持的内容类型', '请求体须为 JSON（Content-Type: application/json）');
    if (malformed || e.statusCode === 422 || e.statusCode === 400)
      return new HttpProblem(400, 'malformed-json', '请求内容有误', '请求体不是有效的 JSON');
    return new HttpProblem(e.statusCode, 'client-error', '请求有误', e.expose && typeof e.message === 'string' ? e.message : undefined);
  }
  return null;
};

export const internalError = () =>
  new HttpProblem(500, 'internal-error', '服务暂时出错', '服务暂时出错，请稍后再试；如需求助，请提供请求编号');
