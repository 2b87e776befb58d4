import type { Team } from '@shared/api/teams';

/** What every section of the team page is given: the team, and how to report what an action did. */
export interface SectionProps {
  team: Team;
  /** The team after an action, and the sentence that says what happened. */
  onChanged: (team: Team, message: string) => void;
  /** An action failed: the message, shown where the page shows outcomes. */
  onFailed: (message: string) => void;
}

/** The member of this team the signed-in person is (a member's id is their user id). */
export const meIn = (team: Team, userId: string) => team.members.find((m) => m.id === userId);
