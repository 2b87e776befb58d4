/**
 * How a motion is decided (shared/council/outcome.ts): the count, the quorum, the three pass rules, ties and
 * abstentions. Examples first, as the README states the rules; then properties over any roll and any ballots.
 */
import fc from 'fast-check';
import {
  ABSTAIN,
  decide,
  decisionText,
  isValidChoice,
  optionsOf,
  PASS_RULES,
  quorumMet,
  quorumRequired,
  tally,
  votesNeeded,
  type OptionKind,
  type PassRule,
} from '../../../shared/council/outcome';

const yesNo = optionsOf('yes-no');
/** A yes–no count: `yes` for, `no` against, `abstain` abstaining, of a roll of `roll`. */
const count = (yes: number, no: number, abstain: number, roll: number) =>
  tally(yesNo, roll, [...Array(yes).fill('yes'), ...Array(no).fill('no'), ...Array(abstain).fill(ABSTAIN)]);

describe('options', () => {
  it('are 同意/反对 by default, or the chair’s labels as o1, o2, …; 弃权 is always a valid choice', () => {
    expect(yesNo).toEqual([
      { id: 'yes', label: '同意' },
      { id: 'no', label: '反对' },
    ]);
    const choice = optionsOf('choice', ['19:00–20:30', '19:30–21:00']);
    expect(choice).toEqual([
      { id: 'o1', label: '19:00–20:30' },
      { id: 'o2', label: '19:30–21:00' },
    ]);
    expect(isValidChoice(choice, 'o2')).toBe(true);
    expect(isValidChoice(choice, ABSTAIN)).toBe(true);
    expect(isValidChoice(choice, 'o3')).toBe(false);
    expect(isValidChoice(choice, 'yes')).toBe(false);
  });
});

describe('the count', () => {
  it('counts each ballot once, abstentions apart, every option present', () => {
    expect(count(3, 1, 2, 9)).toEqual({ rollSize: 9, cast: 6, abstain: 2, byOption: { yes: 3, no: 1 } });
    expect(tally(yesNo, 5, [])).toEqual({ rollSize: 5, cast: 0, abstain: 0, byOption: { yes: 0, no: 0 } });
  });

  it('ignores a choice that names no option (it cannot be stored; the count stays total)', () => {
    expect(tally(yesNo, 3, ['yes', 'o7', 'maybe'])).toEqual({ rollSize: 3, cast: 1, abstain: 0, byOption: { yes: 1, no: 0 } });
  });
});

describe('quorum', () => {
  it('is a share of the roll, rounded up, never fewer than one ballot; abstentions count towards it', () => {
    expect(quorumRequired(9, 50)).toBe(5);
    expect(quorumRequired(10, 50)).toBe(5);
    expect(quorumRequired(10, 67)).toBe(7);
    expect(quorumRequired(3, 1)).toBe(1);
    expect(quorumRequired(0, 50)).toBe(1);
    expect(quorumMet(count(0, 0, 5, 10), 50)).toBe(true);
    expect(quorumMet(count(2, 2, 0, 10), 50)).toBe(false);
  });

  it('not met: nothing is decided, whatever the votes say', () => {
    expect(decide('yes-no', count(4, 0, 0, 10), 'simple-majority', 50)).toMatchObject({ result: 'no-quorum', quorumRequired: 5, quorumMet: false });
  });

  it('an empty roll never decides anything', () => {
    expect(decide('yes-no', count(0, 0, 0, 0), 'simple-majority', 50).result).toBe('no-quorum');
  });
});

describe('the pass rules (yes–no)', () => {
  it.each<[string, [number, number, number, number], PassRule, 'passed' | 'rejected']>([
    ['simple majority: more for than against', [5, 4, 0, 9], 'simple-majority', 'passed'],
    ['simple majority: abstentions count neither way', [3, 2, 4, 9], 'simple-majority', 'passed'],
    ['simple majority: a tie does not pass', [4, 4, 1, 9], 'simple-majority', 'rejected'],
    ['simple majority: everyone abstaining passes nothing', [0, 0, 9, 9], 'simple-majority', 'rejected'],
    ['two-thirds: exactly two thirds pass', [6, 3, 0, 9], 'two-thirds', 'passed'],
    ['two-thirds: just under does not', [5, 3, 0, 9], 'two-thirds', 'rejected'],
    ['two-thirds: abstentions count neither way', [2, 1, 6, 9], 'two-thirds', 'passed'],
    ['majority of seats: more than half the roll for', [5, 0, 0, 9], 'majority-of-seats', 'passed'],
    ['majority of seats: abstentions work as against', [4, 0, 5, 9], 'majority-of-seats', 'rejected'],
    ['majority of seats: half is not more than half', [5, 0, 5, 10], 'majority-of-seats', 'rejected'],
  ])('%s', (_, [yes, no, abstain, roll], rule, result) => {
    expect(decide('yes-no', count(yes, no, abstain, roll), rule, 50).result).toBe(result);
  });

  it('says how many votes were needed, and of what', () => {
    expect(votesNeeded('simple-majority', 9, 20)).toBe(5);
    expect(votesNeeded('simple-majority', 8, 20)).toBe(5);
    expect(votesNeeded('two-thirds', 9, 20)).toBe(6);
    expect(votesNeeded('two-thirds', 10, 20)).toBe(7);
    expect(votesNeeded('majority-of-seats', 3, 20)).toBe(11);
    expect(votesNeeded('majority-of-seats', 3, 21)).toBe(11);
  });

  it('marks a tie, and explains each outcome in a sentence', () => {
    const t = count(4, 4, 1, 9);
    const d = decide('yes-no', t, 'simple-majority', 50);
    expect(d).toMatchObject({ result: 'rejected', tie: true, forOrAgainst: 8, votesNeeded: 5 });
    expect(decisionText('yes-no', yesNo, t, d, 'simple-majority')).toBe('赞成与反对各 4 票，票数相同，未通过');
    const passed = count(5, 2, 1, 9);
    expect(decisionText('yes-no', yesNo, passed, decide('yes-no', passed, 'simple-majority', 50), 'simple-majority')).toBe(
      '赞成 5 票，赞成与反对共 7 票，需 4 票，通过',
    );
    const few = count(2, 0, 0, 9);
    expect(decisionText('yes-no', yesNo, few, decide('yes-no', few, 'simple-majority', 50), 'simple-majority')).toBe(
      '应投票 9 人，实投 2 人，未达到法定人数 5 人，本次表决无效',
    );
  });
});

describe('a choice among options', () => {
  const options = optionsOf('choice', ['甲', '乙', '丙']);
  const choose = (votes: string[], roll = 9) => tally(options, roll, votes);

  it('chooses the leading option when it meets the rule', () => {
    expect(decide('choice', choose(['o2', 'o2', 'o2', 'o1', 'o3', ABSTAIN]), 'simple-majority', 50)).toMatchObject({ result: 'passed', chosen: 'o2' });
  });

  it('a leader without a majority of the votes for options chooses nothing', () => {
    expect(decide('choice', choose(['o2', 'o2', 'o1', 'o1', 'o3', 'o2', 'o3']), 'simple-majority', 50)).toMatchObject({ result: 'rejected', leading: 'o2' });
  });

  it('two options sharing the most votes choose neither', () => {
    const d = decide('choice', choose(['o1', 'o1', 'o2', 'o2', 'o3']), 'simple-majority', 50);
    expect(d).toMatchObject({ result: 'rejected', tie: true });
    expect(d.chosen).toBeUndefined();
    expect(decisionText('choice', options, choose(['o1', 'o1', 'o2', 'o2', 'o3']), d, 'simple-majority')).toBe('得票最多的选项票数相同，未能选定');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const kindArb = fc.constantFrom<OptionKind>('yes-no', 'choice');
const ruleArb = fc.constantFrom(...PASS_RULES);
/** A roll, and ballots from at most every member on it. */
const caseArb = kindArb.chain((kind) => {
  const options = kind === 'yes-no' ? yesNo : optionsOf('choice', ['甲', '乙', '丙', '丁']);
  const choices = [...options.map((o) => o.id), ABSTAIN];
  return fc.integer({ min: 0, max: 60 }).chain((roll) =>
    fc.record({
      kind: fc.constant(kind),
      options: fc.constant(options),
      roll: fc.constant(roll),
      ballots: fc.array(fc.constantFrom(...choices), { maxLength: roll }),
      rule: ruleArb,
      quorum: fc.integer({ min: 1, max: 100 }),
    }),
  );
});

describe('properties', () => {
  it('the count adds up: every ballot counted once, as an option or an abstention', () => {
    fc.assert(
      fc.property(caseArb, ({ options, roll, ballots }) => {
        const t = tally(options, roll, ballots);
        expect(t.cast).toBe(ballots.length);
        expect(Object.values(t.byOption).reduce((a, b) => a + b, 0) + t.abstain).toBe(t.cast);
        expect(t.cast).toBeLessThanOrEqual(t.rollSize);
      }),
    );
  });

  it('the order ballots arrive in changes nothing', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), ({ kind, options, roll, ballots, rule, quorum }, seed) => {
        const shuffled = [...ballots].sort((a, b) => ((a.charCodeAt(0) * 31 + seed) % 7) - ((b.charCodeAt(0) * 31 + seed) % 7));
        expect(decide(kind, tally(options, roll, shuffled), rule, quorum)).toEqual(decide(kind, tally(options, roll, ballots), rule, quorum));
      }),
    );
  });

  it('without quorum nothing passes; with it, the result is passed or rejected', () => {
    fc.assert(
      fc.property(caseArb, ({ kind, options, roll, ballots, rule, quorum }) => {
        const t = tally(options, roll, ballots);
        const d = decide(kind, t, rule, quorum);
        expect(d.result === 'no-quorum').toBe(!quorumMet(t, quorum));
      }),
    );
  });

  it('quorum only gets easier with more ballots', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom('yes', ABSTAIN), ({ options, roll, ballots, quorum }, extra) => {
        fc.pre(ballots.length < roll);
        if (quorumMet(tally(options, roll, ballots), quorum)) expect(quorumMet(tally(options, roll, [...ballots, extra]), quorum)).toBe(true);
      }),
    );
  });

  it('a tie never passes', () => {
    fc.assert(
      fc.property(caseArb, ({ kind, options, roll, ballots, rule, quorum }) => {
        const d = decide(kind, tally(options, roll, ballots), rule, quorum);
        if (d.tie) expect(d.result).not.toBe('passed');
      }),
    );
  });

  it('under the majorities of votes cast, abstentions change nothing once quorum is met', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 10 }), ({ kind, options, roll, ballots, quorum }, more) => {
        for (const rule of ['simple-majority', 'two-thirds'] as const) {
          const before = decide(kind, tally(options, roll + more, ballots), rule, quorum);
          const after = decide(kind, tally(options, roll + more, [...ballots, ...Array(more).fill(ABSTAIN)]), rule, quorum);
          if (before.quorumMet) expect(after.result).toBe(before.result);
        }
      }),
    );
  });

  it('the rules are ordered: majority of seats or two-thirds passing implies simple majority passing', () => {
    fc.assert(
      fc.property(caseArb, ({ kind, options, roll, ballots, quorum }) => {
        const t = tally(options, roll, ballots);
        const simple = decide(kind, t, 'simple-majority', quorum).result;
        if (decide(kind, t, 'two-thirds', quorum).result === 'passed') expect(simple).toBe('passed');
        if (decide(kind, t, 'majority-of-seats', quorum).result === 'passed') expect(simple).toBe('passed');
      }),
    );
  });

  it('a yes–no motion passes by simple majority exactly when more vote for than against', () => {
    fc.assert(
      fc.property(caseArb, ({ kind, options, roll, ballots, quorum }) => {
        fc.pre(kind === 'yes-no');
        const t = tally(options, roll, ballots);
        const d = decide(kind, t, 'simple-majority', quorum);
        if (d.quorumMet) expect(d.result === 'passed').toBe(t.byOption.yes! > t.byOption.no!);
      }),
    );
  });

  it('a choice that passes names its unique leader', () => {
    fc.assert(
      fc.property(caseArb, ({ kind, options, roll, ballots, rule, quorum }) => {
        fc.pre(kind === 'choice');
        const t = tally(options, roll, ballots);
        const d = decide(kind, t, rule, quorum);
        if (d.result !== 'passed') return;
        const votes = t.byOption[d.chosen!]!;
        for (const [id, n] of Object.entries(t.byOption)) if (id !== d.chosen) expect(n).toBeLessThan(votes);
      }),
    );
  });
});
