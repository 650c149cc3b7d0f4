import {
  chinaDate,
  type PublicServiceCentre,
  type PublicServiceCentreSummary,
  type PublicServiceCentresQuery,
  type PublicServiceItem,
  type PublicServiceItemsQuery,
  type ServicesVillageSection,
} from '@lianxin/common';
import type { Db } from '../../../db/dialect';
import type { Clock } from '../../../platform/clock';
import { notFound } from '../../../platform/errors';
import { scopeOf } from '../../../platform/scope';
import { findItem, findItemVersion, type ItemReach, listItemRows } from './catalogue.repository';
import { areaKindOfCode, centresAround, codesAbove, guideOf } from './catalogue.service';
import { type CentreRow, centreItems, centresAt, findCentre, listCentreRows } from './centres.repository';
import { todayDuties } from './centres.service';

// What residents read without signing in: the active catalogue, each item's printable guide, and
// the centres and stations with their hours and today's duty — names and office phones only.

/** An area's subtree and the district and town above it. */
function reachAround(code: string): ItemReach {
  const kind = areaKindOfCode(code);
  return { scope: scopeOf({ code, kind }), above: codesAbove(code, kind) };
}

export async function listPublicItems(db: Db, query: PublicServiceItemsQuery) {
  const { rows, total } = await listItemRows(
    db,
    query.areaCode === undefined ? null : reachAround(query.areaCode),
    { q: query.q, category: query.category, active: true },
    { limit: query.limit, offset: query.offset },
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      category: r.category,
      unitName: r.unit_name,
      promisedDays: r.promised_days,
      proxyAllowed: Boolean(r.proxy_allowed),
    })),
    total,
  };
}

export async function getPublicItem(db: Db, id: string): Promise<PublicServiceItem> {
  const row = await findItem(db, null, id);
  if (!row?.active) throw notFound();
  const v = await findItemVersion(db, id, row.current_version);
  if (!v) throw notFound();
  const { keywords: _keywords, ...guide } = guideOf(v.guide);
  return {
    id,
    code: row.code,
    versionNo: row.current_version,
    updatedAt: row.updated_at,
    guide,
    unit: { name: row.unit_name, address: row.unit_address, phone: row.unit_phone },
  };
}

async function toPublic(db: Db, rows: CentreRow[], clock: Clock): Promise<PublicServiceCentreSummary[]> {
  const today = await todayDuties(
    db,
    rows.map((r) => r.id),
    chinaDate(clock.now()),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    level: r.area_kind === 'town' ? 'town' : 'village',
    areaCode: r.area_code,
    areaName: r.area_name,
    address: r.address,
    phone: r.phone,
    hoursText: r.hours_text,
    holidayHoursText: r.holiday_hours_text,
    // The roster's office phone (值班电话), never an account's mobile.
    todayDuty: (today.get(r.id) ?? []).map((d) => ({ name: d.name, phone: d.phone })),
    itemCount: Number(r.item_count ?? 0),
  }));
}

export async function listPublicCentres(db: Db, clock: Clock, query: PublicServiceCentresQuery) {
  const within = query.areaCode === undefined ? undefined : centresAround(query.areaCode);
  const rows = await listCentreRows(db, null, { within, activeOnly: true });
  return { items: await toPublic(db, rows, clock) };
}

export async function getPublicCentre(db: Db, clock: Clock, id: string): Promise<PublicServiceCentre> {
  const row = await findCentre(db, null, id);
  if (!row?.active) throw notFound();
  const [summary] = await toPublic(db, [row], clock);
  const items = await centreItems(db, id, true);
  return {
    ...(summary as PublicServiceCentreSummary),
    intro: row.intro,
    items: items.map((i) => ({
      id: i.id,
      name: i.name,
      category: i.category,
      unitName: i.unit_name,
      promisedDays: i.promised_days,
      proxyAllowed: Boolean(i.proxy_allowed),
    })),
  };
}

/**
 * The stations serving a village: its own station(s), else its town's centre. Also what a proxy
 * request made in the village is routed to.
 */
export async function stationsServingVillage(db: Db, villageCode: string): Promise<CentreRow[]> {
  const own = await centresAt(db, [villageCode]);
  if (own.length > 0) return own;
  return centresAt(db, [codesAbove(villageCode, 'village')[1] as string]);
}

/** The village page's section; null when no station serves the village. */
export async function servicesVillageSection(
  db: Db,
  villageCode: string,
  clock: Clock,
): Promise<ServicesVillageSection | null> {
  const rows = await stationsServingVillage(db, villageCode);
  if (rows.length === 0) return null;
  const stations = await toPublic(db, rows, clock);
  return {
    stations: stations.map((s) => ({
      id: s.id,
      name: s.name,
      level: s.level,
      address: s.address,
      phone: s.phone,
      hoursText: s.hoursText,
      todayDuty: s.todayDuty.map((d) => d.name),
      itemCount: s.itemCount,
    })),
  };
}
