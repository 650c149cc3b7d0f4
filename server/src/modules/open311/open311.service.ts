import {
  type AppealStatus,
  type Locale,
  OPEN311_VILLAGE_ATTRIBUTE,
  type Open311Discovery,
  type Open311Request,
  type Open311RequestCreateBody,
  type Open311RequestsQuery,
  type Open311Service,
  type Open311ServiceDefinition,
} from '@lianxin/common';
import type { Db } from '../../db/dialect';
import type { Clock } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import type { RequestContext } from '../../platform/request-context';
import type { AreaScope } from '../../platform/scope';
import { listCategories } from '../appeals';
import { listOpen311Requests, type Open311RequestRow, villagesIn } from './open311.repository';

const HOUR = 3_600_000;
// The spec's defaults for GET requests: the last 90 days, at most 1000 requests.
const DEFAULT_DAYS = 90;
const MAX_REQUESTS = 1000;

export function discovery(baseUrl: string, changeset: string): Open311Discovery {
  return {
    changeset,
    contact: '',
    key_service: '区级管理员在控制台“安全合规 → 系统对接”中建立对接账号并签发 lxi_ 密钥',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: baseUrl,
        changeset,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

const nameOf = (c: { name_zh: string; name_en: string }, locale: Locale) =>
  locale === 'en' ? c.name_en : c.name_zh;

/** Our active categories as Open311 services; each has the village attribute. */
export async function services(db: Db, locale: Locale): Promise<Open311Service[]> {
  const categories = (await listCategories(db)).filter((c) => Boolean(c.active));
  const names = new Map(categories.map((c) => [c.code, nameOf(c, locale)]));
  return categories.map((c) => ({
    service_code: c.code,
    service_name: nameOf(c, locale),
    description: nameOf(c, locale),
    metadata: true,
    type: 'realtime',
    keywords: '',
    group: c.parent_code ? (names.get(c.parent_code) ?? '') : '',
  }));
}

export async function serviceDefinition(
  db: Db,
  district: AreaScope,
  code: string,
  locale: Locale,
): Promise<Open311ServiceDefinition> {
  const category = (await listCategories(db)).find((c) => c.code === code && Boolean(c.active));
  if (!category) throw notFound();
  const villages = await villagesIn(db, district);
  return {
    service_code: category.code,
    attributes: [
      {
        variable: true,
        code: OPEN311_VILLAGE_ATTRIBUTE,
        datatype: 'singlevaluelist',
        required: false,
        datatype_description:
          locale === 'en'
            ? 'The village the matter is in; without it, the village named in address_string'
            : '事项所在的村；不填时按 address_string 中的村名匹配',
        order: 1,
        description: locale === 'en' ? 'Village' : '所在村',
        values: villages.map((v) => ({ key: v.code, name: `${v.townName}${v.name}` })),
      },
    ],
  };
}

/**
 * The village a request is in: `attribute[village]` (which must be in the integration's area),
 * else the one village of the area whose name (with its town's, when names repeat) the address
 * contains; null when nothing places it (a location alone: areas have no boundaries yet).
 */
export async function placeOf(
  db: Db,
  area: AreaScope,
  body: Open311RequestCreateBody,
): Promise<string | null> {
  // A named village is checked where every appeal's is: `submitAppeal` refuses one outside the area.
  const named = body['attribute[village]'];
  if (named) return named;
  const address = body.address_string;
  if (!address) return null;
  const villages = await villagesIn(db, area);
  const inAddress = villages.filter((v) => address.includes(v.name));
  const withTown = inAddress.filter((v) => address.includes(v.townName));
  const found = withTown.length > 0 ? withTown : inAddress;
  return found.length === 1 ? (found[0]?.code ?? null) : null;
}

export interface Open311Caller {
  integrationId: string;
  ctx: Pick<RequestContext, 'clock' | 'secrets' | 'actor' | 'scope'>;
  callerId: string;
}

const CLOSED: readonly AppealStatus[] = ['resolved', 'closed', 'merged'];
const levelNames: Record<Locale, Record<string, string>> = {
  'zh-CN': { village: '村（社区）', town: '乡镇（街道）', district: '区县' },
  en: { village: 'Village', town: 'Town', district: 'District' },
};

function publicRequest(row: Open311RequestRow, locale: Locale): Open311Request {
  const closed = CLOSED.includes(row.status);
  return {
    service_request_id: row.tracking_code,
    status: closed ? 'closed' : 'open',
    // The reply the resident sees once it is resolved; nothing of the work inside.
    status_notes: closed ? row.resolution : null,
    service_name: locale === 'en' ? row.name_en : row.name_zh,
    service_code: row.category_code,
    agency_responsible: levelNames[locale][row.level] ?? null,
    requested_datetime: row.received_at,
    updated_datetime: row.updated_at,
    expected_datetime: row.resolution_due_at,
  };
}

/** A comma-separated filter's values; none (no filter) when it names nothing, as `?service_code=` does. */
const list = (value: string | undefined): string[] | undefined => {
  const items = value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
};

/** An integration's own requests, by the spec's filters; by default those of the last 90 days. */
export async function listRequests(
  db: Db,
  clock: Clock,
  integrationId: string,
  query: Open311RequestsQuery,
  locale: Locale,
): Promise<Open311Request[]> {
  const trackingCodes = list(query.service_request_id)?.map((c) => c.toUpperCase());
  const serviceCodes = list(query.service_code);
  const end = query.end_date ? new Date(query.end_date) : clock.now();
  const start = query.start_date
    ? new Date(query.start_date)
    : new Date(end.getTime() - DEFAULT_DAYS * 24 * HOUR);
  const rows = await listOpen311Requests(db, integrationId, {
    ...(trackingCodes ? { trackingCodes } : {}),
    ...(serviceCodes ? { serviceCodes } : {}),
    from: start.toISOString(),
    to: end.toISOString(),
    ...(query.status ? { closed: query.status === 'closed' } : {}),
    limit: MAX_REQUESTS,
  });
  return rows.map((r) => publicRequest(r, locale));
}

export async function getRequest(
  db: Db,
  integrationId: string,
  id: string,
  locale: Locale,
): Promise<Open311Request> {
  const rows = await listOpen311Requests(db, integrationId, { trackingCodes: [id.toUpperCase()], limit: 1 });
  const row = rows[0];
  if (!row) throw notFound();
  return publicRequest(row, locale);
}
