import { useCallback, useState } from 'react';

/**
 * State for a modal that works on one target (a record, a parent): the modal stays mounted
 * while it animates closed and unmounts afterwards, so each opening starts from a fresh form.
 */
export function useModalTarget<T>() {
  const [target, setTarget] = useState<T | null>(null);
  const [open, setOpen] = useState(false);
  const show = useCallback((next: T) => {
    setTarget(next);
    setOpen(true);
  }, []);
  const hide = useCallback(() => setOpen(false), []);
  const afterClose = useCallback(() => setTarget(null), []);
  return { target, open, show, hide, afterClose };
}
