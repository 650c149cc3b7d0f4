import { describe, expect, it } from 'vitest';
import { defaultTierRules, evaluateTier, type TierInput } from './tiering';

const household = (overrides: Partial<TierInput> = {}): TierInput => ({
  indicators: { year: 2026, totalIncome: 60_000, debt: 0, hardships: [] },
  activeMembers: 3,
  tags: [],
  ...overrides,
});

describe('tiering with the default rules (line 6,000 yuan)', () => {
  it('puts a household with enough income and no hardship in 放心户', () => {
    expect(evaluateTier(household(), defaultTierRules)).toEqual({
      tier: 'stable',
      reasons: [{ kind: 'noConditionMet', tier: 'stable' }],
    });
  });

  it('puts per-capita income under 1.5 × the line in 连心户 and says by how much', () => {
    const result = evaluateTier(
      household({ indicators: { year: 2026, totalIncome: 24_000, debt: 0, hardships: [] } }),
      defaultTierRules,
    );
    expect(result).toEqual({
      tier: 'priority',
      reasons: [{ kind: 'perCapitaIncomeBelow', tier: 'priority', perCapita: 8_000, limit: 9_000 }],
    });
  });

  it('puts per-capita income between 1.5 and 2 × the line in 关心户', () => {
    const result = evaluateTier(
      household({ indicators: { year: 2026, totalIncome: 30_000, debt: 0, hardships: [] } }),
      defaultTierRules,
    );
    expect(result.tier).toBe('watch');
  });

  it('puts debt above twice the income, two hardships or the monitoring tag in 连心户', () => {
    expect(
      evaluateTier(
        household({ indicators: { year: 2026, totalIncome: 60_000, debt: 130_000, hardships: [] } }),
        defaultTierRules,
      ).tier,
    ).toBe('priority');
    expect(
      evaluateTier(
        household({
          indicators: { year: 2026, totalIncome: 60_000, debt: 0, hardships: ['disability', 'disaster'] },
        }),
        defaultTierRules,
      ).tier,
    ).toBe('priority');
    expect(evaluateTier(household({ tags: ['monitored'] }), defaultTierRules)).toMatchObject({
      tier: 'priority',
      reasons: [{ kind: 'tagged', tags: ['monitored'] }],
    });
  });

  it('puts one hardship or a subsidy tag in 关心户', () => {
    expect(
      evaluateTier(
        household({ indicators: { year: 2026, totalIncome: 60_000, debt: 0, hardships: ['unemployment'] } }),
        defaultTierRules,
      ).tier,
    ).toBe('watch');
    expect(evaluateTier(household({ tags: ['dibao'] }), defaultTierRules).tier).toBe('watch');
  });

  it('lists every condition that hit, and says when indicators are missing', () => {
    const result = evaluateTier(
      household({ indicators: null, tags: ['monitored', 'dibao'] }),
      defaultTierRules,
    );
    expect(result).toEqual({
      tier: 'priority',
      reasons: [
        { kind: 'tagged', tier: 'priority', tags: ['monitored'] },
        { kind: 'noIndicators', tier: 'priority' },
      ],
    });
  });
});
