import type { AuditEntry } from '../../../../../shared/api/audit';
import { AUDIT_ACTION_LABELS } from '../../../../../shared/api/audit';
import { FEEDBACK_STATUS_LABELS, type FeedbackStatus } from '../../../../../shared/feedback/status';

/*
 * The audit trail in words an admin reads: what was done, to what, what changed. Entries say what changed in the
 * server's terms (`submitted → accepted`, `branch 01, steward u-1`, `cleared 2`); these put them in Chinese,
 * and leave what they do not know as it is. Pure (relative imports of shared/: the unit tests load it).
 */

/** The act, by its label; an act this page does not know yet by its name. */
export const actionText = (action: string): string => (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;

const TARGET_KINDS: Record<string, string> = { feedback: '反馈', account: '账号' };

/** What was acted on: `反馈 1a2b3c4d` (ids shortened to their first 8 characters), `账号 committee`. */
export const targetText = (target: AuditEntry['target']): string => {
  if (!target) return '—';
  const kind = TARGET_KINDS[target.kind] ?? target.kind;
  return `${kind} ${target.kind === 'feedback' ? target.id.slice(0, 8) : target.id}`;
};

const statusLabel = (s: string): string => (FEEDBACK_STATUS_LABELS as Record<string, string>)[s as FeedbackStatus] ?? s;

/** Names for the ids an assignment names (branches and stewards), when the page has them. */
export interface Names {
  branches: ReadonlyMap<string, string>;
  stewards: ReadonlyMap<string, string>;
}

/** What changed: `待受理 → 已受理`, `党支部 望湖小区党支部、红色小管家 刘玉兰`, `解除 2 条限制`. */
export const changeText = (entry: Pick<AuditEntry, 'action' | 'change'>, names?: Names): string => {
  const change = entry.change?.trim();
  if (!change) return '—';
  const move = /^(\w+) → (\w+)$/.exec(change);
  if (entry.action === 'feedback-transition' && move) return `${statusLabel(move[1]!)} → ${statusLabel(move[2]!)}`;
  if (entry.action === 'feedback-assignment') {
    const parts = change.split(/,\s*/).map((part) => {
      const m = /^(branch|steward) (.+)$/.exec(part);
      if (!m) return part;
      const [, kind, id] = m as unknown as [string, 'branch' | 'steward', string];
      const name = (kind === 'branch' ? names?.branches : names?.stewards)?.get(id);
      return `${kind === 'branch' ? '党支部' : '红色小管家'} ${name ?? id}`;
    });
    return parts.join('、');
  }
  const cleared = /^cleared (\d+)$/.exec(change);
  if (entry.action === 'sign-in-unlock' && cleared) return `解除 ${cleared[1]} 条限制`;
  return change;
};
