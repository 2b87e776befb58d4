import { randomUUID } from 'node:crypto';

/**
 * Notifications go through an outbox kept in the item that changed (DESIGN.md): the change and its message are
 * one conditional write, so no acknowledged change loses its message. A scheduled job of the owning context
 * drains the outbox through `deliverOutbox`, with its table's `OutboxStore` (`itemOutbox` in item-outbox.ts
 * serves any table that keeps the outbox in an `outbox` list and lists such items in a sparse index).
 */
/** The kinds of message, one WeChat subscription template each (`senders.ts`). */
export const OUTBOX_MESSAGE_KINDS = ['feedback-status', 'council-reminder', 'scoring-sent-back'] as const;
export type OutboxMessageKind = (typeof OUTBOX_MESSAGE_KINDS)[number];

export interface OutboxMessage {
  id: string;
  /**
   * What happened, as a template name: `feedback-status` (a reporter's feedback changed status),
   * `council-reminder` (a council member has not voted and voting closes soon), `scoring-sent-back` (a branch
   * secretary's self-assessment was sent back to them, with the reason).
   */
  kind: OutboxMessageKind;
  /** The user to tell, and their WeChat openid when they have one (residents signed in through WeChat). */
  to: string;
  toOpenid?: string;
  at: string;
  /** The template's values: short domain words and ids, nothing the recipient could not see anyway. */
  data: Record<string, string>;
  /** The mini-program page the message opens. */
  page: string;
}

export const newMessage = (m: Omit<OutboxMessage, 'id'>): OutboxMessage => ({ id: randomUUID(), ...m });

/** Where a delivery stands, kept per message id: the guard against sending one message twice. */
export type DeliveryState = 'sending' | 'sent' | 'not-sent';

/** What a sender reports: delivered, or refused for good (no subscription, no template) with a reason. */
export type SendResult = { sent: true } | { sent: false; reason: string };

export interface Sender {
  send(message: OutboxMessage): Promise<SendResult>;
}

/** The storage side of one context's outbox: its items with pending messages, and its delivery ledger. */
export interface OutboxStore<Ref> {
  /** Items with pending messages, oldest first. */
  pending(limit: number): Promise<Ref[]>;
  /** The item's pending messages, in order. */
  messages(ref: Ref): Promise<OutboxMessage[]>;
  /** Claims a message for sending (one conditional put); returns the state found if someone claimed it first. */
  claim(ref: Ref, message: OutboxMessage, now: Date): Promise<{ claimed: true } | { claimed: false; state: DeliveryState; claimedAt: string }>;
  settle(ref: Ref, message: OutboxMessage, state: Exclude<DeliveryState, 'sending'>, reason?: string): Promise<void>;
  /** Gives a claim back after a passing failure, so the next run tries again. */
  release(ref: Ref, message: OutboxMessage): Promise<void>;
  /** Takes the message off the item's outbox (only if it is still the first one). */
  remove(ref: Ref, message: OutboxMessage): Promise<void>;
}

/** A claim still `sending` after this long belongs to a drainer that died mid-send. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * Delivers pending messages, each at most once, and never drops one that was not sent:
 *  1. claim the message in the ledger (conditional put: only one drainer gets it);
 *  2. send it; 3. settle the ledger (sent, or refused for good); 4. take it off the outbox.
 * A passing failure at 2 (network) gives the claim back: the next run sends again. A crash after 3 leaves a
 * settled claim: the next run only does 4. A crash between 1 and 3 leaves a claim in `sending`: whether
 * WeChat got the message is unknown, and a one-time subscription cannot carry a second one, so once the lease
 * has passed it is taken off without sending again (logged). Returns what was sent and what was not.
 */
export const deliverOutbox = async <Ref>(
  store: OutboxStore<Ref>,
  sender: Sender,
  now: Date,
  limit = 50,
): Promise<{ sent: number; notSent: number; abandoned: number }> => {
  const counts = { sent: 0, notSent: 0, abandoned: 0 };
  for (const ref of await store.pending(limit)) {
    for (const message of await store.messages(ref)) {
      const claim = await store.claim(ref, message, now);
      if (claim.claimed) {
        let result: SendResult;
        try {
          result = await sender.send(message);
        } catch (err) {
          await store.release(ref, message);
          throw err;
        }
        await store.settle(ref, message, result.sent ? 'sent' : 'not-sent', result.sent ? undefined : result.reason);
        counts[result.sent ? 'sent' : 'notSent']++;
      } else if (claim.state === 'sending') {
        // another drainer is sending it right now: leave it; or it died mid-send: do not risk a second message
        if (now.getTime() - Date.parse(claim.claimedAt) < CLAIM_LEASE_MS) break;
        counts.abandoned++;
      }
      await store.remove(ref, message);
    }
  }
  return counts;
};
