import {
  allowedTransitions,
  canTransition,
  checkTransition,
  FEEDBACK_ACTION_LABELS,
  FEEDBACK_STATUS_LABELS,
  FEEDBACK_STATUSES,
  isFinal,
} from '../../../shared/feedback/status';

describe('the feedback status machine', () => {
  it('follows submitted → accepted → in_progress → resolved → closed', () => {
    expect(canTransition('submitted', 'accepted')).toBe(true);
    expect(canTransition('accepted', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'resolved')).toBe(true);
    expect(canTransition('resolved', 'closed')).toBe(true);
  });

  it('lets simple problems be resolved straight after acceptance', () => {
    expect(canTransition('accepted', 'resolved')).toBe(true);
  });

  it('can reject feedback before it is resolved, never after', () => {
    expect(canTransition('submitted', 'rejected')).toBe(true);
    expect(canTransition('accepted', 'rejected')).toBe(true);
    expect(canTransition('in_progress', 'rejected')).toBe(true);
    expect(canTransition('resolved', 'rejected')).toBe(false);
    expect(canTransition('closed', 'rejected')).toBe(false);
  });

  it('never skips acceptance and never leaves a final status', () => {
    expect(canTransition('submitted', 'resolved')).toBe(false);
    expect(canTransition('submitted', 'closed')).toBe(false);
    expect(isFinal('closed')).toBe(true);
    expect(isFinal('rejected')).toBe(true);
    expect(allowedTransitions('closed')).toEqual([]);
  });

  it('reopens resolved feedback when the resident is not satisfied', () => {
    expect(canTransition('resolved', 'in_progress')).toBe(true);
  });

  it('requires a reply to resolve and a reason to reject', () => {
    expect(checkTransition('accepted', 'resolved', undefined)).toEqual({ ok: false, reason: 'note_required' });
    expect(checkTransition('accepted', 'resolved', '   ')).toEqual({ ok: false, reason: 'note_required' });
    expect(checkTransition('submitted', 'rejected', '')).toEqual({ ok: false, reason: 'note_required' });
    expect(checkTransition('accepted', 'resolved', '已安排保洁清运')).toEqual({ ok: true });
    expect(checkTransition('submitted', 'accepted', undefined)).toEqual({ ok: true });
  });

  it('refuses a move the machine does not have before looking at the note', () => {
    expect(checkTransition('closed', 'accepted', '重新打开')).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('has a Chinese label and an action verb for every status', () => {
    for (const s of FEEDBACK_STATUSES) {
      expect(FEEDBACK_STATUS_LABELS[s]).toMatch(/\p{Script=Han}/u);
      expect(FEEDBACK_ACTION_LABELS[s]).toMatch(/\p{Script=Han}/u);
    }
  });
});
