import { describe, expect, it } from 'vitest';
import { isUiKey, uiMessages } from './ui';
import { uiEnCatalogues } from './ui-en';
import { uiZhCNCatalogues } from './ui-zh-CN';

describe('console strings', () => {
  it('has the same keys in both languages, each a string', () => {
    const zh = Object.keys(uiMessages['zh-CN']).sort();
    expect(Object.keys(uiMessages.en).sort()).toEqual(zh);
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const key of zh)
        expect(typeof uiMessages[locale][key as keyof (typeof uiMessages)['en']]).toBe('string');
    }
    expect(isUiKey('app.name')).toBe(true);
    expect(isUiKey('no.such.key')).toBe(false);
  });

  it('keeps each key in one domain catalogue, the same one in both languages', () => {
    expect(uiEnCatalogues).toHaveLength(uiZhCNCatalogues.length);
    uiZhCNCatalogues.forEach((zh, i) => {
      expect(Object.keys(uiEnCatalogues[i] ?? {}).sort()).toEqual(Object.keys(zh).sort());
    });
    const total = uiZhCNCatalogues.reduce((n, catalogue) => n + Object.keys(catalogue).length, 0);
    expect(total).toBe(Object.keys(uiMessages['zh-CN']).length);
  });
});
