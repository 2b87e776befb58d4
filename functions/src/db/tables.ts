/**
 * The table definitions: the single source that CDK (AWS), the local gateway and the tests (dynalite) create
 * tables from. One table per bounded context; every key starts with the community id (`C#<communityId>#…`).
 */
export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
  /**
   * The non-key attributes a list reads from this index (DynamoDB `INCLUDE`): a page then costs what its
   * summaries weigh, not what the whole items weigh. Key attributes of the table and the index always come along.
   */
  projection: readonly string[];
}

export interface TableDefinition {
  /** Logical name: the table is `gongzhi-<name>` unless the environment names it (`TABLE_<NAME>`). */
  name: string;
  partitionKey: string;
  sortKey?: string;
  indexes: readonly IndexDefinition[];
  /** Declared in CDK only: dynalite has no UpdateTimeToLive. */
  ttlAttribute?: string;
}

/** What a feedback list shows (`FeedbackSummary` in shared/api/feedback.ts). */
const FEEDBACK_SUMMARY = [
  'id', 'category', 'title', 'compound', 'status', 'reporterName', 'createdAt', 'updatedAt',
  // whether its reporter has seen the committee's latest change (the unread marker)
  'staffChangeVersion', 'reporterSeenVersion',
  // who works on it (the queue shows it), and the number residents quote
  'assignment', 'ref',
] as const;

/** What a team list shows (`TeamSummary` in shared/api/teams.ts; counts derive from the roster sets). */
const TEAM_SUMMARY = [
  'id', 'name', 'status', 'venueId', 'venueName', 'leaderName', 'createdAt', 'updatedAt',
  'memberIds', 'rulesAcceptedVersion', 'rulesAcceptedBy', 'registration', 'complaintIds',
] as const;

/** What the council lists show: councils (with their seats: counts per party), motions, comments (`shared/api/council.ts`). */
const COUNCIL_LISTED = [
  'id', 'name', 'purpose', 'parties', 'seats', 'createdAt',
  'councilId', 'title', 'status', 'times', 'closedEarlyAt', 'feedback', 'outcome', 'settings',
  'at', 'authorName', 'authorRole', 'party', 'text',
] as const;

/**
 * What the scoring lists read from gsi1 (`shared/api/scoring.ts`): periods, and in a period's partition its
 * assessments, rectification measures, submitted reviews and key tasks; the studio's sessions.
 */
const SCORING_LISTED = [
  'id', 'name', 'startDate', 'endDate', 'status', 'announcement', 'branches', 'createdAt',
  'periodId', 'branchId', 'branchName', 'proposed', 'problemKeys', 'submittedAt', 'result',
  'problemKey', 'deadline', 'doneAt', 'memberId', 'plan', 'execution', 'summary',
  'kind', 'topic', 'date', 'mentorIds', 'attendeeCount', 'attendees', 'note', 'recordedAt', 'recordedByName',
] as const;

/** What the household lists show (`HouseholdSummary` in shared/api/stewards.ts) and coverage counts. */
const HOUSEHOLD_LISTED = ['id', 'communityId', 'compound', 'building', 'unit', 'room', 'name', 'labels', 'stewardId', 'stewardName', 'since', 'lastVisitDate', 'visitIds', 'version', 'createdAt', 'updatedAt'] as const;

/** What the survey list shows: a survey's questions and status (its responses are counted apart). */
const SURVEY_LISTED = ['id', 'title', 'intro', 'questions', 'status', 'version', 'createdAt', 'updatedAt', 'openedAt', 'closedAt'] as const;

/** What a month's work is counted from: the kind, who, where, hours. */
const WORK_LISTED = ['id', 'kind', 'householdId', 'compound', 'date', 'stewardId', 'stewardName', 'hours', 'recordedAt'] as const;

export const tables = {
  identity: {
    name: 'identity',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      // sparse lists for staff: sign-in throttles (C#<cid>#SIGNIN-THROTTLES), and people by role (C#<cid>#ROLE#steward)
      {
        name: 'gsi1',
        partitionKey: 'gsi1pk',
        sortKey: 'gsi1sk',
        projection: ['scope', 'username', 'address', 'failures', 'nextAttemptAt', 'lastFailureAt', 'id', 'name'],
      },
    ],
    // sign-in throttles remove themselves a month after their last failure
    ttlAttribute: 'expiresAt',
  },
  feedback: {
    name: 'feedback',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      // a reporter's feedback, newest first
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: FEEDBACK_SUMMARY },
      // the committee's queue per status, oldest waiting first
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: FEEDBACK_SUMMARY },
      // resolved items by when they close themselves, for the scheduled job (sparse; across communities on
      // purpose: the job serves every community, and each key it finds still starts with its community)
      { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: ['status'] },
      // items with notifications waiting to be sent, oldest first (sparse, across communities: the notifier's)
      { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk', projection: ['status'] },
      // a reporter's items changed by the committee since they last looked (sparse: the unread count)
      { name: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk', projection: ['status'] },
      // a red steward's queue: what the committee assigned to them, latest first
      { name: 'gsi6', partitionKey: 'gsi6pk', sortKey: 'gsi6sk', projection: FEEDBACK_SUMMARY },
    ],
  },
  /**
   * Dance teams (functions/src/teams/): per team one partition (the team item, its members, activities, study
   * sessions and linked complaints), venues, occupancy cells, dance-rules versions, invite and registration
   * pointers.
   */
  teams: {
    name: 'teams',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      // a person's memberships (member items of residents with an account), newest first: "my teams"
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: ['teamId', 'memberId', 'joinedAt'] },
      // teams per status, longest in it first: the committee's review queue and its counts
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: TEAM_SUMMARY },
      // teams holding places at a venue (sparse: approved and suspended): the timetable and the slot check
      { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: ['id', 'name', 'status', 'slots', 'registration', 'venueId'] },
    ],
  },
  /**
   * Councils (functions/src/council/): a council is one item (its parties and seats: a seating is one conditional
   * write); a motion is one partition (the motion item with its schedule, roll and outcome, one item per ballot,
   * its comments and its reminders with their outbox); seat-claim codes and feedback links point at their records.
   */
  council: {
    name: 'council',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      // the community's councils, a council's motions, a motion's comments: each in the order it was made
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: COUNCIL_LISTED },
      // a council's decided motions, latest decision first: what residents read (sparse)
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: ['id', 'title', 'proposedDecision', 'feedback', 'settings', 'outcome'] },
      // scheduled motions by when voting closes, for the close and reminder jobs (sparse; across communities on
      // purpose, like feedback's job indexes: each key it finds still starts with its community)
      { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: ['status'] },
      // items with notifications to send, oldest first (sparse, across communities: the notifier's)
      { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk', projection: ['status'] },
    ],
  },
  /**
   * Branch star rating (functions/src/scoring/): a period is one item (its sheet, branches, secretaries, working
   * group, status); a branch's assessment in a period is one partition (the assessment item with its
   * self-assessment and final result, one item per reviewer's review, its rectification measures, meetings, key
   * tasks and evidence); the Old Secretary Studio's members and sessions; assignment codes point at their period.
   */
  scoring: {
    name: 'scoring',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      // the community's periods by start; a period's assessments, measures, submitted reviews and tasks; the
      // studio's sessions by date
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: SCORING_LISTED },
      // a branch's assessments across periods, by period start: its history
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: ['id', 'periodId', 'branchId', 'branchName', 'proposed', 'problemKeys', 'result'] },
      // assessments with notifications to send (a send-back, to the secretary), oldest first (sparse, across
      // communities: the notifier's)
      { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: ['status'] },
    ],
  },
  /**
   * Red stewards' work (functions/src/stewards/): a household is one partition (the household item with its last
   * visit and its visits' ids, and beside it its visits and help records); a survey is one partition (the survey
   * and its responses); the committee's settings.
   */
  stewards: {
    name: 'stewards',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [
      // a steward's households, the longest waiting for a visit first; a steward's month of visits and help; the
      // community's surveys, newest first
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: [...new Set([...HOUSEHOLD_LISTED, ...WORK_LISTED, ...SURVEY_LISTED])] },
      // the community's households, the longest waiting first (overdue: a range)
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: HOUSEHOLD_LISTED },
      // the community's month of visits and help: coverage counts it
      { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: WORK_LISTED },
    ],
  },
  /** The audit trail of staff acts, per community and month (functions/src/audit/). Append-only. */
  audit: {
    name: 'audit',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [],
  },
} as const satisfies Record<string, TableDefinition>;

export type TableKey = keyof typeof tables;

/** Environment variable that carries a table's physical name in AWS. */
export const tableEnvVar = (key: TableKey): string => `TABLE_${key.toUpperCase()}`;

/** Physical table name, read at call time so tests can point a run at its own tables. */
export const tableName = (key: TableKey): string =>
  process.env[tableEnvVar(key)] ?? `${process.env.TABLE_PREFIX ?? 'gongzhi-'}${tables[key].name}`;
