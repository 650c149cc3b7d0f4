import type { Locale } from './locale';
import { uiEn } from './ui-en';
import { type UiKey, uiZhCN } from './ui-zh-CN';

export type { UiKey } from './ui-zh-CN';

/** The staff console's dictionaries, one per supported language. */
export const uiMessages: Record<Locale, Record<UiKey, string>> = {
  'zh-CN': uiZhCN,
  en: uiEn,
};

export function isUiKey(key: string): key is UiKey {
  return Object.hasOwn(uiZhCN, key);
}
