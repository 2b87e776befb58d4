import type { Motion } from '@shared/api/council';
import { call, staffCall, type Realm } from '../../api';

/** The client of the realm the page is in: a member's motion page and the committee's are the same sections. */
export const clientOf = (realm: Realm) => (realm === 'staff' ? staffCall : call);

/** What every section of a motion's page gets: the motion as read, and how to say what happened. */
export interface MotionSectionProps {
  motion: Motion;
  realm: Realm;
  /** After an act: the motion as it is now, and a sentence for the person. */
  onChanged: (motion: Motion, text: string) => void;
  onFailed: (text: string) => void;
}
