/**
 * The request target as the client sent it: the path still percent-encoded, and the query. `new URL(req.url, base)`
 * is not used for this: it reads `//host/path` as a host, and it never says whether an escape is valid.
 */
export interface RequestTarget {
  /** Raw path, still percent-encoded: what API Gateway calls `rawPath`. */
  path: string;
  /** Raw query string without the `?` (may be empty). */
  query: string;
}

/** Origin-form (`/path?query`) as browsers send it, or absolute-form (`http://host/path`) as proxies may; else undefined. */
export const requestTarget = (url: string | undefined): RequestTarget | undefined => {
  if (!url) return undefined;
  if (url.startsWith('/')) {
    const noFragment = url.split('#', 1)[0]!;
    const q = noFragment.indexOf('?');
    return q < 0 ? { path: noFragment, query: '' } : { path: noFragment.slice(0, q), query: noFragment.slice(q + 1) };
  }
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    const u = new URL(url);
    return { path: u.pathname, query: u.search.slice(1) };
  } catch {
    return undefined;
  }
};

/** `decodeURIComponent` that answers undefined for a malformed escape (`%`, `%ZZ`, bytes that are not UTF-8). */
export const decodeSegment = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
};
