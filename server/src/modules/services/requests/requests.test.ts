import { type ProxyRequest, proxyRequestsApi, type TodoItem } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUnit, type Session } from '../../../../test/harness';
import { buildWorld, type Member, type World } from '../../../../test/world';
import { onePixelPng, serviceItem, serviceStation } from './requests.fixtures';
import { sweepProxyRequests } from './requests.sweep';

const DAY = 86_400_000;

describe('代办: a proxy request through its steps, the reach, the sweep', () => {
  let world: World;
  let station: string;
  let item: string;
  let plainItem: string;
  let unit: string;
  let cadre: Member;
  let agent: Member;
  let head: Member;
  let otherAgent: Member;
  let unitStaff: Member;
  let otherUnitStaff: Member;
  let otherTown: Member;

  beforeAll(async () => {
    world = await buildWorld({ session: { idleMinutes: 60 * 24 * 400, absoluteHours: 24 * 400 } });
    station = await serviceStation(world, AREAS.villageA1, '一村便民服务站');
    const otherStation = await serviceStation(world, AREAS.villageB1);
    unit = await buildUnit(world.database, {
      kind: 'department',
      areaCode: AREAS.district,
      name: '区民政局',
    });
    item = await serviceItem(world, {
      unitId: unit,
      areaCode: AREAS.district,
      name: '最低生活保障申请',
      promisedDays: 5,
      materials: [
        { name: '居民身份证', form: 'original', count: 1 },
        { name: '户口簿', form: 'copy', count: 1 },
      ],
    });
    plainItem = await serviceItem(world, { unitId: unit, areaCode: AREAS.district, proxyAllowed: false });
    cadre = await world.member('village_cadre', AREAS.villageA1, { name: '一村干部' });
    agent = await world.member('service_agent', AREAS.villageA1, { name: '代办员小王', unitId: station });
    head = await world.member('station_head', AREAS.villageA1, { name: '站长老李', unitId: station });
    otherAgent = await world.member('service_agent', AREAS.villageB1, { unitId: otherStation });
    unitStaff = await world.member('department_staff', AREAS.district, { unitId: unit });
    otherUnitStaff = await world.member('department_staff', AREAS.district);
    otherTown = await world.member('town_head', AREAS.townB);
  });
  afterAll(() => world.close());

  const create = async (by: Session = cadre.session) => {
    const made = await by.call(proxyRequestsApi.create, {
      body: {
        itemId: item,
        channel: 'visit',
        applicantName: '张桂兰',
        phone: '13800001234',
        areaCode: AREAS.villageA1,
        description: '老人行动不便，请代为申请低保',
      },
    });
    expect(made.statusCode, made.response.body).toBe(201);
    return made.data;
  };
  const moveTo = (at: number) => world.clock.advance(at - world.clock.now().getTime());
  const upload = (session: Session, id: string, kind: string, materialId?: string) =>
    session.request(
      'POST',
      `/api/v1/proxy-requests/${id}/files?kind=${kind}&fileName=photo.png${materialId ? `&materialId=${materialId}` : ''}`,
      onePixelPng,
      { 'content-type': 'image/png' },
    );

  it('goes through every step, each timed on its timeline, the papers sealed', async () => {
    const r0 = await create();
    expect(r0).toMatchObject({
      status: 'submitted',
      stationId: station,
      stationName: '一村便民服务站',
      unitId: unit,
      itemVersion: 1,
      phoneMasked: '138****1234',
      channel: 'visit',
    });
    expect(r0.materials.map((m) => m.name)).toEqual(['居民身份证', '户口簿']);
    expect(Date.parse(r0.dueAt ?? '')).toBeGreaterThan(world.clock.now().getTime() + 5 * DAY);

    const r1 = (
      await head.session.call(proxyRequestsApi.assign, {
        params: { id: r0.id },
        body: { version: r0.version, agentId: agent.id },
      })
    ).data;
    expect(r1).toMatchObject({ status: 'assigned', agentName: '代办员小王' });

    const pdf = await agent.session.call(proxyRequestsApi.authorisationPdf, { params: { id: r0.id } });
    expect(pdf.response.headers['content-type']).toBe('application/pdf');
    const uploaded = await upload(agent.session, r0.id, 'authorisation');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const fileId = (uploaded.json() as { id: string }).id;
    const stored = await world.database.db
      .selectFrom('proxy_request_files')
      .select('content')
      .where('id', '=', fileId)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(stored.content).includes(Buffer.from('IHDR'))).toBe(false);
    const back = await agent.session.call(proxyRequestsApi.getFile, { params: { id: r0.id, fileId } });
    expect(back.response.rawPayload.equals(onePixelPng)).toBe(true);

    world.clock.advance(3_600_000);
    const r2 = (
      await agent.session.call(proxyRequestsApi.authorise, {
        params: { id: r0.id },
        body: { version: r1.version, fileId },
      })
    ).data;
    expect(r2.status).toBe('collecting');

    const [idCard, book] = r2.materials;
    const paper = await upload(agent.session, r0.id, 'paper', book?.id);
    expect(paper.statusCode, paper.body).toBe(201);
    const r3 = (
      await agent.session.call(proxyRequestsApi.collect, {
        params: { id: r0.id },
        body: { version: r2.version, materialIds: [idCard?.id ?? '', book?.id ?? ''], sendSms: true },
      })
    ).data;
    const taken = r3.materials.find((m) => m.id === idCard?.id);
    expect(taken?.receiptNo).toBe(`${r0.trackingCode}-01`);
    expect(r3.materials.find((m) => m.id === book?.id)?.receiptNo).toBeNull();
    expect(r3.collectedAt).not.toBeNull();
    const sms = await world.database.db
      .selectFrom('notifications')
      .select(['message', 'recipient'])
      .where('kind', '=', 'proxy.receipt')
      .execute();
    expect(sms).toEqual([expect.objectContaining({ recipient: '138****1234' })]);
    expect(sms[0]?.message).toContain(`${r0.trackingCode}-01`);
    const receipt = await agent.session.call(proxyRequestsApi.receiptPdf, { params: { id: r0.id } });
    expect(receipt.statusCode).toBe(200);

    world.clock.advance(DAY);
    const r4 = (
      await agent.session.call(proxyRequestsApi.lodge, {
        params: { id: r0.id },
        body: { version: r3.version, unitReceiptNo: 'MZ2026-0098' },
      })
    ).data;
    expect(r4).toMatchObject({ status: 'lodged', unitReceiptNo: 'MZ2026-0098' });
    world.clock.advance(DAY);
    const r5 = (
      await agent.session.call(proxyRequestsApi.result, {
        params: { id: r0.id },
        body: { version: r4.version, note: '已批准，纳入低保' },
      })
    ).data;
    expect(r5.status).toBe('result_ready');

    // The original must come back before delivery.
    const early = await agent.session.call(proxyRequestsApi.deliver, {
      params: { id: r0.id },
      body: { version: r5.version, returnedMaterialIds: [] },
    });
    expect(early.statusCode).toBe(409);
    expect(early.error.code).toBe('PROXY_MATERIALS_INCOMPLETE');
    const r6 = (
      await agent.session.call(proxyRequestsApi.deliver, {
        params: { id: r0.id },
        body: { version: r5.version, returnedMaterialIds: [idCard?.id ?? ''] },
      })
    ).data;
    expect(r6.status).toBe('delivered');
    expect(r6.materials.find((m) => m.id === idCard?.id)?.returnedAt).not.toBeNull();
    const r7 = (
      await agent.session.call(proxyRequestsApi.close, {
        params: { id: r0.id },
        body: { version: r6.version },
      })
    ).data;
    expect(r7.status).toBe('closed');
    expect(r7.events.map((e) => e.kind)).toEqual([
      'created',
      'assigned',
      'file_added',
      'authorised',
      'file_added',
      'collected',
      'lodged',
      'result',
      'delivered',
      'closed',
    ]);
    const times = r7.events.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(r7.events.find((e) => e.kind === 'lodged')?.byName).toBe('代办员小王');
    expect([
      r7.assignedAt,
      r7.authorisedAt,
      r7.submittedAt,
      r7.resultAt,
      r7.deliveredAt,
      r7.closedAt,
    ]).not.toContain(null);
  });

  it('refuses illegal steps with stable codes, stale versions and items that cannot be done by proxy', async () => {
    const r = await create();
    const lodge = await agent.session.call(proxyRequestsApi.lodge, {
      params: { id: r.id },
      body: { version: r.version, unitReceiptNo: 'X1' },
    });
    expect(lodge.statusCode).toBe(409);
    expect(lodge.error.code).toBe('PROXY_STATE_INVALID');
    const assigned = (
      await head.session.call(proxyRequestsApi.assign, {
        params: { id: r.id },
        body: { version: r.version, agentId: agent.id },
      })
    ).data;
    const stale = await agent.session.call(proxyRequestsApi.cancel, {
      params: { id: r.id },
      body: { version: r.version, reason: '群众撤回' },
    });
    expect(stale.error.code).toBe('VERSION_CONFLICT');
    const wrongAgent = await head.session.call(proxyRequestsApi.assign, {
      params: { id: r.id },
      body: { version: assigned.version, agentId: otherAgent.id },
    });
    expect(wrongAgent.error.code).toBe('PROXY_AGENT_INVALID');
    const cancelled = (
      await agent.session.call(proxyRequestsApi.cancel, {
        params: { id: r.id },
        body: { version: assigned.version, reason: '群众撤回' },
      })
    ).data;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '群众撤回' });
    const again = await agent.session.call(proxyRequestsApi.cancel, {
      params: { id: r.id },
      body: { version: cancelled.version, reason: '再撤' },
    });
    expect(again.error.code).toBe('PROXY_STATE_INVALID');
    const plain = await cadre.session.call(proxyRequestsApi.create, {
      body: {
        itemId: plainItem,
        channel: 'station',
        applicantName: '李四',
        phone: '13800005678',
        areaCode: AREAS.villageA1,
      },
    });
    expect(plain.statusCode).toBe(422);
    expect(plain.error.code).toBe('PROXY_ITEM_INVALID');
  });

  it('takes no cancel while an original is held, and a town’s local item only for its own villages', async () => {
    const r = await create();
    const assigned = (
      await head.session.call(proxyRequestsApi.assign, {
        params: { id: r.id },
        body: { version: r.version, agentId: agent.id },
      })
    ).data;
    const file = await upload(agent.session, r.id, 'authorisation');
    const collecting = (
      await agent.session.call(proxyRequestsApi.authorise, {
        params: { id: r.id },
        body: { version: assigned.version, fileId: (file.json() as { id: string }).id },
      })
    ).data;
    const idCard = collecting.materials.find((m) => m.form === 'original');
    const collected = (
      await agent.session.call(proxyRequestsApi.collect, {
        params: { id: r.id },
        body: { version: collecting.version, materialIds: [idCard?.id ?? ''], sendSms: false },
      })
    ).data;
    const held = await agent.session.call(proxyRequestsApi.cancel, {
      params: { id: r.id },
      body: { version: collected.version, reason: '群众撤回' },
    });
    expect(held.statusCode).toBe(409);
    expect(held.error.code).toBe('PROXY_MATERIALS_INCOMPLETE');
    const cancelled = (
      await agent.session.call(proxyRequestsApi.cancel, {
        params: { id: r.id },
        body: { version: collected.version, reason: '群众撤回', returnedMaterialIds: [idCard?.id ?? ''] },
      })
    ).data;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.materials.find((m) => m.id === idCard?.id)?.returnedAt).not.toBeNull();

    const otherTownsItem = await serviceItem(world, {
      unitId: unit,
      areaCode: AREAS.townB,
      name: '茶园补贴申请',
    });
    const refused = await cadre.session.call(proxyRequestsApi.create, {
      body: {
        itemId: otherTownsItem,
        channel: 'visit',
        applicantName: '王五',
        phone: '13800007777',
        areaCode: AREAS.villageA1,
      },
    });
    expect(refused.error.code).toBe('PROXY_ITEM_INVALID');
  });

  it('an agent sees the requests of their station or assigned to them; area roles their area; a unit its own', async () => {
    const r = await create();
    const ids = async (m: Member, query: Record<string, string> = {}) =>
      (await m.session.call(proxyRequestsApi.list, { query })).data.items.map((i) => i.id);
    expect(await ids(agent)).toContain(r.id);
    expect(await ids(agent, { mine: 'true' })).not.toContain(r.id);
    expect(await ids(otherAgent)).not.toContain(r.id);
    expect((await otherAgent.session.call(proxyRequestsApi.get, { params: { id: r.id } })).statusCode).toBe(
      404,
    );
    expect(await ids(cadre)).toContain(r.id);
    expect(await ids(otherTown)).not.toContain(r.id);
    expect(await ids(unitStaff)).toContain(r.id);
    expect(await ids(otherUnitStaff)).not.toContain(r.id);
    const made = (
      await head.session.call(proxyRequestsApi.assign, {
        params: { id: r.id },
        body: { version: r.version, agentId: agent.id },
      })
    ).data;
    expect(made.agentId).toBe(agent.id);
    expect(await ids(agent, { mine: 'true' })).toContain(r.id);
    const page = (await agent.session.call(proxyRequestsApi.list, { query: { limit: 1, withTotal: 'true' } }))
      .data;
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
    const next = (
      await agent.session.call(proxyRequestsApi.list, { query: { limit: 1, cursor: page.nextCursor ?? '' } })
    ).data;
    expect(next.items[0]?.id).not.toBe(page.items[0]?.id);
    const board = (await head.session.call(proxyRequestsApi.board, {})).data;
    expect(board.byStatus.closed).toBe(1);
    expect(board.agents.find((a) => a.agentId === agent.id)?.open).toBeGreaterThan(0);
    const body = {
      itemId: item,
      channel: 'station' as const,
      applicantName: '王五',
      phone: '13800009999',
      areaCode: AREAS.villageA1,
    };
    // Cadres of the area record requests; a town elsewhere does not know the village.
    expect((await otherTown.session.call(proxyRequestsApi.create, { body })).error.code).toBe('AREA_UNKNOWN');
    expect((await otherAgent.session.call(proxyRequestsApi.create, { body })).statusCode).toBe(403);
  });

  it('warns the agent and the station head before the promised date and once more when overdue; to-do counts it', async () => {
    const r = await create();
    await head.session.call(proxyRequestsApi.assign, {
      params: { id: r.id },
      body: { version: r.version, agentId: agent.id },
    });
    const before = await sweepProxyRequests(world.database.db, world.clock);
    expect(before.warned).toBe(0);
    moveTo(Date.parse(r.dueAt ?? '') - DAY / 2);
    const warned = await sweepProxyRequests(world.database.db, world.clock);
    expect(warned.warned).toBeGreaterThanOrEqual(1);
    const notes = await world.database.db
      .selectFrom('notifications')
      .select(['recipient', 'message'])
      .where('kind', '=', 'proxy.warning')
      .execute();
    const mine = notes.filter((n) => n.message.includes(r.trackingCode)).map((n) => n.recipient);
    expect(mine.sort()).toEqual(['代办员 代办员小王', '站长 站长老李']);
    expect((await sweepProxyRequests(world.database.db, world.clock)).warned).toBe(0);
    moveTo(Date.parse(r.dueAt ?? '') + 60_000);
    expect((await sweepProxyRequests(world.database.db, world.clock)).overdue).toBeGreaterThanOrEqual(1);
    expect((await sweepProxyRequests(world.database.db, world.clock)).overdue).toBe(0);
    const got = (await agent.session.call(proxyRequestsApi.get, { params: { id: r.id } }))
      .data as ProxyRequest;
    expect(got.overdue).toBe(true);
    expect(got.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['warned', 'overdue']));
    const overdue = (
      await agent.session.call(proxyRequestsApi.list, { query: { mine: 'true', overdue: 'true' } })
    ).data;
    expect(overdue.items.map((i) => i.id)).toContain(r.id);
    const todos = (await agent.session.request('GET', '/api/v1/todos')).json() as TodoItem[];
    expect(todos.find((todo) => todo.key === 'services.proxyDue')?.count).toBeGreaterThanOrEqual(1);
  });

  it('deletes the papers the set days after closing, not before', async () => {
    const r = await create();
    const uploaded = await upload(cadre.session, r.id, 'paper');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const cancelled = (
      await cadre.session.call(proxyRequestsApi.cancel, {
        params: { id: r.id },
        body: { version: r.version, reason: '重复申请' },
      })
    ).data;
    expect(cancelled.files).toHaveLength(1);
    world.clock.advance(89 * DAY);
    await sweepProxyRequests(world.database.db, world.clock);
    expect(
      (await cadre.session.call(proxyRequestsApi.get, { params: { id: r.id } })).data.files,
    ).toHaveLength(1);
    world.clock.advance(2 * DAY);
    expect((await sweepProxyRequests(world.database.db, world.clock)).purged).toBeGreaterThanOrEqual(1);
    const after = (await cadre.session.call(proxyRequestsApi.get, { params: { id: r.id } })).data;
    expect(after.files).toHaveLength(0);
    expect(after.papersPurgedAt).not.toBeNull();
    expect(after.events.at(-1)?.kind).toBe('papers_purged');
  });
});
