import type { WarningSettings, WarningsScanResult } from '@lianxin/common';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/dialect';
import type { DB } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { withTransaction } from '../../platform/request-context';
import { detect, type Finding, familyKinds, judgeRepeat, judgeSimilar } from './detect';
import { Directory, notifyResponsible } from './notify';
import { warningSettings } from './settings.service';
import {
  appealsOfReporters,
  type CandidateRow,
  insertWarning,
  linkAppeals,
  repeatReporters,
  scanCandidates,
  updateGrown,
  warningsOnAppeals,
} from './warnings.repository';

const DAY = 86_400_000;

type Link = Awaited<ReturnType<typeof warningsOnAppeals>>[number];

/** A line a person reads: what the warning is about. */
export function summaryOf(finding: Pick<Finding, 'kind' | 'appeals' | 'words' | 'households'>): string {
  const first = finding.appeals[0] as CandidateRow;
  const n = finding.appeals.length;
  switch (finding.kind) {
    case 'cluster':
      return `${n} 件相似诉求：${first.title}`;
    case 'collective':
      return `${finding.households} 户反映同一问题（${n} 件）：${first.title}`;
    case 'repeat':
      return `同一群众 ${n} 次反映：${first.title}`;
    case 'risk':
      return `风险词「${finding.words.join('、')}」：${first.title}`;
    case 'safety':
      return `安全词「${finding.words.join('、')}」，已标为紧急：${first.title}`;
  }
}

/** Re-judges what is left of a finding once appeals of closed warnings are taken out. */
function rejudge(finding: Finding, appeals: CandidateRow[], settings: Parameters<typeof judgeSimilar>[1]) {
  if (appeals.length === finding.appeals.length) return finding;
  if (finding.family === 'similar') {
    const judged = judgeSimilar(appeals, settings);
    return judged ? { ...finding, ...judged, appeals } : null;
  }
  if (finding.family === 'repeat') {
    const severity = judgeRepeat(appeals, settings);
    return severity ? { ...finding, severity, appeals } : null;
  }
  return null;
}

/**
 * The early-warning scan (a durable job, every ten minutes, and on demand): reads the district's
 * appeals of the sliding window, finds clusters, collective and repeat appeals and risk words, and
 * matches each finding with the warnings already raised on its appeals. A finding that shares an
 * appeal with an active warning of its family grows that warning; one whose appeals all belong to
 * closed warnings raises nothing; only what is left counts for a new one. The cluster key (the
 * earliest appeal) is unique, so the same cluster is never raised twice, even by two runs at once.
 */
export async function scanWarnings(db: Kysely<DB>, clock: Clock): Promise<WarningsScanResult> {
  const { findings, settings } = await findWarnings(db, clock);
  if (findings.length === 0) return { raised: 0, updated: 0 };
  return withTransaction({ db }, (trx) => recordFindings(trx, clock, findings, settings));
}

/** The whole scan in the caller's transaction (a benchmark rolls it back afterwards). */
export async function scanWarningsIn(trx: Db, clock: Clock): Promise<WarningsScanResult> {
  const { findings, settings } = await findWarnings(trx, clock);
  return recordFindings(trx, clock, findings, settings);
}

/** Reads the sliding window's appeals and finds what may be warned of. */
async function findWarnings(db: Db, clock: Clock) {
  const settings = await warningSettings(db);
  const now = clock.now();
  const since = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  // The text of the cluster window; of the repeat window, only the appeals of frequent reporters.
  const clusterSince = since(settings.clusterDays);
  const repeatSince = since(settings.repeatDays);
  const candidates = await scanCandidates(db, clusterSince);
  const reporters = await repeatReporters(db, repeatSince, settings.repeatMinAppeals);
  // What the cluster window holds of them is read already; only the older part of the repeat window is asked for.
  const overlap = repeatSince < clusterSince;
  const key = new Set(reporters);
  const older = await appealsOfReporters(db, repeatSince, overlap ? clusterSince : null, reporters);
  const frequent = overlap
    ? [...older, ...candidates.filter((a) => key.has(a.reporter_resident_id ?? a.reporter_phone_hash ?? ''))]
    : older;
  return { findings: detect(candidates, settings, now, frequent), settings };
}

/** Matches the findings with the warnings already raised: grows, raises, or leaves each. */
async function recordFindings(
  trx: Db,
  clock: Clock,
  findings: Finding[],
  settings: WarningSettings,
): Promise<WarningsScanResult> {
  const now = clock.now();
  const directory = new Directory(trx, { outbox: true });
  const ids = [...new Set(findings.flatMap((f) => f.appeals.map((a) => a.id)))];
  const links = new Map<string, Link[]>();
  for (const link of await warningsOnAppeals(trx, ids)) {
    links.set(link.appeal_id, [...(links.get(link.appeal_id) ?? []), link]);
  }
  const result = { raised: 0, updated: 0 };
  for (const finding of findings) {
    const kinds = familyKinds[finding.family];
    const mine = finding.appeals.flatMap((a) =>
      (links.get(a.id) ?? []).filter((l) => kinds.includes(l.kind)),
    );
    const active = mine
      .filter((l) => l.status !== 'closed')
      .sort((a, b) => (a.raised_at < b.raised_at ? -1 : 1))[0];
    if (active) {
      const known = new Set(mine.filter((l) => l.id === active.id).map((l) => l.appeal_id));
      const fresh = finding.appeals.filter((a) => !known.has(a.id));
      if (fresh.length === 0) continue;
      await growWarning(trx, clock, active.id, finding, known.size + fresh.length);
      await linkAppeals(
        trx,
        active.id,
        fresh.map((a) => a.id),
      );
      for (const a of fresh) links.set(a.id, [...(links.get(a.id) ?? []), { ...active, appeal_id: a.id }]);
      result.updated++;
      continue;
    }
    const closed = new Set(mine.map((l) => l.appeal_id));
    const left = rejudge(
      finding,
      finding.appeals.filter((a) => !closed.has(a.id)),
      settings,
    );
    if (!left) continue;
    const id = await raiseWarning(trx, clock, left, null, directory);
    if (!id) continue;
    for (const a of left.appeals) {
      const link: Link = {
        appeal_id: a.id,
        id,
        kind: left.kind,
        status: 'open',
        raised_at: now.toISOString(),
      };
      links.set(a.id, [...(links.get(a.id) ?? []), link]);
    }
    result.raised++;
  }
  await directory.flush(trx, clock);
  return result;
}

async function growWarning(trx: Db, clock: Clock, id: string, finding: Finding, count: number) {
  const last = finding.appeals.map((a) => a.received_at).sort()[finding.appeals.length - 1] ?? '';
  await updateGrown(trx, id, {
    appeal_count: count,
    household_count: finding.households,
    last_at: last,
    severity: finding.severity,
    area_code: finding.areaCode,
    summary: summaryOf({ ...finding, appeals: finding.appeals }),
    updated_at: clock.now().toISOString(),
  });
}

/** Stores a new warning and tells the area's responsible people; null when it was raised already. */
export async function raiseWarning(
  trx: Db,
  clock: Clock,
  finding: Omit<Finding, 'family'>,
  /** The district's duty officer, told of a safety word (no one else above the town is). */
  dutyOfficer: string | null = null,
  directory = new Directory(trx),
): Promise<string | null> {
  const nowIso = clock.now().toISOString();
  const times = finding.appeals.map((a) => a.received_at).sort();
  const first = finding.appeals[0] as CandidateRow;
  const id = newId();
  const summary = summaryOf(finding);
  // A cluster that grows collective keeps its key: one family, one key per earliest appeal.
  const family = finding.kind === 'collective' ? 'cluster' : finding.kind;
  const stored = await insertWarning(
    trx,
    {
      id,
      kind: finding.kind,
      severity: finding.severity,
      status: 'open',
      cluster_key: `${family}:${first.id}`,
      area_code: finding.areaCode,
      town_code: finding.townCode,
      category_code: finding.categoryCode,
      summary,
      words: JSON.stringify(finding.words),
      appeal_count: finding.appeals.length,
      household_count: finding.households,
      first_at: times[0] as string,
      last_at: times[times.length - 1] as string,
      raised_at: nowIso,
      updated_at: nowIso,
      acknowledged_at: null,
      acknowledged_by: null,
      handled_at: null,
      handled_by: null,
      note: null,
      actions: '[]',
      closed_at: null,
      closed_by: null,
      version: 1,
    },
    finding.appeals.map((a) => a.id),
  );
  if (!stored) return null;
  await notifyResponsible(
    trx,
    clock,
    {
      kind: finding.kind === 'safety' ? 'warning.safety' : 'warning.raised',
      villageCodes: [...new Set(finding.appeals.map((a) => a.village_code))],
      townCode: finding.townCode,
      message: `预警（${severityNames[finding.severity]}）：${summary}`,
      appealId: finding.appeals.length === 1 ? first.id : null,
      villageCadres: finding.kind !== 'safety',
      dutyOfficer,
    },
    directory,
  );
  return id;
}

const severityNames = { high: '高', medium: '中', low: '低' } as const;
