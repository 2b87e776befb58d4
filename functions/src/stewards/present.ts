import type { Household, HouseholdRecord, HouseholdSummary } from '../../../shared/api/stewards';
import { daysWaiting, isOverdue, maskedName } from '../../../shared/stewards/households';
import { signedUrl } from '../uploads';
import type { HelpItem, HouseholdItem, VisitItem, WorkItem } from './store';

/** How the day is seen: today in China, and the committee's visit interval. */
export interface Today {
  date: string;
  intervalDays: number;
}

/** `12栋 2单元 301`: the address as people say it. */
export const addressOf = (h: Pick<HouseholdItem, 'building' | 'unit' | 'room'>): string => [h.building, h.unit, h.room].filter(Boolean).join(' ');

export const presentHousehold = (h: HouseholdItem, today: Today): Household => ({
  id: h.id,
  compound: h.compound,
  building: h.building,
  ...(h.unit ? { unit: h.unit } : {}),
  ...(h.room ? { room: h.room } : {}),
  address: addressOf(h),
  name: h.name,
  labels: h.labels,
  steward: { id: h.stewardId, name: h.stewardName },
  ...(h.note ? { note: h.note } : {}),
  ...(h.lastVisitDate ? { lastVisitDate: h.lastVisitDate } : {}),
  visitCount: h.visitIds?.length ?? 0,
  daysWaiting: daysWaiting(h, today.date),
  overdue: isOverdue(h, today.date, today.intervalDays),
  version: h.version,
  createdAt: h.createdAt,
});

/** A household in a list: its steward reads the name; the committee's lists mask it (the record, audited, has it). */
export const householdSummary = (h: HouseholdItem, today: Today, masked: boolean): HouseholdSummary => {
  const { id, compound, address, name, labels, steward, lastVisitDate, visitCount, daysWaiting: waiting, overdue } = presentHousehold(h, today);
  return { id, compound, address, name: masked ? maskedName(name) : name, labels, steward, ...(lastVisitDate ? { lastVisitDate } : {}), visitCount, daysWaiting: waiting, overdue };
};

const isVisit = (w: WorkItem): w is VisitItem => w.kind === 'visit';

/**
 * A household's record as its steward and staff read it: visits' photos as signed URLs (minutes long) in place of
 * their stored keys. Only for callers who may read the record: the use case decides that before it calls this.
 */
export const presentRecord = async (household: HouseholdItem, work: readonly WorkItem[], today: Today): Promise<HouseholdRecord> => ({
  household: presentHousehold(household, today),
  visits: await Promise.all(
    work.filter(isVisit).map(async (v) => ({
      id: v.id,
      date: v.date,
      metWith: v.metWith,
      discussed: v.discussed,
      ...(v.needs ? { needs: v.needs } : {}),
      stewardName: v.stewardName,
      recordedAt: v.recordedAt,
      feedbackIds: v.feedbackIds ?? [],
      photos: await Promise.all((v.photoKeys ?? []).map(async (p) => ({ url: await signedUrl(p.key), contentType: p.contentType }))),
    })),
  ),
  help: work
    .filter((w): w is HelpItem => !isVisit(w))
    .map((h) => ({ id: h.id, kind: h.kind, date: h.date, whatWasDone: h.whatWasDone, hours: h.hours, stewardName: h.stewardName, recordedAt: h.recordedAt })),
});
