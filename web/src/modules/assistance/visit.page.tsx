import { Card } from 'antd';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { VisitForm } from './visit-form';
import './assistance.css';
import { BackBreadcrumb } from '../../shared/record-page';

/** 记录走访 as a page of its own: on a phone, the form fills the screen (opened from the worklist). */
export function VisitPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const householdId = params.get('household') ?? undefined;
  const village = params.has('village');
  // Back where the cadre came from (the worklist, a household), or to the worklist.
  const back = () => (location.key === 'default' ? navigate('/worklist') : navigate(-1));

  return (
    <>
      <BackBreadcrumb
        listPath="/worklist"
        listTitle={t('assistance.worklist.title')}
        current={t('assistance.visit.title')}
        testId="visit-back"
      />
      <Card size="small" className="lx-visit-page">
        <VisitForm
          key={`${householdId ?? ''}-${village}`}
          householdId={householdId}
          village={village}
          onSaved={back}
          onCancel={back}
        />
      </Card>
    </>
  );
}
