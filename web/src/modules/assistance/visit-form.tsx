import type { Visit } from '@lianxin/common';
import { Alert, Button, Form } from 'antd';
import { useT } from '../../i18n/i18n';
import { useCan } from '../../session/session';
import { VisitAppealsSection } from './visit-appeals.section';
import { useVisitDraft, type VisitDraftProps, type VisitValues } from './visit-draft';
import { VisitFindingsSection } from './visit-findings.section';
import { VisitHelpSections } from './visit-help.section';
import { VisitPhotos } from './visit-photos';
import { VisitSection } from './visit-section';
import { VisitWhomSection } from './visit-whom.section';

/**
 * 走访记录: a household visit (or a visit to the village itself) with who went, what was found
 * and needed, new figures, help given on the spot, matters to raise as appeals, and photos.
 * The draft (`useVisitDraft`) keeps the values, the visit's UUID and the photos' upload.
 */
export function VisitForm(
  props: VisitDraftProps & { onSaved: (visit: Visit) => void; onCancel: () => void },
) {
  const { onCancel } = props;
  const t = useT();
  const can = useCan();
  const draft = useVisitDraft(props);
  const { form, target, saved, busy, uploading, unsent, photosBusy } = draft;

  return (
    <div className="lx-visit-form" data-testid="visit-form">
      <Form<VisitValues>
        form={form}
        layout="vertical"
        name="visit-form"
        initialValues={draft.initialValues}
        onFinish={draft.submit}
        // Once stored, the visit is what it is: only its photos may still go up.
        disabled={saved !== null}
        scrollToFirstError={{ block: 'center' }}
      >
        <VisitWhomSection
          fixedHousehold={Boolean(props.householdId)}
          target={target}
          preselected={props.householdId ? draft.household : undefined}
          villageCode={draft.villageCode}
          today={draft.today}
        />
        <VisitFindingsSection />
        {target === 'household' && (
          <VisitHelpSections
            form={form}
            householdId={draft.householdId}
            household={draft.household}
            updateIndicators={draft.updateIndicators}
          />
        )}
        {can('appeals.create') && <VisitAppealsSection />}
        <VisitSection title={t('assistance.visit.photos')}>
          <VisitPhotos
            photos={draft.photos}
            onChange={draft.setPhotos}
            onBusy={draft.setPhotosBusy}
            disabled={busy}
          />
        </VisitSection>
      </Form>

      {saved && unsent > 0 && !uploading && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('assistance.visit.photosPending', { count: unsent })}
          action={
            <Button size="small" onClick={draft.skipPhotos} data-testid="visit-skip-photos">
              {t('assistance.visit.skipPhotos')}
            </Button>
          }
          data-testid="visit-photos-pending"
        />
      )}

      <div className="lx-visit-actions">
        <Button onClick={onCancel} disabled={busy} className="lx-visit-action" data-testid="visit-cancel">
          {t('common.cancel')}
        </Button>
        <Button
          type="primary"
          loading={busy}
          disabled={photosBusy}
          onClick={() => (saved ? draft.retryPhotos() : form.submit())}
          className="lx-visit-action"
          data-testid="visit-submit"
        >
          {saved ? t('assistance.visit.retryPhotos') : t('assistance.visit.save')}
        </Button>
      </div>
    </div>
  );
}
