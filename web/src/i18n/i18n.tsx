import {
  defaultLocale,
  type ErrorParams,
  interpolate,
  isLocale,
  isUiKey,
  type Locale,
  type UiKey,
  uiMessages,
} from '@lianxin/common';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { z } from 'zod';
import { en as zodEn, zhCN as zodZhCN } from 'zod/locales';
import { setApiLocale } from '../api/client';

const STORAGE_KEY = 'lianxin.locale';

export type Translate = (key: UiKey, params?: ErrorParams) => string;

interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** For keys built from server data (e.g. audit actions) that may have no translation yet. */
  tMaybe: (key: string, params?: ErrorParams) => string | undefined;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

export function storedLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Private mode or storage disabled: fall back to the default.
  }
  return defaultLocale;
}

// Everything outside React that speaks the user's language: dates, zod messages, API calls.
function applyLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  z.config(locale === 'zh-CN' ? zodZhCN() : zodEn());
  const messages = uiMessages[locale];
  setApiLocale(locale, { network: messages['error.network'], badResponse: messages['error.badResponse'] });
  document.documentElement.lang = locale;
  document.title = messages['app.fullName'];
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = storedLocale();
    applyLocale(initial);
    return initial;
  });

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across visits; the switch still applies now.
    }
    applyLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<LocaleContextValue>(() => {
    const messages = uiMessages[locale];
    return {
      locale,
      setLocale,
      t: (key, params) => (params ? interpolate(messages[key], params) : messages[key]),
      tMaybe: (key, params) => {
        if (!isUiKey(key)) return undefined;
        return params ? interpolate(messages[key], params) : messages[key];
      },
    };
  }, [locale, setLocale]);

  return <LocaleContext value={value}>{children}</LocaleContext>;
}

function useLocaleContext(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useT() needs a <LocaleProvider> above it');
  return value;
}

/** The translate function of the current language; keys are typed, so a missing key fails to compile. */
export function useT(): Translate {
  return useLocaleContext().t;
}

export function useLocale() {
  const { locale, setLocale, tMaybe } = useLocaleContext();
  return { locale, setLocale, tMaybe };
}
