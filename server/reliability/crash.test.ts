import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/platform/audit/audit.verify';
import { secretsFromKey } from '../src/platform/secrets';
import {
  AREAS,
  buildUser,
  createTestDatabase,
  seedAreas,
  TEST_SECRET_KEY,
  type TestDatabase,
} from '../test/harness';
import { householdBody } from '../test/households.fixtures';
import { type ChildServer, type HttpSession, startServer } from './child-server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let areaSerial = 0;

/** What the server acknowledged (a 2xx answer) before it was killed. */
interface Acknowledged {
  areas: string[];
  households: Map<string, { number: string; members: number }>;
  /** Tracking codes of acknowledged public submissions (they share commits under load). */
  appeals: Set<string>;
  /** The last acknowledged edit of the edited household, and the one in flight when killed. */
  edit: { version: number; address: string; inFlight: string | null };
  /** Answers that were neither a success nor a lost connection: there must be none. */
  unexpected: string[];
}

/**
 * Writes through every kind of write path at once (single-row area creation, a household with its
 * members, indicators and tier in one transaction, optimistic-concurrency edits), then SIGKILLs the
 * server at a random moment while writes are in flight.
 */
async function loadThenKill(server: ChildServer, session: HttpSession, ack: Acknowledged, editId: string) {
  let stopped = false;
  const areaWriter = async () => {
    while (!stopped) {
      const n = areaSerial++;
      const parent = n % 2 === 0 ? AREAS.villageA1 : AREAS.villageA2;
      const code = `${parent}${String(Math.floor(n / 2) + 100).padStart(3, '0')}`;
      try {
        const response = await session.request('POST', '/api/v1/areas', {
          code,
          name: `网格${code.slice(-3)}`,
          kind: 'group',
          parentCode: parent,
        });
        if (response.status === 201) ack.areas.push(code);
        else ack.unexpected.push(`POST /areas ${code}: ${response.status}`);
      } catch {
        return; // the server is gone
      }
    }
  };
  const householdWriter = async () => {
    while (!stopped) {
      const body = householdBody({ areaCode: AREAS.villageA1 });
      try {
        const response = await session.request('POST', '/api/v1/households', body);
        if (response.status === 201)
          ack.households.set((response.json as { id: string }).id, {
            number: body.number,
            members: body.members.length,
          });
        else ack.unexpected.push(`POST /households: ${response.status} ${JSON.stringify(response.json)}`);
      } catch {
        return;
      }
    }
  };
  const editor = async () => {
    while (!stopped) {
      const address = `平安路 ${Math.floor(Math.random() * 1e9)} 号`;
      ack.edit.inFlight = address;
      try {
        const response = await session.request('PATCH', `/api/v1/households/${editId}`, {
          address,
          version: ack.edit.version,
        });
        if (response.status === 200) {
          ack.edit = { version: (response.json as { version: number }).version, address, inFlight: null };
        } else ack.unexpected.push(`PATCH /households: ${response.status}`);
      } catch {
        return;
      }
    }
  };
  const submitter = async () => {
    while (!stopped) {
      try {
        const response = await fetch(`${server.base}/api/v1/public/appeals`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            villageCode: AREAS.villageA1,
            categoryCode: 'environment',
            title: '垃圾清运',
            description: `垃圾池满了 ${Math.random()}`,
            phone: '13900001234',
          }),
        });
        const json = (await response.json()) as { trackingCode?: string };
        if (response.status === 201 && json.trackingCode) ack.appeals.add(json.trackingCode);
        else ack.unexpected.push(`POST /public/appeals: ${response.status} ${JSON.stringify(json)}`);
      } catch {
        return;
      }
    }
  };
  const acknowledged = () => ack.areas.length + ack.households.size + ack.appeals.size;
  const before = acknowledged();
  const writers = [
    areaWriter(),
    areaWriter(),
    householdWriter(),
    editor(),
    submitter(),
    submitter(),
    submitter(),
  ];
  // Let the load build up, then kill at a random moment while writes are in flight.
  while (acknowledged() < before + 30) await sleep(10);
  await sleep(Math.random() * 400);
  await server.kill();
  stopped = true;
  await Promise.all(writers);
}

describe('crash safety: SIGKILL under write load, then restart', () => {
  let database: TestDatabase;
  let admin: { username: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedAreas(database);
    admin = await buildUser(database, { role: 'district_admin', areaCode: AREAS.district });
  });
  afterAll(() => database.dispose());

  /** Every acknowledged write is stored whole, and nothing is stored half. */
  async function expectIntact(ack: Acknowledged, editId: string) {
    const db = database.db;
    const groups = await db
      .selectFrom('areas')
      .select('code')
      .where('kind', '=', 'group')
      .where('code', '!=', AREAS.groupA1)
      .execute();
    const storedGroups = new Set(groups.map((r) => r.code));
    for (const code of ack.areas) expect(storedGroups.has(code), `acknowledged area ${code} lost`).toBe(true);
    // An area and its audit entry are written in one transaction: never one without the other.
    const areaAudit = await db
      .selectFrom('audit_log')
      .select('object_id')
      .where('action', '=', 'area.create')
      .execute();
    expect(new Set(areaAudit.map((a) => a.object_id))).toEqual(storedGroups);

    const households = await db
      .selectFrom('households')
      .select(['id', 'number'])
      .where('id', '!=', editId)
      .execute();
    const storedHouseholds = new Map(households.map((h) => [h.id, h.number]));
    for (const [id, expected] of ack.households)
      expect(storedHouseholds.get(id), `acknowledged household ${expected.number} lost`).toBe(
        expected.number,
      );
    // A household is created with its members, indicators, first tier and audit entry, or not at all.
    const count = async (table: 'residents' | 'household_indicators' | 'tier_history') =>
      new Map(
        (
          await db
            .selectFrom(table)
            .select(['household_id', (eb) => eb.fn.countAll<number>().as('n')])
            .groupBy('household_id')
            .execute()
        ).map((r) => [r.household_id, Number(r.n)]),
      );
    const [members, indicators, tiers] = await Promise.all([
      count('residents'),
      count('household_indicators'),
      count('tier_history'),
    ]);
    const householdAudit = new Set(
      (
        await db
          .selectFrom('audit_log')
          .select('object_id')
          .where('action', '=', 'household.create')
          .execute()
      ).map((a) => a.object_id),
    );
    for (const [id, number] of storedHouseholds) {
      expect(members.get(id), `household ${number} members`).toBe(3);
      expect(indicators.get(id), `household ${number} indicators`).toBe(1);
      expect(tiers.get(id), `household ${number} tier history`).toBeGreaterThanOrEqual(1);
      expect(householdAudit.has(id), `household ${number} audit entry`).toBe(true);
    }

    // The last acknowledged edit is there; at most the one in flight landed after it.
    const edited = await db
      .selectFrom('households')
      .select(['version', 'address'])
      .where('id', '=', editId)
      .executeTakeFirstOrThrow();
    if (edited.version === ack.edit.version) expect(edited.address).toBe(ack.edit.address);
    else expect(edited).toEqual({ version: ack.edit.version + 1, address: ack.edit.inFlight });

    // A public submission is stored with its first timeline entry and its notice, or not at all.
    const appeals = await db
      .selectFrom('appeals')
      .leftJoin('appeal_events', (join) =>
        join.onRef('appeal_events.appeal_id', '=', 'appeals.id').on('appeal_events.kind', '=', 'submitted'),
      )
      .leftJoin('notifications', 'notifications.appeal_id', 'appeals.id')
      .select(['appeals.tracking_code', 'appeal_events.id as event', 'notifications.id as notice'])
      .execute();
    const storedAppeals = new Set(appeals.map((a) => a.tracking_code));
    for (const code of ack.appeals)
      expect(storedAppeals.has(code), `acknowledged appeal ${code} lost`).toBe(true);
    for (const a of appeals) {
      expect(a.event, `appeal ${a.tracking_code} without its timeline`).not.toBeNull();
      expect(a.notice, `appeal ${a.tracking_code} without its notice`).not.toBeNull();
    }
    expect(await verifyAudit(db, secretsFromKey(Buffer.from(TEST_SECRET_KEY, 'base64')))).toMatchObject({
      ok: true,
    });
    expect(ack.unexpected).toEqual([]);
  }

  it('keeps every acknowledged write, and no half-written one, over two kills and restarts', async () => {
    let server = await startServer(database);
    let session = await server.signIn(admin.username);
    const created = await session.request(
      'POST',
      '/api/v1/households',
      householdBody({ areaCode: AREAS.villageA1 }),
    );
    const edited = created.json as { id: string; version: number; address: string };
    const ack: Acknowledged = {
      areas: [],
      households: new Map(),
      appeals: new Set(),
      edit: { version: edited.version, address: edited.address, inFlight: null },
      unexpected: [],
    };

    for (let round = 1; round <= 2; round++) {
      await loadThenKill(server, session, ack, edited.id);
      await expectIntact(ack, edited.id);
      // Restart on the same database: it serves what was acknowledged, as it was written.
      server = await startServer(database);
      session = await server.signIn(admin.username);
      const ids = [...ack.households.keys()];
      const last = ids[ids.length - 1];
      if (last) {
        const read = await session.request('GET', `/api/v1/households/${last}`);
        expect(read.status).toBe(200);
        expect((read.json as { members: unknown[] }).members).toHaveLength(3);
      }
      const editedNow = await session.request('GET', `/api/v1/households/${edited.id}`);
      ack.edit.version = (editedNow.json as { version: number }).version;
      ack.edit.inFlight = null;
    }
    await server.kill();
    expect(ack.areas.length + ack.households.size + ack.appeals.size).toBeGreaterThanOrEqual(60);
    expect(ack.appeals.size).toBeGreaterThan(0);
  });
});
