import { appealActionsApi, appealsApi, Open311RequestsResponse } from '@lianxin/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, type Session } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';
import { integrationSession } from '../../platform/integrations/integrations.fixtures';
import { type Fields, open311Get, open311Post, readXml } from './open311.fixtures';

// Conformance with Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2), each case after the
// spec's own request and response examples, with our service codes, villages and a mobile number.

const PUBLIC_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'agency_responsible',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
].sort();

describe('Open311 GeoReport v2', () => {
  let w: World;
  let admin: Session;
  let key: string;
  let otherKey: string;
  let townKey: string;
  let phoneSerial = 0;
  // A new mobile number per request, so that the per-phone limit is only met where a test means it.
  const nextPhone = () => `1390000${String(1000 + phoneSerial++).padStart(4, '0')}`;

  // The spec's example POST, with our service code, a village and a mobile number.
  const example = (fields: Fields = {}): Fields => ({
    api_key: key,
    service_code: 'roads_water',
    lat: '32.6843',
    long: '109.0293',
    address_string: '大同村村口',
    email: 'resident@example.org',
    device_id: 'tt222111',
    account_id: '123456',
    first_name: '大爷',
    last_name: '王',
    phone: nextPhone(),
    description: '村口主路塌了一个大坑\n雨天积水，车辆无法通行。',
    media_url: 'http://myimages.example.org/12345.jpg',
    ...fields,
  });

  const appealOf = async (trackingCode: string) => {
    const [item] = (await admin.call(appealsApi.list, { query: { q: trackingCode } })).data.items;
    if (!item) throw new Error(`no appeal ${trackingCode}`);
    return (await admin.call(appealsApi.get, { params: { id: item.id } })).data;
  };

  const created = async (fields: Fields = {}) => {
    const response = await open311Post(w.app, 'requests.json', example(fields));
    expect(response.statusCode, response.body).toBe(201);
    const [request] = response.json() as { service_request_id: string }[];
    if (!request) throw new Error('no request in the answer');
    return request.service_request_id;
  };

  beforeAll(async () => {
    w = await buildWorld();
    admin = w.admin.session;
    key = (await integrationSession(w.app, admin, AREAS.district, { name: '市民通 App' })).key.secret;
    otherKey = (await integrationSession(w.app, admin, AREAS.district, { name: '另一客户端' })).key.secret;
    townKey = (await integrationSession(w.app, admin, AREAS.townA, { name: '关庙镇小程序' })).key.secret;
  });
  afterAll(() => w.close());

  describe('discovery and services', () => {
    it('answers discovery in JSON and XML with the spec’s fields, this server as the production endpoint', async () => {
      const json = await open311Get(w.app, 'discovery.json');
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = json.json();
      expect(Object.keys(body).sort()).toEqual(['changeset', 'contact', 'endpoints', 'key_service']);
      expect(body.endpoints).toEqual([
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: 'http://localhost:80/open311/v2/',
          changeset: body.changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ]);
      const xml = await open311Get(w.app, 'discovery.xml');
      expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
      const tree = readXml(xml.body) as { discovery: { endpoints: { endpoint: unknown[] } } };
      expect(tree.discovery.endpoints.endpoint[0]).toMatchObject({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        type: 'production',
        formats: { format: ['text/xml', 'application/json'] },
      });
    });

    it('lists our active categories as services, in the caller’s language, in JSON and XML', async () => {
      const zh = (await open311Get(w.app, 'services.json')).json() as Record<string, unknown>[];
      const roads = zh.find((s) => s.service_code === 'roads_water');
      expect(roads).toBeDefined();
      expect(Object.keys(roads ?? {}).sort()).toEqual(
        ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'].sort(),
      );
      expect(roads).toMatchObject({ metadata: true, type: 'realtime' });
      const en = (await open311Get(w.app, 'services.json', {}, 'en')).json() as Record<string, unknown>[];
      const roadsEn = en.find((s) => s.service_code === 'roads_water');
      expect(roadsEn?.service_name).not.toBe(roads?.service_name);
      expect(roadsEn?.service_name).toMatch(/^[\x20-\x7e]+$/);

      const xml = readXml((await open311Get(w.app, 'services.xml')).body) as {
        services: { service: Record<string, string>[] };
      };
      expect(xml.services.service).toHaveLength(zh.length);
      expect(xml.services.service.find((s) => s.service_code === 'roads_water')).toMatchObject({
        service_name: roads?.service_name,
        metadata: 'true',
        type: 'realtime',
      });
    });

    it('defines each service with the village attribute listing the district’s villages', async () => {
      const json = await open311Get(w.app, 'services/roads_water.json');
      expect(json.statusCode).toBe(200);
      const definition = json.json();
      expect(definition.service_code).toBe('roads_water');
      expect(definition.attributes).toHaveLength(1);
      const [village] = definition.attributes;
      expect(village).toMatchObject({
        variable: true,
        code: 'village',
        datatype: 'singlevaluelist',
        required: false,
        order: 1,
      });
      expect(village.values).toEqual([
        { key: AREAS.villageA1, name: '关庙镇大同村' },
        { key: AREAS.villageA2, name: '关庙镇石梯村' },
        { key: AREAS.villageB1, name: '张滩镇东坡村' },
      ]);
      const xml = readXml((await open311Get(w.app, 'services/roads_water.xml')).body) as {
        service_definition: { service_code: string; attributes: { attribute: Record<string, unknown>[] } };
      };
      expect(xml.service_definition.service_code).toBe('roads_water');
      expect(xml.service_definition.attributes.attribute[0]).toMatchObject({
        variable: 'true',
        code: 'village',
        datatype: 'singlevaluelist',
        values: { value: expect.arrayContaining([{ key: AREAS.villageB1, name: '张滩镇东坡村' }]) },
      });
    });

    it('answers an unknown service code with 404 in the spec’s error format, JSON and XML', async () => {
      const json = await open311Get(w.app, 'services/no_such_service.json');
      expect(json.statusCode).toBe(404);
      expect(json.json()).toEqual([{ code: 404, description: expect.any(String) }]);
      const xml = await open311Get(w.app, 'services/no_such_service.xml');
      expect(xml.statusCode).toBe(404);
      expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(readXml(xml.body)).toEqual({
        '?xml': '',
        errors: { error: [{ code: '404', description: expect.any(String) }] },
      });
    });
  });

  describe('POST requests', () => {
    it('takes the spec’s example request, form-encoded, as an appeal of the named village', async () => {
      const response = await open311Post(
        w.app,
        'requests.json',
        example({ 'attribute[village]': AREAS.villageA2 }),
      );
      expect(response.statusCode, response.body).toBe(201);
      const answer = response.json();
      expect(answer).toEqual([
        { service_request_id: expect.any(String), service_notice: expect.any(String), account_id: '123456' },
      ]);
      const appeal = await appealOf(answer[0].service_request_id);
      expect(appeal).toMatchObject({
        villageCode: AREAS.villageA2,
        categoryCode: 'roads_water',
        channel: 'public_page',
        source: { kind: 'open311' },
        title: '村口主路塌了一个大坑',
        description: '村口主路塌了一个大坑\n雨天积水，车辆无法通行。',
        reporterName: '王大爷',
        latitude: 32.6843,
        longitude: 109.0293,
      });
      expect(answer[0].service_notice).toContain(answer[0].service_request_id);
    });

    it('answers in XML under <service_requests><request>', async () => {
      const response = await open311Post(w.app, 'requests.xml', example({ account_id: '' }));
      expect(response.statusCode, response.body).toBe(201);
      expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
      const tree = readXml(response.body) as { service_requests: { request: Record<string, string>[] } };
      const [request] = tree.service_requests.request;
      expect(request?.service_request_id).toMatch(/^\w+$/);
      expect(request?.account_id).toBe('');
    });

    it('places a request by the village its address names, with the town where names repeat', async () => {
      const code = await created({ address_string: '汉滨区关庙镇石梯村二组', lat: '', long: '' });
      expect((await appealOf(code)).villageCode).toBe(AREAS.villageA2);
    });

    it('files a request that only a location places in the queue of the integration’s own area', async () => {
      const fields = { address_string: '', device_id: 'gps-only' };
      const district = await appealOf(await created(fields));
      expect(district).toMatchObject({ villageCode: AREAS.district, level: 'district' });
      const town = await open311Post(w.app, 'requests.json', example({ ...fields, api_key: townKey }));
      expect(town.statusCode, town.body).toBe(201);
      const inTown = await appealOf(town.json()[0].service_request_id);
      expect(inTown).toMatchObject({ villageCode: AREAS.townA, level: 'town' });
    });

    it('refuses a village outside the integration’s area, and one no field places', async () => {
      const outside = await open311Post(
        w.app,
        'requests.json',
        example({ api_key: townKey, 'attribute[village]': AREAS.villageB1 }),
      );
      expect(outside.statusCode).toBe(400);
      expect(outside.json()).toEqual([{ code: 400, description: expect.stringContaining(AREAS.villageB1) }]);
      const nowhere = await open311Post(
        w.app,
        'requests.json',
        example({ lat: '', long: '', address_string: '' }),
      );
      expect(nowhere.statusCode).toBe(400);
      expect(nowhere.json()[0]).toMatchObject({ code: 400, description: expect.stringContaining('lat') });
    });

    it('answers a missing or unknown api_key with 403, an unknown service_code with 404, in the spec’s errors', async () => {
      const { api_key: _, ...keyless } = example();
      const missing = await open311Post(w.app, 'requests.xml', keyless);
      expect(missing.statusCode).toBe(403);
      expect(readXml(missing.body)).toMatchObject({ errors: { error: [{ code: '403' }] } });
      const unknown = await open311Post(w.app, 'requests.json', example({ api_key: 'lxi_not_a_key' }));
      expect(unknown.statusCode).toBe(403);
      expect(unknown.json()).toEqual([{ code: 403, description: expect.any(String) }]);
      const service = await open311Post(w.app, 'requests.json', example({ service_code: 'no_such' }));
      expect(service.statusCode).toBe(404);
      expect(service.json()).toEqual([{ code: 404, description: expect.stringMatching(/^service_code: /) }]);
      const blank = await open311Post(w.app, 'requests.json', example({ description: '' }));
      expect(blank.statusCode).toBe(400);
      expect(blank.json()[0].description).toContain('description');
    });

    it('refuses a key without the appeals.create scope', async () => {
      const reader = await integrationSession(w.app, admin, AREAS.district, { scopes: ['areas.read'] });
      const response = await open311Post(w.app, 'requests.json', example({ api_key: reader.key.secret }));
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual([{ code: 403, description: expect.any(String) }]);
    });
  });

  describe('GET requests', () => {
    it('lists only this integration’s requests, with public fields only', async () => {
      const mine = await created({ 'attribute[village]': AREAS.villageB1, device_id: 'list-1' });
      const theirs = await open311Post(w.app, 'requests.json', example({ api_key: otherKey }));
      const theirCode = theirs.json()[0].service_request_id as string;
      const response = await open311Get(w.app, 'requests.json', { api_key: key });
      expect(response.statusCode).toBe(200);
      const list = Open311RequestsResponse.parse(response.json());
      const codes = list.map((r) => r.service_request_id);
      expect(codes).toContain(mine);
      expect(codes).not.toContain(theirCode);
      for (const item of response.json() as Record<string, unknown>[])
        expect(Object.keys(item).sort()).toEqual(PUBLIC_FIELDS);
      // Nothing the resident said or who they are.
      expect(response.body).not.toContain('大坑');
      expect(response.body).not.toContain('1390000');
      expect(response.body).not.toContain('王');
      const staffAppeal = await admin.call(appealsApi.list, { query: {} });
      const openCodes = new Set(codes);
      const others = staffAppeal.data.items.filter((a) => a.channel !== 'public_page');
      expect(others.every((a) => !openCodes.has(a.trackingCode))).toBe(true);
    });

    it('reads one request back by its id, JSON and XML; another integration’s is not found', async () => {
      const code = await created({ device_id: 'one-1' });
      const json = await open311Get(w.app, `requests/${code}.json`, { api_key: key });
      expect(json.statusCode).toBe(200);
      expect(json.json()).toEqual([
        expect.objectContaining({ service_request_id: code, status: 'open', service_code: 'roads_water' }),
      ]);
      const xml = readXml((await open311Get(w.app, `requests/${code}.xml`, { api_key: key })).body) as {
        service_requests: { request: Record<string, string>[] };
      };
      expect(xml.service_requests.request).toEqual([
        expect.objectContaining({ service_request_id: code, status: 'open', status_notes: '' }),
      ]);
      const other = await open311Get(w.app, `requests/${code}.json`, { api_key: otherKey });
      expect(other.statusCode).toBe(404);
      expect(other.json()).toEqual([{ code: 404, description: expect.any(String) }]);
      const keyless = await open311Get(w.app, `requests/${code}.json`);
      expect(keyless.statusCode).toBe(403);
    });

    it('shows the request closed with the reply the resident sees once it is resolved, and filters by status', async () => {
      const code = await created({ 'attribute[village]': AREAS.villageA1, device_id: 'resolve-1' });
      const cadre = (await w.member('village_cadre', AREAS.villageA1)).session;
      let appeal = await appealOf(code);
      appeal = (
        await cadre.call(appealActionsApi.accept, {
          params: { id: appeal.id },
          body: { version: appeal.version },
        })
      ).data;
      await cadre.call(appealActionsApi.note, {
        params: { id: appeal.id },
        body: { version: appeal.version, note: '内部备注：施工队周三到', public: false },
      });
      appeal = (await cadre.call(appealsApi.get, { params: { id: appeal.id } })).data;
      const resolved = await cadre.call(appealActionsApi.resolve, {
        params: { id: appeal.id },
        body: { version: appeal.version, resolution: '已回填并硬化路面' },
      });
      expect(resolved.statusCode, resolved.response.body).toBe(200);
      const [read] = (await open311Get(w.app, `requests/${code}.json`, { api_key: key })).json();
      expect(read).toMatchObject({ status: 'closed', status_notes: '已回填并硬化路面' });
      expect(JSON.stringify(read)).not.toContain('施工队');
      const closed = (await open311Get(w.app, 'requests.json', { api_key: key, status: 'closed' })).json();
      expect(closed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([code]);
      const open = (await open311Get(w.app, 'requests.json', { api_key: key, status: 'open' })).json();
      expect(open.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(code);
    });

    it('filters by the spec’s service_request_id list, service_code and dates', async () => {
      const a = await created({ device_id: 'filter-a' });
      const b = await created({ device_id: 'filter-b', service_code: 'environment' });
      const ids = (query: Fields) =>
        open311Get(w.app, 'requests.json', { api_key: key, ...query }).then((r) =>
          (r.json() as { service_request_id: string }[]).map((x) => x.service_request_id),
        );
      expect((await ids({ service_request_id: `${a},${b}` })).sort()).toEqual([a, b].sort());
      const environment = await ids({ service_code: 'environment' });
      expect(environment).toContain(b);
      expect(environment).not.toContain(a);
      // A list that names nothing filters nothing (it once reached PostgreSQL as `in ()`).
      for (const empty of [{ service_request_id: '' }, { service_code: ' , ' }] as Fields[])
        expect(await ids(empty)).toEqual(expect.arrayContaining([a, b]));
      const future = new Date(w.clock.now().getTime() + 3_600_000).toISOString();
      expect(await ids({ start_date: future })).toEqual([]);
      const bad = await open311Get(w.app, 'requests.xml', { api_key: key, start_date: 'yesterday' });
      expect(bad.statusCode).toBe(400);
      expect(readXml(bad.body)).toMatchObject({ errors: { error: [{ code: '400' }] } });
    });

    it('answers an unknown path under /open311/v2 in the spec’s error format', async () => {
      const response = await open311Get(w.app, 'tokens/abc.xml');
      expect(response.statusCode).toBe(404);
      expect(readXml(response.body)).toMatchObject({ errors: { error: [{ code: '404' }] } });
    });
  });
});
