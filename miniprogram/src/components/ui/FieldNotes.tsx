import { cx } from './classes';

/** The ids a field's hint and error carry, and what its control points at with `aria-describedby`. */
export const fieldNoteIds = (p: { id: string; hint?: string; error?: string }) => {
  const hintId = `${p.id}-hint`;
  const errorId = `${p.id}-error`;
  return { hintId, errorId, describedBy: cx(p.hint && hintId, p.error && errorId) || undefined };
};

/** Browser build only (imported by the .h5 fields): a field's hint, and its error announced as it appears, under the control. */
export function FieldNotes(p: { id: string; hint?: string; error?: string }) {
  const { hintId, errorId } = fieldNoteIds(p);
  return (
    <>
      {p.hint ? (
        <span id={hintId} className='gz-hint'>
          {p.hint}
        </span>
      ) : null}
      {p.error ? (
        <span id={errorId} className='gz-error' role='alert'>
          {p.error}
        </span>
      ) : null}
    </>
  );
}
