import { useCallback, useState } from 'react';

const STORAGE_KEY = 'lianxin.public.village';

function readChoice(): string | null {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved && /^\d{12}$/.test(saved) ? saved : null;
  } catch {
    // Private mode or storage disabled: nothing remembered, the resident chooses again.
    return null;
  }
}

/** The resident's village, chosen once and remembered on this device (localStorage). */
export function useVillageChoice(): [string | null, (code: string | null) => void] {
  const [code, setCode] = useState<string | null>(readChoice);
  const choose = useCallback((next: string | null) => {
    try {
      if (next) localStorage.setItem(STORAGE_KEY, next);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Remembered for this visit only.
    }
    setCode(next);
  }, []);
  return [code, choose];
}
