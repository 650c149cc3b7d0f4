import { Drawer } from 'antd';
import { useT } from '../../i18n/i18n';
import { VisitForm } from './visit-form';

/** The visit form beside the list it was opened from (desktop); a phone opens the visit page instead. */
export function VisitDrawer(props: {
  householdId?: string;
  village?: boolean;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}) {
  const { householdId, village, open, onClose, afterClose } = props;
  const t = useT();
  return (
    <Drawer
      title={t('assistance.visit.title')}
      open={open}
      onClose={onClose}
      afterOpenChange={(visible) => {
        if (!visible) afterClose();
      }}
      size={760}
      // An accidental tap beside the drawer must not throw away a half-written visit.
      mask={{ closable: false }}
      styles={{ body: { paddingBottom: 0 } }}
    >
      <VisitForm householdId={householdId} village={village} onSaved={onClose} onCancel={onClose} />
    </Drawer>
  );
}
