import type { Visit } from '@lianxin/common';
import { householdsApi, VisitCreateBody } from '@lianxin/common';
import { useQuery } from '@tanstack/react-query';
import { App, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, isApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useCan, useMe } from '../../session/session';
import { clientUuid } from '../../shared/client-id';
import { useShowError } from '../../shared/feedback';
import { type FieldErrorMapping, useSchemaForm } from '../../shared/forms';
import { useAreaIndex } from '../areas/areas.api';
import { householdKey } from '../households/households.api';
import { type IndicatorFormValues, toIndicatorsBody } from '../households/indicator-fields';
import { fetchVisit, uploadVisitPhoto, useCreateVisit } from './assistance.api';
import { districtToday, type HelpMeasureKind, type NeedKind, type VisitKind } from './assistance-labels';
import type { LocalPhoto } from './visit-photos';

export type VisitTarget = 'household' | 'village';

export interface VisitValues {
  target: VisitTarget;
  householdId?: string;
  villageCode?: string;
  date: Dayjs;
  kind: VisitKind;
  companionIds: string[];
  findings?: string;
  needs: NeedKind[];
  updateIndicators: boolean;
  indicators?: IndicatorFormValues;
  measuresDone: { kind?: HelpMeasureKind; outcome?: string }[];
  appeals: { categoryCode?: string; title?: string; description?: string }[];
}

export interface VisitDraftProps {
  householdId?: string;
  /** A visit to the village itself (a must-go place), not to a household. */
  village?: boolean;
  onSaved: (visit: Visit) => void;
}

/**
 * The state of a visit being written: the form, its photos and its saving. The visit's UUID is
 * made once per form: a retried save (a lost answer, a double tap) is the same visit to the
 * server. Photos go up after the visit is stored, each once.
 */
export function useVisitDraft(props: VisitDraftProps) {
  const { onSaved } = props;
  const t = useT();
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<VisitValues>();
  const [visitId] = useState(clientUuid);
  const create = useCreateVisit();
  const sending = useRef(false);
  const [photos, setPhotos] = useState<LocalPhoto[]>([]);
  const [photosBusy, setPhotosBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [saved, setSaved] = useState<Visit | null>(null);
  const { index } = useAreaIndex();
  const target: VisitTarget = Form.useWatch('target', form) ?? (props.village ? 'village' : 'household');
  const householdId: string | undefined = Form.useWatch('householdId', form) ?? props.householdId;
  const villageField: string | undefined = Form.useWatch('villageCode', form);
  const updateIndicators: boolean = Form.useWatch('updateIndicators', form) ?? false;
  const household = useQuery({
    queryKey: householdKey(householdId ?? ''),
    queryFn: () => api(householdsApi.get, { params: { id: householdId ?? '' } }),
    enabled: householdId !== undefined,
  });
  const today = districtToday();

  // A village cadre (or one bound to a group, 网格) visits their own village.
  const own = index.byCode.get(me.areaCode);
  const ownVillage =
    own?.kind === 'village' ? own.code : own?.kind === 'group' ? (own.parentCode ?? undefined) : undefined;
  const [initialValues] = useState<VisitValues>(() => ({
    target: props.village ? 'village' : 'household',
    householdId: props.householdId,
    villageCode: ownVillage,
    date: dayjs(today),
    kind: 'in_home',
    companionIds: [],
    needs: [],
    updateIndicators: false,
    indicators: { year: Number(today.slice(0, 4)), hardships: [] },
    measuresDone: [],
    appeals: [],
  }));
  // The area list may arrive after the form opened.
  useEffect(() => {
    if (ownVillage && !form.getFieldValue('villageCode')) form.setFieldValue('villageCode', ownVillage);
  }, [ownVillage, form]);

  const mapping = useMemo<FieldErrorMapping>(
    () => ({
      messages: {
        villageCode: t('assistance.visit.villageRule'),
        findings: t('assistance.visit.findingsRule'),
      },
      codes: { VISIT_DATE_INVALID: ['date'], PAIRING_OUTSIDE_AREA: ['companionIds'] },
    }),
    [t],
  );
  const { validate, handleError } = useSchemaForm(form, VisitCreateBody, mapping);

  /** Sends the photos not yet on the saved visit; true when all are there. */
  const sendPhotos = async (visit: Visit): Promise<boolean> => {
    let current = photos;
    let failed = false;
    setUploading(true);
    try {
      for (const photo of photos) {
        if (photo.uploaded) continue;
        try {
          await uploadVisitPhoto(visit.id, photo.blob, photo.contentType);
          current = current.map((p) => (p.key === photo.key ? { ...p, uploaded: true } : p));
          setPhotos(current);
        } catch (error) {
          failed = true;
          showError(error);
          break;
        }
      }
    } finally {
      setUploading(false);
    }
    return !failed;
  };

  const finish = (visit: Visit) => {
    message.success(t('assistance.visit.saved'));
    onSaved(visit);
  };

  const afterSave = async (visit: Visit) => {
    setSaved(visit);
    if (await sendPhotos(visit)) finish(visit);
  };

  const submit = () => {
    if (sending.current || photosBusy || saved) return;
    // The whole store: fields not on screen (the target, a preselected household) keep their values.
    const values = form.getFieldsValue(true) as VisitValues;
    const isHousehold = values.target === 'household';
    const body = validate({
      id: visitId,
      householdId: isHousehold ? (values.householdId ?? null) : null,
      ...(isHousehold ? {} : { villageCode: values.villageCode }),
      companionIds: values.companionIds,
      date: values.date.format('YYYY-MM-DD'),
      kind: values.kind,
      findings: values.findings ?? '',
      needs: values.needs,
      indicators:
        isHousehold && values.updateIndicators && values.indicators
          ? { year: values.indicators.year, ...toIndicatorsBody(values.indicators) }
          : null,
      measuresDone: isHousehold
        ? values.measuresDone.map((m) => ({ kind: m.kind, outcome: m.outcome ?? '' }))
        : [],
      appeals: can('appeals.create')
        ? values.appeals.map((a) => ({
            categoryCode: a.categoryCode ?? '',
            title: a.title ?? '',
            description: a.description ?? '',
          }))
        : [],
    });
    if (!body) return;
    sending.current = true;
    create.mutate(body, {
      onSuccess: (visit) => void afterSave(visit),
      onError: (error) => {
        // Stored before the answer was lost, then edited and sent again: the stored one stands.
        if (!isApiError(error, 'IDEMPOTENCY_KEY_REUSED')) return handleError(error);
        fetchVisit(visitId)
          .then((stored) => {
            message.warning(t('assistance.visit.storedBefore'));
            void afterSave(stored);
          })
          .catch(() => handleError(error));
      },
      onSettled: () => {
        sending.current = false;
      },
    });
  };

  return {
    form,
    initialValues,
    target,
    householdId,
    household: household.data,
    villageCode: target === 'household' ? household.data?.villageCode : villageField,
    updateIndicators,
    today,
    photos,
    setPhotos,
    photosBusy,
    setPhotosBusy,
    uploading,
    saved,
    busy: create.isPending || uploading,
    unsent: photos.filter((p) => !p.uploaded).length,
    submit,
    /** Sends the photos again after a failed upload (the visit itself is stored). */
    retryPhotos: () => {
      if (saved) void afterSave(saved);
    },
    /** Leaves without the photos that did not go up. */
    skipPhotos: () => {
      if (saved) finish(saved);
    },
  };
}

export type VisitDraft = ReturnType<typeof useVisitDraft>;
