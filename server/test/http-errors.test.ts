import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS, buildUser, createTestApp, login, type Session, seedAreas, type TestContext } from './harness';

describe('bad input and the error catalogue', () => {
  let t: TestContext;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    await seedAreas(t.database);
    admin = await login(
      t.app,
      (await buildUser(t.database, { role: 'district_admin', areaCode: AREAS.district })).username,
    );
  });
  afterAll(() => t.close());

  const raw = (payload: string, contentType = 'application/json', extra: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/areas',
      cookies: { lx_session: admin.cookie },
      headers: { 'x-csrf-token': admin.csrfToken, 'content-type': contentType, ...extra },
      payload,
    });

  it('answers malformed JSON with INVALID_JSON', async () => {
    const response = await raw('{"code": "6109', 'application/json');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' } });
  });

  it('answers a form post with UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await raw('code=1', 'application/x-www-form-urlencoded');
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('answers an oversized body with PAYLOAD_TOO_LARGE', async () => {
    const response = await raw(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('answers an unknown endpoint with ROUTE_NOT_FOUND in English when asked', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nothing',
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: 'No such endpoint' } });
  });

  it.each([
    ['an unknown area code in the path', 'GET', '/api/v1/areas/610902999999', undefined, 404, 'NOT_FOUND'],
    ['a malformed area code', 'GET', '/api/v1/areas/abc', undefined, 400, 'VALIDATION_FAILED'],
    ['a malformed user id', 'GET', '/api/v1/users/not-a-uuid', undefined, 400, 'VALIDATION_FAILED'],
    ['an unknown query parameter', 'GET', '/api/v1/users?sort=drop', undefined, 400, 'VALIDATION_FAILED'],
    [
      'a code that does not fit its parent',
      'POST',
      '/api/v1/areas',
      { code: '610902002009', name: '错村', kind: 'village', parentCode: AREAS.townA },
      400,
      'AREA_CODE_INVALID',
    ],
    [
      'a village directly under the district',
      'POST',
      '/api/v1/areas',
      { code: '610902001009', name: '错村', kind: 'village', parentCode: AREAS.district },
      400,
      'AREA_PARENT_INVALID',
    ],
    [
      'an existing area code',
      'POST',
      '/api/v1/areas',
      { code: AREAS.villageA2, name: '重复', kind: 'village', parentCode: AREAS.townA },
      409,
      'AREA_CODE_TAKEN',
    ],
    [
      'an unknown parent',
      'POST',
      '/api/v1/areas',
      { code: '610902009001', name: '无主', kind: 'village', parentCode: '610902009000' },
      400,
      'AREA_UNKNOWN',
    ],
    [
      'a disaster period that ends before it starts',
      'PATCH',
      `/api/v1/areas/${AREAS.villageA2}`,
      { flags: { disasterHit: true, disasterFrom: '2026-08-01', disasterTo: '2026-07-01' }, version: 1 },
      400,
      'VALIDATION_FAILED',
    ],
    ['a null body', 'PATCH', `/api/v1/areas/${AREAS.villageA2}`, null, 400, 'VALIDATION_FAILED'],
    // PostgreSQL cannot store a NUL character; SQLite could, and refuses it all the same.
    [
      'a name with a NUL character',
      'POST',
      '/api/v1/areas',
      { code: '610902001009', name: '大\u0000同', kind: 'village', parentCode: AREAS.townA },
      400,
      'VALIDATION_FAILED',
    ],
    ['a search for a NUL character', 'GET', '/api/v1/households?q=%00', undefined, 400, 'VALIDATION_FAILED'],
    [
      'a version beyond what the database holds',
      'PATCH',
      `/api/v1/areas/${AREAS.villageA2}`,
      { name: '新名', version: 2 ** 31 - 1 },
      400,
      'VALIDATION_FAILED',
    ],
  ])('refuses %s', async (_label, method, url, body, status, code) => {
    const response = await admin.request(method, url, body);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ error: { code, message: expect.any(String) } });
  });

  it('serves the OpenAPI document and health endpoints', async () => {
    const openapi = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(openapi.json()).toMatchObject({ openapi: '3.0.3', paths: { '/api/v1/auth/login': { post: {} } } });
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({
      status: 'ok',
      engine: t.database.engine,
    });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});
