import type { councilApi } from '../../../shared/api/council';
import { actAllowedFor, actAllowedIn, phaseOf } from '../../../shared/council/status';
import { recordAudit } from '../audit/trail';
import type { Handler } from '../http/route';
import { readMotion } from './access';
import { presentMotion } from './present';
import { actNotAllowed, notAllowed, staleMotion } from './problems';
import { applyWithdrawal } from './store';

/** Who proposed it, the chair or staff withdraws a motion, until voting opens; the reason stays in its history. */
export const withdrawMotion: Handler<typeof councilApi.withdrawMotion> = async ({ params, body }, { principal, now, sourceIp }) => {
  const ctx = await readMotion(principal, params.id, now);
  if (!actAllowedFor('withdraw', ctx.actors)) throw notAllowed('只有提出人、召集人或社区工作人员可以撤回议题');
  if (!actAllowedIn('withdraw', ctx.phase)) throw actNotAllowed(ctx.phase, '撤回');
  if (ctx.motion.version !== body.version) throw staleMotion();
  const entry = { at: now.toISOString(), act: 'withdraw' as const, byName: principal.name, ...(body.reason ? { note: body.reason } : {}) };
  const saved = await applyWithdrawal(ctx.motion, body.version, entry);
  if (!saved) throw staleMotion();
  await recordAudit({ action: 'motion-withdraw', actor: principal, at: now, sourceIp, target: { kind: 'motion', id: saved.id } });
  return presentMotion({ ...ctx, motion: saved, phase: phaseOf(saved, now.toISOString()) }, principal, now);
};
