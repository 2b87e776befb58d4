/**
 * The sentences the pages build from status labels (miniprogram/src/components/statusText.ts). The labels carry
 * their own 已 (已受理, 已解决, 已办结, 已撤回): no sentence may put another 已 before one ("这条反馈已「已办结」").
 */
import { FEEDBACK_STATUSES, FEEDBACK_STATUS_LABELS } from '../../../shared/feedback/status';
import { statusText } from '../../../miniprogram/src/components/statusText';

const everySentence = (): string[] =>
  FEEDBACK_STATUSES.flatMap((s) => [
    statusText.final(s),
    statusText.updated(s),
    statusText.movedTo(s),
    statusText.queueTitle(s),
    statusText.queueEmpty(s),
    statusText.nothingForSteward(s),
    ...FEEDBACK_STATUSES.map((to) => statusText.cannotMove(s, to)),
  ]);

describe('sentences built from status labels', () => {
  it('never double 已', () => {
    const doubled = everySentence().filter((t) => /已「已|已已/.test(t));
    expect(doubled).toEqual([]);
  });

  it('quote the label as it is shown on the status tag', () => {
    expect(statusText.final('closed')).toBe('这条反馈当前为「已办结」，无需再处理。');
    expect(statusText.updated('accepted')).toBe('已更新：当前状态为「已受理」');
    expect(statusText.cannotMove('closed', 'accepted')).toBe('「已办结」的反馈不能受理');
    for (const s of FEEDBACK_STATUSES) expect(statusText.queueTitle(s)).toContain(`「${FEEDBACK_STATUS_LABELS[s]}」`);
  });
});
