import { deliverOutbox } from '../../notify/outbox';
import { senderForHere } from '../../notify/senders';
import { councilOutbox } from '../store';

/** Sends what the council's outbox holds (reminders to vote). Returns how many went out. */
export const deliverCouncilNotifications = async (now: Date): Promise<number> =>
  (await deliverOutbox(councilOutbox, senderForHere(), now)).sent;
