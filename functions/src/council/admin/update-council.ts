import type { councilApi } from '../../../../shared/api/council';
import { seatProblems as problemsOf } from '../../../../shared/council/seats';
import { recordAudit } from '../../audit/trail';
import type { Handler } from '../../http/route';
import { readCouncil } from '../access';
import { presentCouncil } from '../present';
import { seatProblems, staleCouncil } from '../problems';
import { saveCouncil } from '../store';

/**
 * The committee changes a council's name, purpose and parties, with the version it read. The seats must still
 * fit: a party cannot go while people sit in it, nor have fewer seats than it has people at one time.
 */
export const updateCouncil: Handler<typeof councilApi.updateCouncil> = async ({ params, body }, { principal, now, sourceIp }) => {
  const council = await readCouncil(principal, params.id);
  if (council.version !== body.version) throw staleCouncil();
  const problems = problemsOf(body.parties, council.seats);
  if (problems.length) throw seatProblems(problems);
  const saved = await saveCouncil(council, body.version, { name: body.name, purpose: body.purpose, parties: body.parties }, now.toISOString());
  if (!saved) throw staleCouncil();
  await recordAudit({ action: 'council-update', actor: principal, at: now, sourceIp, target: { kind: 'council', id: council.id }, change: `parties: ${body.parties.map((p) => `${p.name} ${p.seats}`).join(', ')}` });
  return presentCouncil(saved, principal, now);
};
