import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

// Reads the first sheet of an .xlsx row by row. exceljs' streaming reader decodes each inflated
// chunk on its own and so breaks a Chinese character that straddles two chunks (about one row
// in two thousand comes out with "�": exceljs issues #2063 and #2084, still open in 4.4), and
// at about 10,000 rows a second it alone would use the import's whole time budget. Here the zip
// entries are inflated by yauzl, decoded as UTF-8 streams, and cut into rows.

export interface XlsxRow {
  row: number;
  cells: string[];
}

export function openZip(content: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(content, { lazyEntries: true, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error('not a zip')) : resolve(zip),
    ),
  );
}

export async function zipEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

export async function entryText(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<AsyncIterable<string>> {
  const stream = await new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err || !s ? reject(err ?? new Error('no entry')) : resolve(s))),
  );
  // A string decoder keeps multi-byte characters whole across chunk boundaries.
  stream.setEncoding('utf8');
  return stream as AsyncIterable<string>;
}

async function smallEntry(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<string> {
  if (!entry) return '';
  let text = '';
  for await (const chunk of await entryText(zip, entry)) text += chunk;
  return text;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1] as string] = m[2] as string;
  return out;
}

/** The path of the workbook's first sheet, through workbook.xml and its relationships. */
export async function firstSheetPath(
  zip: yauzl.ZipFile,
  entries: Map<string, yauzl.Entry>,
): Promise<string | null> {
  const workbook = await smallEntry(zip, entries.get('xl/workbook.xml'));
  const first = /<(?:\w+:)?sheet\s[^>]*>/.exec(workbook);
  if (!first) return null;
  const relId = attributes(first[0])['r:id'];
  const rels = await smallEntry(zip, entries.get('xl/_rels/workbook.xml.rels'));
  for (const m of rels.matchAll(/<Relationship\s[^>]*>/g)) {
    const rel = attributes(m[0]);
    if (rel.Id !== relId || !rel.Target) continue;
    const target = rel.Target.startsWith('/') ? rel.Target.slice(1) : `xl/${rel.Target}`;
    return target.replace(/\/[^/]+\/\.\.\//g, '/');
  }
  return null;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities and character references, then Excel's own `_xHHHH_` escapes. */
function decodeText(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name] ?? whole;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The text of a rich or plain string: its <t> runs, without phonetic guides (<rPh>). */
function runsText(xml: string): string {
  const plain = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of plain.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) out += m[1] ?? '';
  return decodeText(out);
}

/**
 * Cuts a stream of XML text into whole elements named `tag`, a chunk at a time: what a sheet's
 * rows and a string table's entries are. Excel writes these flat and regular, so a scan for the
 * closing tag is exact, and several times faster than a general XML parser.
 */
async function* elements(text: AsyncIterable<string>, tag: string): AsyncGenerator<string> {
  const close = `</${tag}>`;
  const pattern = new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, 'g');
  let rest = '';
  for await (const chunk of text) {
    rest += chunk;
    const end = rest.lastIndexOf(close);
    if (end === -1) continue;
    const whole = rest.slice(0, end + close.length);
    rest = rest.slice(end + close.length);
    for (const m of whole.matchAll(pattern)) yield m[0];
  }
  for (const m of rest.matchAll(pattern)) yield m[0];
}

async function sharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  for await (const si of elements(await entryText(zip, entry), 'si')) strings.push(runsText(si));
  return strings;
}

/** One attribute of a tag's attribute text, found without a regular expression (cells are many). */
function attribute(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(` ${name}="`);
  if (at === -1) return undefined;
  const start = at + name.length + 3;
  return attrs.slice(start, attrs.indexOf('"', start));
}

/** A cell's text: a shared string, an inline string, or the literal value (numbers, formulas' results). */
function cellValue(type: string, body: string, strings: string[]): string {
  if (type === 'inlineStr') {
    // The common plain form first: <is><t>text</t></is>.
    if (body.startsWith('<is><t>') && body.indexOf('<', 7) === body.indexOf('</t></is>')) {
      return decodeText(body.slice(7, body.indexOf('</t></is>')));
    }
    return runsText(body);
  }
  const start = body.indexOf('<v>');
  const v = start === -1 ? '' : body.slice(start + 3, body.indexOf('</v>', start));
  return type === 's' ? (strings[Number(v)] ?? '') : decodeText(v);
}

/** Column letters of a cell reference to a 0-based index: "C12" → 2, "AA3" → 26. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** The first sheet's rows, as text, streamed a decompressed chunk at a time. */
export async function* xlsxSheetRows(content: Buffer): AsyncGenerator<XlsxRow> {
  const zip = await openZip(content);
  const entries = await zipEntries(zip);
  const sheetPath = await firstSheetPath(zip, entries);
  const sheet = sheetPath ? entries.get(sheetPath) : undefined;
  if (!sheet) throw new Error('no worksheet');
  const strings = await sharedStrings(zip, entries.get('xl/sharedStrings.xml'));
  let rowNumber = 0;
  for await (const xml of elements(await entryText(zip, sheet), 'row')) {
    const open = /^<row\b[^>]*>/.exec(xml)?.[0] ?? '';
    const r = /\br="(\d+)"/.exec(open);
    rowNumber = r ? Number(r[1]) : rowNumber + 1;
    const cells: string[] = [];
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? '';
      const ref = attribute(attrs, 'r');
      const index = ref ? columnIndex(ref) : cells.length;
      const type = attribute(attrs, 't') ?? 'n';
      const value = type === 'e' ? '' : cellValue(type, c[2] ?? '', strings);
      while (cells.length < index) cells.push('');
      cells[index] = value;
    }
    yield { row: rowNumber, cells };
  }
}
