import { deliverOutbox } from '../../notify/outbox';
import { senderForHere } from '../../notify/senders';
import { feedbackOutbox } from '../store';

/** Sends what the feedback outbox holds (status changes told to reporters). Returns how many went out. */
export const deliverFeedbackNotifications = async (now: Date): Promise<number> =>
  (await deliverOutbox(feedbackOutbox, senderForHere(), now)).sent;
