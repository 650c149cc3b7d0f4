import { Alert, Button } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import { isApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { useShowError } from './feedback';

/**
 * Optimistic concurrency in an edit form: a save with a stale `version` answers 409
 * VERSION_CONFLICT; the form then shows a warning with a button that loads the latest record
 * (the caller's `reload` puts it in the form) and blocks saving until it has.
 */
export function useVersionConflict(reload: () => Promise<void>) {
  const t = useT();
  const showError = useShowError();
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);

  /** Wraps an error handler so that a version conflict shows the warning instead. */
  const catchConflict = useCallback(
    (handle: (error: unknown) => void) => (error: unknown) => {
      if (isApiError(error, 'VERSION_CONFLICT')) {
        setConflict(true);
        return;
      }
      handle(error);
    },
    [],
  );

  const onReload = async () => {
    setReloading(true);
    try {
      await reload();
      setConflict(false);
    } catch (error) {
      showError(error);
    } finally {
      setReloading(false);
    }
  };

  const alert: ReactNode = conflict ? (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('error.conflictTitle')}
      description={t('error.conflictHint')}
      action={
        <Button size="small" onClick={onReload} loading={reloading} data-testid="conflict-reload">
          {t('common.reload')}
        </Button>
      }
    />
  ) : null;

  return { conflict, catchConflict, alert };
}
