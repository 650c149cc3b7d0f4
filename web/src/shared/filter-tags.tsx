import { Button, Flex, Tag, Typography } from 'antd';
import { useT } from '../i18n/i18n';

export interface FilterTag {
  key: string;
  label: string;
  /** Removes this condition from the list's filter. */
  onClose: () => void;
}

/**
 * The conditions a link set on a list (a dashboard figure's drill-down) that its filter form
 * does not show, each removable; nothing when there are none.
 */
export function FilterTags(props: { tags: FilterTag[]; onClear?: () => void; testId?: string }) {
  const { tags, onClear } = props;
  const t = useT();
  if (tags.length === 0) return null;
  return (
    <Flex
      wrap
      align="center"
      gap={4}
      style={{ marginBottom: 12 }}
      data-testid={props.testId ?? 'filter-tags'}
    >
      <Typography.Text type="secondary" style={{ marginRight: 4 }}>
        {t('common.filterTags')}
      </Typography.Text>
      {tags.map((tag) => (
        <Tag
          key={tag.key}
          color="blue"
          closable={{ 'aria-label': `${t('common.remove')} ${tag.label}` }}
          onClose={(event) => {
            event.preventDefault();
            tag.onClose();
          }}
          data-testid={`filter-tag-${tag.key}`}
        >
          {tag.label}
        </Tag>
      ))}
      {onClear && tags.length > 1 && (
        <Button type="link" size="small" onClick={onClear}>
          {t('common.clearFilterTags')}
        </Button>
      )}
    </Flex>
  );
}
