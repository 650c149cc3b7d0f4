import { defaultAppealSettings } from '@lianxin/common';
import { jpegWithExif } from '../../../test/files.fixtures';
import {
  appealAction,
  appealIn,
  category,
  insertRow,
  mediationOf,
  NotApplicable,
  nextSerial,
  type RouteCase,
  villageOf,
} from '../../../test/probes';
import { newId } from '../../platform/ids';

/** How to call each route of this module on an object in a chosen area (see server/test/probes.ts). */
export const appealsProbes: Record<string, RouteCase> = {
  'GET /api/v1/appeal-categories': async () => ({ url: '/api/v1/appeal-categories', noTargetArea: true }),
  'POST /api/v1/appeal-categories': async () => ({
    url: '/api/v1/appeal-categories',
    body: { ...category, code: `matrix_${nextSerial()}` },
    noTargetArea: true,
  }),
  'PUT /api/v1/appeal-categories/:code': async () => ({
    url: '/api/v1/appeal-categories/other',
    body: { ...category, code: 'other', nameZh: '其他', nameEn: 'Other' },
    noTargetArea: true,
  }),
  'GET /api/v1/appeal-settings': async () => ({ url: '/api/v1/appeal-settings', noTargetArea: true }),
  'PUT /api/v1/appeal-settings': async () => ({
    url: '/api/v1/appeal-settings',
    body: defaultAppealSettings,
    noTargetArea: true,
  }),
  'GET /api/v1/appeals': async () => ({ url: '/api/v1/appeals' }),
  'POST /api/v1/appeals': async (_t, target) => ({
    url: '/api/v1/appeals',
    body: {
      channel: 'visit',
      categoryCode: 'roads_water',
      villageCode: target.village,
      title: '矩阵登记',
      description: '矩阵测试登记的诉求',
      reporterKind: 'anonymous',
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/appeals/similar': async (_t, target) => ({
    url: `/api/v1/appeals/similar?villageCode=${villageOf(target)}&categoryCode=neighbour_dispute&text=%E7%9F%A9%E9%98%B5`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/appeals/stats': async (_t, target) => ({
    url: `/api/v1/appeals/stats?from=2026-01-01&to=2026-12-31&areaCode=${target.village}`,
    outsideCode: 'AREA_UNKNOWN',
  }),
  'GET /api/v1/appeals/:id': async (t, target) => ({ url: `/api/v1/appeals/${await appealIn(t, target)}` }),
  'GET /api/v1/appeals/:id/handlers': async (t, target) => ({
    url: `/api/v1/appeals/${await appealIn(t, target)}/handlers`,
  }),
  'GET /api/v1/appeals/:id/mediators': async (t, target) => ({
    url: `/api/v1/appeals/${await appealIn(t, target)}/mediators`,
  }),
  'POST /api/v1/appeals/:id/reveal-phone': async (t, target) => ({
    url: `/api/v1/appeals/${await appealIn(t, target)}/reveal-phone`,
  }),
  'POST /api/v1/appeals/:id/accept': appealAction('accept', {}, { status: 'received', accepted_at: null }),
  'POST /api/v1/appeals/:id/start': appealAction('start', {}),
  'POST /api/v1/appeals/:id/assign': async (t, target) => ({
    url: `/api/v1/appeals/${await appealIn(t, target)}/assign`,
    body: { version: 1, handlerId: target.user.id },
  }),
  'POST /api/v1/appeals/:id/escalate': appealAction('escalate', { reason: '超出村级权限' }),
  'POST /api/v1/appeals/:id/send-down': async (t, target) => {
    // Only a town or the district can send an appeal down; a village has nothing below it.
    if (target.area === target.village) throw new NotApplicable('a village has no level below it');
    const village = villageOf(target);
    const id = await appealIn(t, target, {
      level: 'town',
      max_level: 'town',
      holder_area_code: `${village.slice(0, 9)}000`,
    });
    return { url: `/api/v1/appeals/${id}/send-down`, body: { version: 1, reason: '村里能办' } };
  },
  'POST /api/v1/appeals/:id/return': appealAction(
    'return',
    { reason: '不属受理范围' },
    { status: 'received', accepted_at: null },
  ),
  'POST /api/v1/appeals/:id/defer': appealAction('defer', {
    reason: '需等枯水期',
    plannedDate: '2027-06-30',
  }),
  'POST /api/v1/appeals/:id/approve-deferral': appealAction(
    'approve-deferral',
    {},
    { deferral_reason: '需等枯水期', deferral_date: '2027-06-30' },
  ),
  'POST /api/v1/appeals/:id/reject-deferral': appealAction(
    'reject-deferral',
    {},
    { deferral_reason: '需等枯水期', deferral_date: '2027-06-30' },
  ),
  'POST /api/v1/appeals/:id/resolve': appealAction('resolve', { resolution: '已解决' }),
  'POST /api/v1/appeals/:id/merge': async (t, target) => {
    const original = await appealIn(t, target);
    return {
      url: `/api/v1/appeals/${await appealIn(t, target)}/merge`,
      body: { version: 1, intoId: original },
    };
  },
  'POST /api/v1/appeals/:id/notes': appealAction('notes', { note: '补充情况' }),
  'POST /api/v1/appeals/:id/callback': async (t, target) => {
    const now = t.clock.now().toISOString();
    const id = await appealIn(t, target, {
      status: 'resolved',
      handler_id: target.user.id,
      resolved_by: target.user.id,
      resolved_at: now,
      resolved_level: 'village',
      resolution: '已解决',
    });
    await insertRow(t, 'appeal_callbacks', {
      id: newId(),
      appeal_id: id,
      area_code: villageOf(target),
      handler_id: target.user.id,
      due_at: now,
      attempts: 0,
      created_at: now,
    });
    return { url: `/api/v1/appeals/${id}/callback`, body: { version: 1, rating: 'satisfied' } };
  },
  'POST /api/v1/appeals/:id/attachments': async (t, target) => ({
    url: `/api/v1/appeals/${await appealIn(t, target)}/attachments?fileName=photo.jpg`,
    body: jpegWithExif(),
    headers: { 'content-type': 'image/jpeg' },
  }),
  'GET /api/v1/appeals/:id/attachments/:attachmentId': async (t, target) => {
    const appealId = await appealIn(t, target);
    const id = newId();
    await insertRow(t, 'appeal_attachments', {
      id,
      appeal_id: appealId,
      file_name: 'a.pdf',
      content_type: 'application/pdf',
      size: 8,
      content: Buffer.from('%PDF-1.7'),
      created_at: t.clock.now().toISOString(),
    });
    return { url: `/api/v1/appeals/${appealId}/attachments/${id}` };
  },
  'GET /api/v1/callbacks': async () => ({ url: '/api/v1/callbacks' }),
  'GET /api/v1/notifications': async () => ({ url: '/api/v1/notifications' }),
  'GET /api/v1/mediations': async () => ({ url: '/api/v1/mediations' }),
  'POST /api/v1/mediations': async (t, target) => ({
    url: '/api/v1/mediations',
    body: {
      appealId: await appealIn(t, target),
      parties: [{ name: '甲' }, { name: '乙' }],
      mediatorIds: [target.user.id],
    },
  }),
  'GET /api/v1/mediations/:id': async (t, target) => ({
    url: `/api/v1/mediations/${await mediationOf(t, target)}`,
  }),
  'POST /api/v1/mediations/:id/sessions': async (t, target) => ({
    url: `/api/v1/mediations/${await mediationOf(t, target)}/sessions`,
    body: { version: 1, date: '2026-11-22', notes: '双方到场' },
  }),
  'POST /api/v1/mediations/:id/outcome': async (t, target) => ({
    url: `/api/v1/mediations/${await mediationOf(t, target)}/outcome`,
    body: { version: 1, outcome: 'partial', agreement: '部分达成' },
  }),
  'GET /api/v1/screenings': async () => ({ url: '/api/v1/screenings' }),
  'POST /api/v1/screenings': async (_t, target) => ({
    url: '/api/v1/screenings',
    body: {
      villageCode: target.village,
      date: '2026-11-22',
      disputes: [{ categoryCode: 'neighbour_dispute', title: '排水沟纠纷', description: '两户争执' }],
    },
    outsideCode: 'AREA_UNKNOWN',
  }),
};
