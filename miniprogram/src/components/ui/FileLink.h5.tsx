import type { FileLinkProps } from './types';

/** Browser build: a document (a PDF) as a link with its name, opened by the browser's own viewer in a new tab. */
export function FileLink({ url, children, accessibleName }: FileLinkProps) {
  return (
    <a className='gz-link gz-file-link' href={url} target='_blank' rel='noopener noreferrer' aria-label={accessibleName}>
      {children}
    </a>
  );
}
