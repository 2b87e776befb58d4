import type { councilApi } from '../../../shared/api/council';
import { optionsOf } from '../../../shared/council/outcome';
import { actAllowedIn, phaseOf, scheduleProblems as problemsOf } from '../../../shared/council/status';
import { recordAudit } from '../audit/trail';
import { chinaMinute } from '../feedback/china-time';
import type { Handler } from '../http/route';
import { readMotion, requireChairOrStaff } from './access';
import { ensureRoll } from './outcome';
import { presentMotion } from './present';
import { actNotAllowed, scheduleProblems, staleMotion } from './problems';
import { applySchedule, type MotionSettingsItem } from './store';

/** One spelling of every instant (`…T19:00:00.000Z`), so stored times compare as strings. */
const iso = (s: string) => new Date(s).toISOString();

/**
 * The chair (or staff) schedules a motion: discussion from `discussionStartsAt` (now unless said) until voting
 * opens, then the voting window; and the voting rules: options, quorum, pass rule, secret ballot, results hidden
 * until close, ballot changes. Until voting opens it may be rescheduled (with the version read); then it is fixed.
 */
export const scheduleMotion: Handler<typeof councilApi.scheduleMotion> = async ({ params, body }, { principal, now, sourceIp }) => {
  const ctx = await readMotion(principal, params.id, now);
  requireChairOrStaff(ctx);
  if (!actAllowedIn('schedule', ctx.phase)) throw actNotAllowed(ctx.phase, '安排讨论和表决');
  if (ctx.motion.version !== body.version) throw staleMotion();
  const votingOpensAt = iso(body.votingOpensAt);
  const times = {
    discussionStartsAt: body.discussionStartsAt ? iso(body.discussionStartsAt) : [now.toISOString(), votingOpensAt].sort()[0]!,
    votingOpensAt,
    votingClosesAt: iso(body.votingClosesAt),
  };
  const problems = problemsOf(times, now);
  if (problems.length) throw scheduleProblems(problems);
  const settings: MotionSettingsItem = {
    optionKind: body.options.kind,
    options: optionsOf(body.options.kind, body.options.kind === 'choice' ? body.options.labels : []),
    quorumPercent: body.quorumPercent,
    passRule: body.passRule,
    secret: body.secret,
    resultsHiddenUntilClose: body.resultsHiddenUntilClose,
    allowBallotChange: body.allowBallotChange,
  };
  const entry = {
    at: now.toISOString(),
    act: 'schedule' as const,
    byName: principal.name,
    note: `讨论 ${chinaMinute(times.discussionStartsAt)} 起，投票 ${chinaMinute(times.votingOpensAt)}–${chinaMinute(times.votingClosesAt)}`,
  };
  const saved = await applySchedule(ctx.motion, body.version, times, settings, entry);
  if (!saved) throw staleMotion();
  await recordAudit({
    action: 'motion-schedule',
    actor: principal,
    at: now,
    sourceIp,
    target: { kind: 'motion', id: saved.id },
    change: `${times.votingOpensAt}…${times.votingClosesAt} ${settings.passRule} quorum ${settings.quorumPercent}%${settings.secret ? ' secret' : ''}`,
  });
  // voting opening at once: the roll is fixed now, so the answer already shows who may vote (and the chair's own ballot)
  const opened = await ensureRoll(saved, now);
  return presentMotion({ ...ctx, motion: opened, phase: phaseOf(opened, now.toISOString()) }, principal, now);
};
