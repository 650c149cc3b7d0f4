import { XMLBuilder } from 'fast-xml-parser';

// The XML side of Open311 GeoReport v2: the same fields as the JSON answers, under the spec's
// elements (a list's element named for its items: <services><service>…, <service_requests><request>…,
// <errors><error>…), in UTF-8 with the XML declaration the spec requires.

const builder = new XMLBuilder({ ignoreAttributes: true, suppressEmptyNode: false, processEntities: true });

type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

/** Nulls become empty elements; booleans and numbers their text. */
function textual(value: XmlValue): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(textual);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, textual(v)]));
  }
  return String(value);
}

/** `<root><item>…</item>…</root>`: a list answer. */
export function xmlList(root: string, item: string, items: readonly object[]): string {
  return document({ [root]: items.length === 0 ? '' : { [item]: items as XmlValue[] } });
}

/** `<root>…</root>`: one record. */
export function xmlRecord(root: string, record: object): string {
  return document({ [root]: record as XmlValue });
}

function document(tree: { [key: string]: XmlValue }): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(textual(tree)) as string}`;
}
