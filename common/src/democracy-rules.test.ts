import { describe, expect, it } from 'vitest';
import {
  bodyRuleOf,
  daysOfNotice,
  defaultDemocracySettings,
  isAdultOn,
  quorumOf,
  reachesThreshold,
  smallestReaching,
  voteOutcome,
} from './democracy-rules';

const settings = defaultDemocracySettings;

describe('thresholds', () => {
  it('counts "以上" with the number and "过半数" without it', () => {
    expect(reachesThreshold(5, 10, { numerator: 1, denominator: 2, comparison: 'atLeast' })).toBe(true);
    expect(reachesThreshold(5, 10, { numerator: 1, denominator: 2, comparison: 'moreThan' })).toBe(false);
    expect(reachesThreshold(6, 10, { numerator: 1, denominator: 2, comparison: 'moreThan' })).toBe(true);
    expect(reachesThreshold(0, 0, { numerator: 1, denominator: 2, comparison: 'atLeast' })).toBe(false);
  });

  it('names the smallest count that reaches a threshold', () => {
    expect(smallestReaching(10, { numerator: 1, denominator: 2, comparison: 'moreThan' })).toBe(6);
    expect(smallestReaching(9, { numerator: 1, denominator: 2, comparison: 'moreThan' })).toBe(5);
    expect(smallestReaching(9, { numerator: 2, denominator: 3, comparison: 'atLeast' })).toBe(6);
    expect(smallestReaching(10, { numerator: 2, denominator: 3, comparison: 'atLeast' })).toBe(7);
  });
});

describe("the representatives' meeting (art. 26)", () => {
  const rule = bodyRuleOf('representatives', settings);

  it('has a quorum with exactly two thirds present, not with one fewer', () => {
    expect(quorumOf({ body: 'representatives', entitled: 30, present: 20 }, rule).met).toBe(true);
    expect(quorumOf({ body: 'representatives', entitled: 30, present: 19 }, rule).met).toBe(false);
    expect(quorumOf({ body: 'representatives', entitled: 30, present: 19 }, rule).needed).toBe(20);
  });

  it('has no quorum with exactly half present', () => {
    expect(quorumOf({ body: 'representatives', entitled: 30, present: 15 }, rule).met).toBe(false);
  });

  it('adopts by more than half of those present; a tie is not adopted', () => {
    const quorum = quorumOf({ body: 'representatives', entitled: 30, present: 20 }, rule);
    expect(voteOutcome(quorum, { for: 11, against: 9, abstain: 0 }, rule)).toEqual({ adopted: true });
    expect(voteOutcome(quorum, { for: 10, against: 10, abstain: 0 }, rule)).toEqual({ adopted: false });
    expect(voteOutcome(quorum, { for: 10, against: 2, abstain: 8 }, rule)).toEqual({ adopted: false });
  });

  it('refuses to count a vote without quorum or with more votes than people present', () => {
    const without = quorumOf({ body: 'representatives', entitled: 30, present: 15 }, rule);
    expect(voteOutcome(without, { for: 15, against: 0, abstain: 0 }, rule)).toEqual({ problem: 'no_quorum' });
    const quorum = quorumOf({ body: 'representatives', entitled: 30, present: 20 }, rule);
    expect(voteOutcome(quorum, { for: 15, against: 6, abstain: 0 }, rule)).toEqual({
      problem: 'more_votes_than_present',
    });
  });
});

describe("the villagers' meeting (art. 22)", () => {
  const rule = bodyRuleOf('villagers', settings);

  it('needs more than half of the adults: exactly half is no quorum', () => {
    expect(quorumOf({ body: 'villagers', entitled: 400, present: 200 }, rule).met).toBe(false);
    expect(quorumOf({ body: 'villagers', entitled: 400, present: 201 }, rule).met).toBe(true);
  });

  it('or two thirds or more of the households represented', () => {
    const input = { body: 'villagers' as const, entitled: 400, present: 120, households: 150 };
    expect(quorumOf({ ...input, householdsPresent: 100 }, rule).met).toBe(true);
    expect(quorumOf({ ...input, householdsPresent: 99 }, rule).met).toBe(false);
    expect(quorumOf({ ...input, householdsPresent: 99 }, rule).householdsNeeded).toBe(100);
  });
});

describe("the Party members' meeting (支部工作条例 art. 11)", () => {
  const rule = bodyRuleOf('party_members', settings);

  it('has a quorum with exactly half of the members entitled to vote', () => {
    expect(quorumOf({ body: 'party_members', entitled: 20, present: 10 }, rule).met).toBe(true);
    expect(quorumOf({ body: 'party_members', entitled: 20, present: 9 }, rule).met).toBe(false);
  });

  it('adopts by more than half of the members entitled to vote, not of those present', () => {
    const quorum = quorumOf({ body: 'party_members', entitled: 20, present: 12 }, rule);
    // 10 of 12 present is a large majority of those present, but not more than half of 20.
    expect(voteOutcome(quorum, { for: 10, against: 2, abstain: 0 }, rule)).toEqual({ adopted: false });
    expect(voteOutcome(quorum, { for: 11, against: 1, abstain: 0 }, rule)).toEqual({ adopted: true });
    expect(quorum.votesNeeded).toBe(11);
  });
});

describe('the two committees and the branch committee (settings)', () => {
  it('follow the settings the district chose', () => {
    const strict = {
      ...settings,
      jointCommittees: {
        quorum: { numerator: 2, denominator: 3, comparison: 'atLeast' as const },
        majority: { numerator: 1, denominator: 2, comparison: 'moreThan' as const },
        majorityOf: 'present' as const,
      },
    };
    expect(
      quorumOf(
        { body: 'joint_committees', entitled: 9, present: 5 },
        bodyRuleOf('joint_committees', settings),
      ).met,
    ).toBe(true);
    expect(
      quorumOf({ body: 'joint_committees', entitled: 9, present: 5 }, bodyRuleOf('joint_committees', strict))
        .met,
    ).toBe(false);
    expect(
      quorumOf(
        { body: 'branch_committee', entitled: 4, present: 2 },
        bodyRuleOf('branch_committee', settings),
      ).met,
    ).toBe(true);
  });
});

describe('dates', () => {
  it('counts whole days of notice between China dates', () => {
    expect(daysOfNotice('2026-12-01', '2026-12-11')).toBe(10);
    expect(daysOfNotice('2026-12-02', '2026-12-11')).toBe(9);
    expect(daysOfNotice('2026-02-20', '2026-03-02')).toBe(10);
  });

  it('makes a villager adult on their eighteenth birthday', () => {
    expect(isAdultOn('2008-12-10', '2026-12-10')).toBe(true);
    expect(isAdultOn('2008-12-11', '2026-12-10')).toBe(false);
    expect(isAdultOn('2008-02-29', '2026-02-28')).toBe(false);
    expect(isAdultOn('2008-02-29', '2026-03-01')).toBe(true);
  });
});
