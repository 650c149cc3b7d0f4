import { type WorkIndicator, workIndicatorDefinitions } from '@lianxin/common';
import { Card, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useLocale } from '../../i18n/i18n';
import { LoadFailed } from '../../shared/record-page';
import { InfoLabel } from './indicators';

/** A work indicator's name with its written definition, in the UI language. */
export function WorkLabel({ indicator }: { indicator: WorkIndicator }) {
  const { locale } = useLocale();
  const [name, definition] = workIndicatorDefinitions[indicator][locale];
  return <InfoLabel name={name} definition={definition} />;
}

/** A card whose figures are loading, or did not load (`failure` set). */
export function PendingCard(props: {
  title: ReactNode;
  failure: { error: unknown } | undefined;
  onRetry: () => void;
  testId: string;
}) {
  return (
    <Card size="small" className="lx-dash-card" title={props.title} data-testid={props.testId}>
      {props.failure ? (
        <LoadFailed error={props.failure.error} onRetry={props.onRetry} />
      ) : (
        <Skeleton active paragraph={{ rows: 4 }} />
      )}
    </Card>
  );
}
