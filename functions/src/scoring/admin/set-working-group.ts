import { randomUUID } from 'node:crypto';
import type { scoringApi } from '../../../../shared/api/scoring';
import { effectivePeriodStatus, workingGroupEditable } from '../../../../shared/scoring/status';
import { recordAudit } from '../../audit/trail';
import type { FieldError } from '../../http/problem';
import type { Handler } from '../../http/route';
import { readPeriod } from '../access';
import { assignmentCode } from '../codes';
import { personOf } from '../people';
import { presentPeriod } from '../present';
import { stalePeriod, unprocessableWith, workingGroupFixed } from '../problems';
import { deleteCodePointer, savePeriod, type WorkingGroupMember } from '../store';

/**
 * The committee sets the working group (创评工作小组): its members, the branches each reviews, and its one lead,
 * who sets each branch's final score and star. Members are accounts of the community or names with a code to
 * claim; a member kept (by id) keeps their account or code. Until the reviews begin.
 */
export const setScoringWorkingGroup: Handler<typeof scoringApi.setScoringWorkingGroup> = async ({ params, body }, { principal, now, sourceIp }) => {
  const cid = principal.communityId;
  const period = await readPeriod(cid, params.id);
  if (!workingGroupEditable(effectivePeriodStatus(period, now))) throw workingGroupFixed();
  if (period.version !== body.version) throw stalePeriod();
  const errors: FieldError[] = [];
  const branchIds = new Set(period.branches.map((b) => b.id));
  const existing = new Map(period.workingGroup.map((m) => [m.id, m]));
  const people = await Promise.all(body.members.map((m) => (m.userId ? personOf(cid, m.userId) : Promise.resolve(undefined))));
  body.members.forEach((m, i) => {
    m.branchIds.forEach((b, j) => {
      if (!branchIds.has(b)) errors.push({ location: 'body', path: `members.${i}.branchIds.${j}`, message: '该党支部不参加本周期评定' });
    });
    if (m.id && !existing.has(m.id)) errors.push({ location: 'body', path: `members.${i}.id`, message: '工作小组中没有这位成员' });
    if (m.userId && !people[i]) errors.push({ location: 'body', path: `members.${i}.userId`, message: '本社区没有这个人' });
  });
  if (errors.length) throw unprocessableWith(errors.some((e) => e.path.endsWith('userId')) ? 'unknown-person' : 'unknown-branch', errors[0]!.message, errors);
  const at = now.toISOString();
  const issued: string[] = [];
  const members: WorkingGroupMember[] = [];
  for (const [i, m] of body.members.entries()) {
    const before = m.id ? existing.get(m.id) : undefined;
    const person = people[i];
    const userId = person?.id ?? before?.userId;
    const member: WorkingGroupMember = {
      id: before?.id ?? randomUUID(),
      name: person?.name ?? m.name,
      branchIds: m.branchIds,
      lead: m.lead,
      assignedAt: before?.assignedAt ?? at,
      ...(userId ? { userId } : {}),
    };
    if (!userId) {
      member.claimCode = before?.claimCode ?? (await assignmentCode(cid, period.id));
      if (!before?.claimCode) issued.push(member.claimCode);
    }
    members.push(member);
  }
  const userIds = members.flatMap((m) => (m.userId ? [m.userId] : []));
  if (new Set(userIds).size !== userIds.length) {
    await Promise.all(issued.map((c) => deleteCodePointer(cid, c)));
    throw unprocessableWith('unknown-person', '同一个人不能在工作小组中出现两次', [{ location: 'body', path: 'members', message: '同一个人不能重复加入' }]);
  }
  const saved = await savePeriod(period, { workingGroup: members }, { expectedVersion: body.version, at, inStatus: period.status });
  if (!saved) {
    await Promise.all(issued.map((c) => deleteCodePointer(cid, c)));
    throw stalePeriod();
  }
  const kept = new Set(members.flatMap((m) => (m.claimCode ? [m.claimCode] : [])));
  await Promise.all(period.workingGroup.flatMap((m) => (m.claimCode && !kept.has(m.claimCode) ? [deleteCodePointer(cid, m.claimCode)] : [])));
  await recordAudit({ action: 'scoring-period-setup', actor: principal, at: now, sourceIp, target: { kind: 'scoring-period', id: period.id }, change: `working group: ${members.length} members` });
  return presentPeriod(saved, principal, now);
};
