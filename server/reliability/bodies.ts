import fc from 'fast-check';

/** The part of JSON Schema (as the OpenAPI document states request bodies) the fuzz reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minItems?: number;
  maxItems?: number;
}

type Resolve = (ref: string) => JsonSchema;

const oddStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '\ufeff张三',
  '𠀀𠀁𪚥',
  '👨‍👩‍👧‍👦',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̻̅̃',
  "'; drop table households; --",
  '"},{"__proto__":{"admin":true}}',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '%s%s%n',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, not a template
  '${7*7}',
  '=cmd|"/c calc"!A1',
  '1',
  '-1',
  '1e309',
  'true',
  'null',
  'NaN',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59.999Z',
  '00000000-0000-0000-0000-000000000000',
  '610902199913329999',
  '13800000000\n13800000001',
];

/** A string of `length` characters of a kind that is long in bytes (CJK, astral, combining). */
const longString = (length: number) =>
  fc.constantFrom('x', '汉', '𠀀', 'é', '\u0000').map((unit) => unit.repeat(Math.max(0, length)));

/**
 * Arrays nested `depth` deep, written out only in the request's text: neither fast-check's printer
 * nor JSON.stringify get through them on a test worker's stack.
 */
class DeepNesting {
  constructor(readonly depth: number) {}
  toString() {
    return `[…${this.depth} nested arrays…]`;
  }
}

/** The request's JSON text; `undefined` for no body. */
export function serialize(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  const text = JSON.stringify(body, (_key, value: unknown) =>
    value instanceof DeepNesting ? `@@nested:${value.depth}@@` : value,
  );
  return text.replace(/"@@nested:(\d+)@@"/g, (_match, depth: string) =>
    '['.repeat(Number(depth)).concat(']'.repeat(Number(depth))),
  );
}

/** Values of any type, at the edges: nulls, wrong types, huge and strange strings, deep nesting. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 0.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e-308),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...oddStrings),
  fc.constantFrom(201, 4_001, 100_000, 400_000).chain(longString),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  fc.constantFrom(200, 5_000).map((depth) => new DeepNesting(depth)),
);

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 300;
  const fits = (s: string) => s.length >= minLength && s.length <= maxLength;
  switch (schema.format) {
    case 'date':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    default:
      break;
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
    } catch {
      // a pattern fast-check cannot generate from: fall back to free text
    }
  }
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, 60) }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength, maxLength: Math.min(maxLength, 60) }) },
    // Exactly as long as allowed, in characters that are long in bytes.
    { weight: 1, arbitrary: longString(maxLength).filter(fits) },
  );
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exclusiveMin = schema.exclusiveMinimum === true;
  const exclusiveMax = schema.exclusiveMaximum === true;
  const min =
    typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : (schema.minimum ?? undefined);
  const max =
    typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : (schema.maximum ?? undefined);
  if (integer) {
    const lo = min === undefined ? Number.MIN_SAFE_INTEGER : Math.ceil(min) + (exclusiveMin ? 1 : 0);
    const hi = max === undefined ? Number.MAX_SAFE_INTEGER : Math.floor(max) - (exclusiveMax ? 1 : 0);
    return fc.integer({
      min: Math.max(lo, Number.MIN_SAFE_INTEGER),
      max: Math.min(hi, Number.MAX_SAFE_INTEGER),
    });
  }
  return fc.double({
    min: min ?? -1e12,
    max: max ?? 1e12,
    minExcluded: exclusiveMin || typeof schema.exclusiveMinimum === 'number',
    maxExcluded: exclusiveMax || typeof schema.exclusiveMaximum === 'number',
    noNaN: true,
    noDefaultInfinity: true,
  });
}

/** Values the schema accepts, as varied as it allows: these go past validation into the service. */
export function schemaValue(schema: JsonSchema, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return schemaValue(resolve(schema.$ref), resolve, depth);
  const inner = nonNullValue(schema, resolve, depth);
  return schema.nullable ? fc.option(inner, { nil: null, freq: 6 }) : inner;
}

function nonNullValue(schema: JsonSchema, resolve: Resolve, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices && choices.length > 0)
    return fc.oneof(...choices.map((c) => schemaValue(c, resolve, depth + 1)));
  if (schema.allOf?.[0]) return schemaValue(schema.allOf[0], resolve, depth + 1);
  const types = [schema.type ?? []].flat();
  if (types.length > 1)
    return fc.oneof(...types.map((type) => schemaValue({ ...schema, type }, resolve, depth + 1)));
  switch (types[0]) {
    case 'string':
      return stringOf(schema);
    case 'integer':
      return numberOf(schema, true);
    case 'number':
      return numberOf(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? schemaValue(schema.items, resolve, depth + 1) : fc.jsonValue(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      if (depth > 6) return fc.constant({});
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties))
        record[key] = schemaValue(value, resolve, depth + 1);
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * How one request body is made from the route's valid example: a variant the schema accepts, one
 * field set to a nasty value or removed, unknown fields added, or something else entirely.
 */
export type BodyPlan =
  | { kind: 'schema'; value: unknown; keep: number }
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'drop'; at: number }
  | { kind: 'extra'; fields: [string, unknown][] }
  | { kind: 'whole'; value: unknown };

const NO_BODY = Symbol('no body');

export function bodyPlans(schema: JsonSchema | null, resolve: Resolve): fc.Arbitrary<BodyPlan> {
  const plans: fc.WeightedArbitrary<BodyPlan>[] = [
    {
      weight: 5,
      arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: nastyValue }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('extra' as const),
        fields: fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'areaCode', 'version', 'role'),
              fc.string({ maxLength: 12 }),
            ),
            nastyValue,
          ),
          { minLength: 1, maxLength: 3 },
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('whole' as const),
        value: fc.oneof(fc.constant(NO_BODY), fc.jsonValue({ maxDepth: 3 }), nastyValue),
      }),
    },
  ];
  if (schema)
    plans.push({
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('schema' as const),
        value: schemaValue(schema, resolve),
        keep: fc.nat(),
      }),
    });
  return fc.oneof(...plans);
}

type Path = (string | number)[];

/** Every place in `value` a field may be set or removed, including optional fields the schema names. */
function pathsOf(value: unknown, schema: JsonSchema | undefined, resolve: Resolve, at: Path = []): Path[] {
  const resolved = schema?.$ref ? resolve(schema.$ref) : schema;
  const paths: Path[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      paths.push([...at, i], ...pathsOf(item, resolved?.items, resolve, [...at, i]));
    });
  } else if (value !== null && typeof value === 'object') {
    const keys = new Set([...Object.keys(value), ...Object.keys(resolved?.properties ?? {})]);
    for (const key of keys) {
      paths.push([...at, key]);
      paths.push(
        ...pathsOf((value as Record<string, unknown>)[key], resolved?.properties?.[key], resolve, [
          ...at,
          key,
        ]),
      );
    }
  }
  return paths;
}

function setAt(root: unknown, path: Path, value: unknown, remove: boolean): void {
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove && Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else if (remove) delete node[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
}

/** The body a plan makes of a route's valid example; `undefined` means the request has no body. */
export function applyPlan(
  base: unknown,
  plan: BodyPlan,
  schema: JsonSchema | null,
  resolve: Resolve,
): unknown {
  const body = base === undefined ? undefined : (structuredClone(base) as unknown);
  const paths = pathsOf(body, schema ?? undefined, resolve);
  switch (plan.kind) {
    case 'schema': {
      const value = plan.value;
      if (body === null || typeof body !== 'object' || value === null || typeof value !== 'object')
        return value;
      // Keep some fields of the example (real ids, current versions), take the others as generated.
      const merged: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      Object.keys(body).forEach((key, i) => {
        if ((plan.keep >> i) & 1) merged[key] = (body as Record<string, unknown>)[key];
      });
      return merged;
    }
    case 'set':
    case 'drop': {
      const path = paths[plan.at % Math.max(paths.length, 1)];
      if (!path) return plan.kind === 'set' ? plan.value : undefined;
      setAt(body, path, plan.kind === 'set' ? plan.value : undefined, plan.kind === 'drop');
      return body;
    }
    case 'extra': {
      const target = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};
      for (const [key, value] of plan.fields) setAt(target, [key], value, false);
      return target;
    }
    case 'whole':
      return plan.value === NO_BODY ? undefined : plan.value;
  }
}
