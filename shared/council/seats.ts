/**
 * A council's seats (议事会席位): the council names its parties (界别: 两委, 红色小管家, 妇联, 舞队, 居民代表 …) and how
 * many seats each has; the committee seats people in them for a term (start and end day, China dates, both days
 * included) with a role. Pure: the server checks a change with these before it writes, the pages with the same.
 */

export const SEAT_ROLES = ['chair', 'secretary', 'member'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];

export const SEAT_ROLE_LABELS: Record<SeatRole, string> = {
  chair: '召集人',
  secretary: '秘书',
  member: '成员',
};

/** The parties the seed names: the committee's form offers them, and may add others. */
export const DEFAULT_PARTIES = ['两委', '红色小管家', '妇联', '舞队', '居民代表'] as const;

/** At most this many seats per council (all terms): the seats live in the council's one item. */
export const MAX_SEATS = 1000;

export interface Party {
  name: string;
  /** How many people may sit for it at the same time. */
  seats: number;
}

export interface SeatTerm {
  /** China dates, `2026-01-01`; both days included. */
  termStart: string;
  termEnd: string;
}

export interface Seat extends SeatTerm {
  id: string;
  party: string;
  name: string;
  role: SeatRole;
  /** The person's account, once linked (seated by account, or claimed with the seat's code). */
  userId?: string;
}

/** The person sits on this day. */
export const inTerm = (t: SeatTerm, date: string): boolean => t.termStart <= date && date <= t.termEnd;

export const termsOverlap = (a: SeatTerm, b: SeatTerm): boolean => a.termStart <= b.termEnd && b.termStart <= a.termEnd;

/** The most seats of this list that are in term on one day. */
export const mostAtOnce = (terms: readonly SeatTerm[]): number => {
  let most = 0;
  // the busiest day is the first day of some term
  for (const t of terms) most = Math.max(most, terms.filter((u) => inTerm(u, t.termStart)).length);
  return most;
};

/** What is wrong with a set of seats, each naming the seat it is about. Empty: the set may be saved. */
export type SeatProblem =
  | { code: 'unknown-party'; seatId: string; party: string }
  | { code: 'party-full'; party: string; seats: number }
  | { code: 'two-chairs'; seatId: string; otherSeatId: string }
  | { code: 'seated-twice'; seatId: string; otherSeatId: string }
  | { code: 'too-many-seats' };

export const seatProblems = (parties: readonly Party[], seats: readonly Seat[]): SeatProblem[] => {
  const problems: SeatProblem[] = [];
  if (seats.length > MAX_SEATS) problems.push({ code: 'too-many-seats' });
  const byName = new Map(parties.map((p) => [p.name, p]));
  for (const s of seats) if (!byName.has(s.party)) problems.push({ code: 'unknown-party', seatId: s.id, party: s.party });
  for (const p of parties) {
    const mine = seats.filter((s) => s.party === p.name);
    if (mostAtOnce(mine) > p.seats) problems.push({ code: 'party-full', party: p.name, seats: p.seats });
  }
  // later seats are the ones at fault: the pair is named by the one that came second
  for (const [i, s] of seats.entries())
    for (const other of seats.slice(0, i)) {
      if (!termsOverlap(s, other)) continue;
      if (s.role === 'chair' && other.role === 'chair') problems.push({ code: 'two-chairs', seatId: s.id, otherSeatId: other.id });
      if (s.userId && s.userId === other.userId) problems.push({ code: 'seated-twice', seatId: s.id, otherSeatId: other.id });
    }
  return problems;
};

export const seatProblemText = (p: SeatProblem): string => {
  switch (p.code) {
    case 'unknown-party':
      return `议事会没有“${p.party}”这个界别`;
    case 'party-full':
      return `“${p.party}”界别只有 ${p.seats} 个席位，同一时间已坐满`;
    case 'two-chairs':
      return '同一任期内只能有一位召集人';
    case 'seated-twice':
      return '同一个人在同一任期内只能占一个席位';
    case 'too-many-seats':
      return `一个议事会最多 ${MAX_SEATS} 个席位`;
  }
};

/** The seats in term on `date`, by party in the council's order, then by role (chair first) and name. */
export const seatedOn = <S extends Seat>(parties: readonly Party[], seats: readonly S[], date: string): S[] => {
  const order = new Map(parties.map((p, i) => [p.name, i]));
  return seats
    .filter((s) => inTerm(s, date))
    .sort(
      (a, b) =>
        (order.get(a.party) ?? 99) - (order.get(b.party) ?? 99) ||
        SEAT_ROLES.indexOf(a.role) - SEAT_ROLES.indexOf(b.role) ||
        a.name.localeCompare(b.name, 'zh') ||
        a.id.localeCompare(b.id),
    );
};

/** The caller's seat in term on `date`, if any. */
export const seatOf = <S extends Seat>(seats: readonly S[], userId: string, date: string): S | undefined =>
  seats.find((s) => s.userId === userId && inTerm(s, date));
