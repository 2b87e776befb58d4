/**
 * What a registered team does for the community besides dancing: performances at community events (文艺汇演,
 * e.g. promoting livelihood policies) and volunteer service (志愿服务: sanitation, epidemic prevention, visits to
 * elderly people living alone and families in need). Each is recorded with its date, hours and who attended;
 * each member's hours and the team's add up.
 */
export const ACTIVITY_KINDS = ['performance', 'volunteer'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  performance: '文艺汇演',
  volunteer: '志愿服务',
};

/** Hours are counted in half hours. */
export const roundHours = (hours: number): number => Math.round(hours * 2) / 2;

export interface ActivityRecord {
  kind: ActivityKind;
  /** Hours each attendee gave (the length of the event). */
  hours: number;
  attendeeIds: readonly string[];
}

export type HoursByKind = Record<ActivityKind, number>;
export const noHours = (): HoursByKind => ({ performance: 0, volunteer: 0 });

export interface HourTotals {
  /** Per member id: hours by kind. Members who attended nothing have zeros. */
  members: Record<string, HoursByKind>;
  /** The team: how many activities of each kind, and the person-hours they add up to. */
  team: Record<ActivityKind, { activities: number; hours: number }>;
}

/**
 * Adds up the hours: each attendee gets the activity's hours; the team's hours are person-hours, the sum over
 * every attendance. Attendees who have since left the team still count in the team's total (the work was done),
 * so it equals the sum of the current members' totals only while nobody who took part has left.
 */
export const hourTotals = (memberIds: readonly string[], activities: readonly ActivityRecord[]): HourTotals => {
  const members: Record<string, HoursByKind> = Object.fromEntries(memberIds.map((id) => [id, noHours()]));
  const team: HourTotals['team'] = { performance: { activities: 0, hours: 0 }, volunteer: { activities: 0, hours: 0 } };
  for (const a of activities) {
    team[a.kind].activities += 1;
    for (const id of new Set(a.attendeeIds)) {
      team[a.kind].hours += a.hours;
      const m = members[id];
      if (m) m[a.kind] += a.hours;
    }
  }
  return { members, team };
};
