import { App } from 'antd';
import { useCallback, useEffect } from 'react';
import { ApiError } from '../api/client';
import { type Translate, useT } from '../i18n/i18n';

/** The text to show for a failure: the server's localized message, or a generic one. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return error.message;
  return t('error.unexpected');
}

let globalNotify: ((error: unknown) => void) | null = null;

/** Shows a failed background query (from the QueryCache) as a toast; set up by <FeedbackBridge>. */
export function notifyQueryError(error: unknown): void {
  globalNotify?.(error);
}

export function FeedbackBridge() {
  const showError = useShowError();
  useEffect(() => {
    globalNotify = showError;
    return () => {
      globalNotify = null;
    };
  }, [showError]);
  return null;
}

/** A callback that shows any failure as a toast, keyed so the same error does not stack. */
export function useShowError(): (error: unknown) => void {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (error: unknown) => {
      const text = errorText(error, t);
      message.error({ content: text, key: text });
    },
    [message, t],
  );
}
