import type { Feedback } from '../../../shared/api/feedback';
import { signedUrl } from '../uploads';
import { maskPhone } from '../../../shared/feedback/contact';
import { responseDueAt } from '../../../shared/feedback/targets';
import { isUnread, type FeedbackItem } from './store';

/**
 * Feedback as an answer shows it: its photos as signed URLs (minutes long) in place of their stored keys. Only
 * for callers who may read the item: the use case decides that before it calls this.
 */
export const presentFeedback = async (item: FeedbackItem, viewer: 'reporter' | 'assignee' | 'committee' = 'reporter'): Promise<Feedback> => {
  // internal notes are for staff and the assignee: never for the resident
  const { photoKeys, notes, ...fields } = item;
  const rest = {
    ...fields,
    // the news marker is the reporter's alone
    ...(viewer === 'reporter' ? { unread: isUnread(item) } : {}),
    responseDueAt: responseDueAt(item.category, item.createdAt),
    ...(viewer !== 'reporter' && notes ? { notes } : {}),
    // phone numbers whole for the committee only (an assigned steward sees them masked)
    ...(fields.phone ? { phone: viewer === 'committee' ? fields.phone : maskPhone(fields.phone) } : {}),
    ...(fields.onBehalf?.phone ? { onBehalf: { ...fields.onBehalf, phone: viewer === 'committee' ? fields.onBehalf.phone : maskPhone(fields.onBehalf.phone) } } : {}),
  };
  if (!photoKeys?.length) return rest;
  const photos = await Promise.all(photoKeys.map(async (p) => ({ url: await signedUrl(p.key), contentType: p.contentType })));
  return { ...rest, photos };
};
