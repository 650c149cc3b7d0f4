import { OPEN311_PREFIX } from '@lianxin/common';
import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';

/** The Open311 tests' common ground: form-encoded calls below /open311/v2 and the XML answers read back. */

export type Fields = Record<string, string>;

/** A GET of an Open311 path (below /open311/v2), with the query's fields. */
export function open311Get(app: FastifyInstance, path: string, query: Fields = {}, locale = 'zh-CN') {
  const search = new URLSearchParams(query).toString();
  return app.inject({
    method: 'GET',
    url: `${OPEN311_PREFIX}/${path}${search ? `?${search}` : ''}`,
    headers: { 'accept-language': locale },
  });
}

/** A POST of an Open311 path, form-encoded as the spec has it. */
export function open311Post(app: FastifyInstance, path: string, fields: Fields, locale = 'zh-CN') {
  return app.inject({
    method: 'POST',
    url: `${OPEN311_PREFIX}/${path}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': locale },
    payload: new URLSearchParams(fields).toString(),
  });
}

// Every element text, never attributes; lists stay lists where the spec has them.
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) =>
    ['service', 'request', 'error', 'endpoint', 'format', 'attribute', 'value'].includes(name),
});

/** An XML answer read as a tree of element names to texts. */
export function readXml(body: string): Record<string, unknown> {
  return parser.parse(body) as Record<string, unknown>;
}
