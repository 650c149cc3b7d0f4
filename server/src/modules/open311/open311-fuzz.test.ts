import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../../test/harness';
import { buildWorld, type World } from '../../../test/world';
import { integrationSession } from '../../platform/integrations/integrations.fixtures';
import { open311Get, open311Post, readXml } from './open311.fixtures';

// The Open311 paths are outside the API, so the reliability fuzz does not reach them: every field
// of the spec, with odd, missing, repeated and unknown values, must get an answer in the spec's
// own format — a created request, or a list of errors whose code is the HTTP status — never a 5xx.

const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 100);
const FIELDS = [
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
  'attribute[village]',
  'jurisdiction_id',
  'status',
  'start_date',
  'end_date',
  'service_request_id',
  'attribute[other]',
];
const odd = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'NaN',
    'roads_water',
    'environment',
    AREAS.villageA1,
    AREAS.villageB1,
    AREAS.district,
    '13900001111',
    '关庙镇大同村',
    '2026-11-22T08:00:00Z',
    'open',
    'closed',
    '\u0000',
    '\ud800',
    '<x>&amp;</x>',
    ']]>',
    'a'.repeat(5000),
  ),
  fc.string({ maxLength: 40 }),
  fc.double().map(String),
);

describe('Open311 under odd input: the spec’s answers only, never a 5xx', () => {
  let w: World;
  let key: string;
  beforeAll(async () => {
    w = await buildWorld();
    key = (await integrationSession(w.app, w.admin.session, AREAS.townA)).key.secret;
  });
  afterAll(() => w.close());

  /** A success in the spec's shape, or its error list in the format the path asked for. */
  function expectSpecAnswer(
    format: 'json' | 'xml',
    response: { statusCode: number; body: string },
    sent: string,
  ) {
    const where = `${response.statusCode} to ${sent.slice(0, 300)}: ${response.body.slice(0, 300)}`;
    expect(response.statusCode, where).toBeLessThan(500);
    if (format === 'xml') {
      const tree = readXml(response.body) as {
        errors?: { error: { code: string; description: string }[] };
      };
      if (response.statusCode < 300) return expect(tree.errors, where).toBeUndefined();
      const errors = tree.errors?.error ?? [];
      expect(errors.length, where).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e.code, where).toBe(String(response.statusCode));
        expect(e.description.length, where).toBeGreaterThan(0);
      }
      return;
    }
    const body = JSON.parse(response.body) as { code?: number; description?: string }[];
    if (response.statusCode < 300) return;
    expect(Array.isArray(body), where).toBe(true);
    expect(body.length, where).toBeGreaterThan(0);
    for (const e of body) {
      expect(e.code, where).toBe(response.statusCode);
      expect(typeof e.description === 'string' && e.description.length > 0, where).toBe(true);
    }
  }

  const fields = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 12 })), odd, {
    maxKeys: 12,
  });

  // A valid request's fields, some of them kept under the odd ones, so that runs reach the service.
  const valid: Record<string, string> = {
    service_code: 'roads_water',
    description: '村口道路塌陷',
    phone: '13900001111',
    'attribute[village]': AREAS.villageA1,
    address_string: '关庙镇石梯村',
  };
  const forms = fc
    .tuple(fc.oneof(fc.constant(Object.keys(valid)), fc.subarray(Object.keys(valid))), fields)
    .map(([kept, odd]) => ({ ...Object.fromEntries(kept.map((k) => [k, valid[k] ?? ''])), ...odd }));

  it('POST requests answers every form it is sent in the spec’s format', async () => {
    // The valid fields alone reach the service and store a request: the runs build on them.
    const example = await open311Post(w.app, 'requests.json', { ...valid, api_key: key });
    expect(example.statusCode, example.body).toBe(201);
    await fc.assert(
      fc.asyncProperty(
        forms,
        fc.constantFrom('json', 'xml'),
        fc.constantFrom('valid', 'none', 'wrong'),
        async (form, format, keyKind) => {
          const sent = {
            ...form,
            ...(keyKind === 'valid' ? { api_key: key } : keyKind === 'wrong' ? { api_key: 'lxi_nope' } : {}),
          };
          const response = await open311Post(w.app, `requests.${format}`, sent);
          expectSpecAnswer(format, response, JSON.stringify(sent));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('GET requests, one request and the service definitions answer every query in the spec’s format', async () => {
    await fc.assert(
      fc.asyncProperty(
        fields,
        fc.constantFrom('json', 'xml'),
        fc.constantFrom('requests', 'requests/ABC123', 'services/roads_water', 'services/%00', 'services'),
        async (query, format, path) => {
          const sent = { ...query, api_key: key };
          const response = await open311Get(w.app, `${path}.${format}`, sent);
          expectSpecAnswer(format, response, `${path} ${JSON.stringify(sent)}`);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
