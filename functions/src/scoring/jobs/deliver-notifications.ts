import { deliverOutbox } from '../../notify/outbox';
import { senderForHere } from '../../notify/senders';
import { scoringOutbox } from '../store';

/** Sends what the scoring table's outbox holds (a send-back, to the branch's secretary). Returns how many went out. */
export const deliverScoringNotifications = async (now: Date): Promise<number> =>
  (await deliverOutbox(scoringOutbox, senderForHere(), now)).sent;
