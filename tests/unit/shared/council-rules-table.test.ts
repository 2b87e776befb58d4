/**
 * The council's rules at their edges (issue 11), the survivors of the first mutation run: a count with no votes
 * at all, every sentence a choice's outcome can read, a schedule at exactly its limits and a millisecond past
 * them, a reminder at the very millisecond voting opens and closes, and where a motion stands at each moment.
 */
import { ABSTAIN, decide, decisionText, optionsOf, tally, type OptionKind, type PassRule } from '../../../shared/council/outcome';
import { dueReminder, effectiveClose, phaseOf, scheduleProblems, type MotionTimes } from '../../../shared/council/status';

describe('a count with no votes for anything', () => {
  it.each<[OptionKind, string[]]>([
    ['yes-no', []],
    ['yes-no', [ABSTAIN, ABSTAIN, ABSTAIN]],
    ['choice', []],
    ['choice', [ABSTAIN, ABSTAIN, ABSTAIN]],
  ])('%s, ballots %j: no tie, no leader (a choice), rejected or without quorum', (kind, ballots) => {
    const options = kind === 'yes-no' ? optionsOf('yes-no') : optionsOf('choice', ['甲', '乙']);
    const d = decide(kind, tally(options, 3, ballots), 'simple-majority', 50);
    expect(d.tie).toBe(false);
    expect(d.chosen).toBeUndefined();
    if (kind === 'choice') expect(d).not.toHaveProperty('leading');
    else expect(d.leading).toBe('yes');
    expect(d.result).toBe(ballots.length ? 'rejected' : 'no-quorum');
  });

  it('without quorum still tells the leader and the tie it saw', () => {
    const options = optionsOf('choice', ['甲', '乙']);
    expect(decide('choice', tally(options, 10, ['o2']), 'simple-majority', 50)).toEqual({
      result: 'no-quorum',
      tie: false,
      leading: 'o2',
      quorumRequired: 5,
      quorumMet: false,
      forOrAgainst: 1,
      votesNeeded: 1,
    });
    expect(decide('choice', tally(options, 10, ['o1', 'o2']), 'simple-majority', 50)).toMatchObject({ result: 'no-quorum', tie: true });
  });
});

describe('every sentence of a choice’s outcome', () => {
  const options = optionsOf('choice', ['周三晚', '周六上午', '周日下午']);
  type Row = [string, string[], number, PassRule, string];
  it.each<Row>([
    ['chosen by simple majority', ['o2', 'o2', 'o2', 'o1', ABSTAIN], 9, 'simple-majority', '“周六上午”得 3 票，赞成与反对共 4 票，需 3 票，选定“周六上午”'],
    ['leading without a majority of the votes for options', ['o2', 'o2', 'o1', 'o3', ABSTAIN], 9, 'simple-majority', '“周六上午”得 2 票，赞成与反对共 4 票，需 3 票，未能选定'],
    ['chosen by two thirds', ['o3', 'o3', 'o1', ABSTAIN, ABSTAIN], 9, 'two-thirds', '“周日下午”得 2 票，赞成与反对共 3 票，需 2 票，选定“周日下午”'],
    ['chosen by a majority of all seats: the roll is the basis', ['o1', 'o1', 'o1', 'o1', 'o1', 'o2'], 9, 'majority-of-seats', '“周三晚”得 5 票，应投票 9 人，需 5 票，选定“周三晚”'],
    ['short of a majority of all seats', ['o1', 'o1', 'o1', 'o1', 'o2'], 9, 'majority-of-seats', '“周三晚”得 4 票，应投票 9 人，需 5 票，未能选定'],
    ['two options share the most votes', ['o1', 'o2', ABSTAIN, ABSTAIN, ABSTAIN], 9, 'simple-majority', '得票最多的选项票数相同，未能选定'],
    ['nobody voted for an option', [ABSTAIN, ABSTAIN, ABSTAIN, ABSTAIN, ABSTAIN], 9, 'simple-majority', '没有选项得票，未能选定'],
    ['no quorum', ['o1', 'o1'], 9, 'simple-majority', '应投票 9 人，实投 2 人，未达到法定人数 5 人，本次表决无效'],
  ])('%s', (_, ballots, roll, rule, sentence) => {
    const t = tally(options, roll, ballots);
    expect(decisionText('choice', options, t, decide('choice', t, rule, 50), rule)).toBe(sentence);
  });

  it('a yes–no motion: rejected in words, and measured against the roll under a majority of all seats', () => {
    const yesNo = optionsOf('yes-no');
    const against = tally(yesNo, 9, ['yes', 'no', 'no', 'no', ABSTAIN]);
    expect(decisionText('yes-no', yesNo, against, decide('yes-no', against, 'simple-majority', 50), 'simple-majority')).toBe('赞成 1 票，赞成与反对共 4 票，需 3 票，未通过');
    const seats = tally(yesNo, 9, ['yes', 'yes', 'yes', 'yes', 'yes']);
    expect(decisionText('yes-no', yesNo, seats, decide('yes-no', seats, 'majority-of-seats', 50), 'majority-of-seats')).toBe('赞成 5 票，应投票 9 人，需 5 票，通过');
  });
});

describe('a schedule at its limits', () => {
  const now = new Date('2026-11-28T02:00:00.000Z');
  const t = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const MIN = 60_000;
  const DAY = 24 * 60 * MIN;
  const times = (discussion: number, opens: number, closes: number): MotionTimes => ({ discussionStartsAt: t(discussion), votingOpensAt: t(opens), votingClosesAt: t(closes) });

  it.each<[string, MotionTimes, string[]]>([
    ['discussion starting as voting opens', times(DAY, DAY, 2 * DAY), []],
    ['discussion a millisecond after voting opens', times(DAY + 1, DAY, 2 * DAY), ['讨论须在投票开始前开始']],
    ['voting opening exactly 5 minutes ago', times(-10 * MIN, -5 * MIN, DAY), []],
    ['voting opening 5 minutes and a millisecond ago', times(-10 * MIN, -5 * MIN - 1, DAY), ['投票开始时间不能早于现在']],
    ['a window of exactly 10 minutes', times(0, MIN, 11 * MIN), []],
    ['a window a millisecond short of 10 minutes', times(0, MIN, 11 * MIN - 1), ['投票时间至少 10 分钟']],
    ['a window of exactly 30 days', times(0, MIN, MIN + 30 * DAY), []],
    ['a window a millisecond over 30 days', times(0, MIN, MIN + 30 * DAY + 1), ['投票时间最长 30 天']],
    ['everything wrong at once', times(2 * DAY, DAY - 6 * MIN, DAY - 6 * MIN), ['讨论须在投票开始前开始', '投票时间至少 10 分钟']],
  ])('%s', (_, schedule, messages) => {
    expect(scheduleProblems(schedule, now).map((p) => p.message)).toEqual(messages);
  });
});

describe('reminders and phases at the very millisecond', () => {
  const opens = '2026-11-28T02:00:00.000Z';
  const close = '2026-11-30T02:00:00.000Z';
  const at = (iso: string, ms = 0) => new Date(Date.parse(iso) + ms);

  it.each<[string, Date, string | undefined]>([
    ['a millisecond before voting opens', at(opens, -1), undefined],
    ['as voting opens, with more than a day left', at(opens), undefined],
    ['a millisecond before the day’s moment', at(close, -24 * 3600_000 - 1), undefined],
    ['at the day’s moment', at(close, -24 * 3600_000), 'day'],
    ['a millisecond before the hour’s moment', at(close, -3600_000 - 1), 'day'],
    ['at the hour’s moment', at(close, -3600_000), 'hour'],
    ['a millisecond before close', at(close, -1), 'hour'],
    ['at close', at(close), undefined],
  ])('%s: %s', (_, now, kind) => {
    expect(dueReminder({ votingOpensAt: opens }, close, now)).toBe(kind);
  });

  it('a window opening within the last hour: the hour’s reminder from the millisecond it opens', () => {
    const late = '2026-11-30T01:30:00.000Z';
    expect(dueReminder({ votingOpensAt: late }, close, at(late))).toBe('hour');
    expect(dueReminder({ votingOpensAt: late }, close, at(late, -1))).toBeUndefined();
  });

  const times: MotionTimes = { discussionStartsAt: '2026-11-27T02:00:00.000Z', votingOpensAt: opens, votingClosesAt: close };
  it.each<[string, string | undefined, string]>([
    ['2026-11-27T01:59:59.999Z', undefined, 'scheduled'],
    ['2026-11-27T02:00:00.000Z', undefined, 'discussion'],
    ['2026-11-28T01:59:59.999Z', undefined, 'discussion'],
    ['2026-11-28T02:00:00.000Z', undefined, 'voting'],
    ['2026-11-30T01:59:59.999Z', undefined, 'voting'],
    ['2026-11-30T02:00:00.000Z', undefined, 'counting'],
    // closed early: counting from then
    ['2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z', 'counting'],
    ['2026-11-28T23:59:59.999Z', '2026-11-29T00:00:00.000Z', 'voting'],
    // an early close recorded after the scheduled close changes nothing
    ['2026-11-30T02:00:00.000Z', '2026-12-01T00:00:00.000Z', 'counting'],
  ])('at %s (closed early %s): %s', (now, closedEarlyAt, phase) => {
    expect(phaseOf({ status: 'scheduled', times, ...(closedEarlyAt ? { closedEarlyAt } : {}) }, now)).toBe(phase);
  });

  it('ends voting at the earlier of the scheduled and the early close', () => {
    expect(effectiveClose({ votingClosesAt: close })).toBe(close);
    expect(effectiveClose({ votingClosesAt: close }, '2026-11-29T00:00:00.000Z')).toBe('2026-11-29T00:00:00.000Z');
    expect(effectiveClose({ votingClosesAt: close }, '2026-12-01T00:00:00.000Z')).toBe(close);
  });

  it.each([
    ['proposed', 'proposed'],
    ['withdrawn', 'withdrawn'],
    ['decided', 'decided'],
    ['scheduled', 'scheduled'],
  ] as const)('a %s motion without times is %s', (status, phase) => {
    expect(phaseOf({ status }, '2026-11-28T02:00:00.000Z')).toBe(phase);
  });
});
