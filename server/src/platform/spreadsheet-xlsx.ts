import { pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';

// Reads the first sheet of an .xlsx row by row. exceljs' streaming reader decodes each inflated
// chunk on its own and so breaks a Chinese character that straddles two chunks (about one row
// in two thousand comes out with "�": exceljs issues #2063 and #2084, still open in 4.4), and
// at about 10,000 rows a second it alone would use the import's whole time budget. Here the zip
// entries are inflated by yauzl and the sheet is scanned as bytes: only the cells' values are
// decoded, each into a string of its own, so a multi-byte character is never cut and what the
// roster keeps of a cell never holds on to the chunk it came from.

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

function entryBytes(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  options: { decompress: boolean } = { decompress: true },
): Promise<Readable> {
  return new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, options, (err, s) =>
      err || !s ? reject(err ?? new Error('no entry')) : resolve(s),
    ),
  );
}

/**
 * A large entry's bytes, inflated a quarter megabyte at a time (yauzl's own stream gives 16 KB
 * pieces, which cost more to pass along than to inflate). Like yauzl, it refuses an entry that
 * inflates to other than the size its directory declares, which the zip-bomb check trusts.
 */
async function* largeEntryBytes(zip: yauzl.ZipFile, entry: yauzl.Entry): AsyncGenerator<Buffer> {
  if (entry.compressionMethod !== 8) {
    yield* (await entryBytes(zip, entry)) as AsyncIterable<Buffer>;
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  pipeline(await entryBytes(zip, entry, { decompress: false }), inflate, () => undefined);
  let size = 0;
  for await (const chunk of inflate as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > entry.uncompressedSize) throw new Error('entry larger than declared');
    yield chunk;
  }
  if (size !== entry.uncompressedSize) throw new Error('entry smaller than declared');
}

export async function entryText(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<AsyncIterable<string>> {
  const stream = await entryBytes(zip, entry);
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

/** The paths of the workbook's sheets, in the workbook's order, through workbook.xml and its relationships. */
export async function sheetPaths(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>): Promise<string[]> {
  const workbook = await smallEntry(zip, entries.get('xl/workbook.xml'));
  const rels = await smallEntry(zip, entries.get('xl/_rels/workbook.xml.rels'));
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\s[^>]*>/g)) {
    const rel = attributes(m[0]);
    if (!rel.Id || !rel.Target) continue;
    const target = rel.Target.startsWith('/') ? rel.Target.slice(1) : `xl/${rel.Target}`;
    targets.set(rel.Id, target.replace(/\/[^/]+\/\.\.\//g, '/'));
  }
  const paths: string[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const target = targets.get(attributes(m[0])['r:id'] ?? '');
    if (target) paths.push(target);
  }
  return paths;
}

/** A sheet's name and whether Excel hides it (a helper sheet, not something a user meant to send). */
export type SheetInfo = { name: string; hidden: boolean };

/** The workbook's sheets, in order: their names and whether Excel hides them. */
export async function sheetInfos(
  zip: yauzl.ZipFile,
  entries: Map<string, yauzl.Entry>,
): Promise<SheetInfo[]> {
  const workbook = await smallEntry(zip, entries.get('xl/workbook.xml'));
  const out: SheetInfo[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const a = attributes(m[0]);
    out.push({ name: decodeText(a.name ?? ''), hidden: a.state === 'hidden' || a.state === 'veryHidden' });
  }
  return out;
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

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const EQUALS = 0x3d;

/** What may follow an element's or attribute's name: whitespace, '>', '/' or '='. */
function endsName(byte: number | undefined): boolean {
  return byte === 0x20 || byte === GT || byte === SLASH || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The first `byte` in [from, to), or -1: a plain loop, as the distances within a row are short. */
function byteAt(xml: Buffer, byte: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (xml[i] === byte) return i;
  return -1;
}

/** Whether `<name` starts at `at`, as a whole element name. */
function isElement(xml: Buffer, at: number, name: Buffer): boolean {
  for (let i = 0; i < name.length; i++) if (xml[at + i] !== name[i]) return false;
  return endsName(xml[at + name.length]);
}

/** A run of decimal digits as a number (a row number, a shared-string index). */
function digitsAt(xml: Buffer, at: number): number {
  let n = 0;
  for (let i = at; ; i++) {
    const d = (xml[i] ?? 0) - 0x30;
    if (d < 0 || d > 9) return n;
    n = n * 10 + d;
  }
}

/** The text between two offsets, its XML escapes decoded: a string of its own. */
function textAt(xml: Buffer, from: number, to: number): string {
  return from >= to ? '' : decodeText(xml.toString('utf8', from, to));
}

/**
 * The attributes of the start tag opened at `at` that the reader needs, by their one-letter
 * names (`r`, `t`), as offsets of their values; and where the tag ends (its '>').
 */
class StartTag {
  r = -1;
  t = -1;
  end = -1;

  read(xml: Buffer, at: number, to: number): boolean {
    this.r = -1;
    this.t = -1;
    for (let i = at + 1; i < to; i++) {
      const byte = xml[i];
      if (byte === GT) {
        this.end = i;
        return true;
      }
      if (byte === QUOTE) {
        // Skips the attribute's value.
        i = byteAt(xml, QUOTE, i + 1, to);
        if (i === -1) return false;
      } else if (xml[i + 1] === EQUALS && xml[i + 2] === QUOTE && endsName(xml[i - 1])) {
        if (byte === 0x72) this.r = i + 3;
        else if (byte === 0x74) this.t = i + 3;
      }
    }
    return false;
  }
}

const ROW = Buffer.from('<row');
const SI = Buffer.from('<si');
const IS_PLAIN = Buffer.from('<is><t>');
const T_IS_CLOSE = Buffer.from('</t></is>');
const T_PLAIN = Buffer.from('<t>');
const T_SI_CLOSE = Buffer.from('</t></si>');

// Cell types (the `t` attribute) by their first letters: s, str, inlineStr, e; the rest hold a <v>.
const VALUE = 0;
const SHARED = 1;
const INLINE = 2;
const ERROR = 3;

function cellType(xml: Buffer, at: number): number {
  if (at === -1) return VALUE;
  const first = xml[at];
  if (first === 0x73) return xml[at + 1] === QUOTE ? SHARED : VALUE; // s, str
  if (first === 0x69) return INLINE; // inlineStr
  if (first === 0x65) return ERROR; // e
  return VALUE;
}

/** Whether `bytes` are at `at`. */
function startsWith(xml: Buffer, at: number, bytes: Buffer): boolean {
  return at + bytes.length <= xml.length && xml.compare(bytes, 0, bytes.length, at, at + bytes.length) === 0;
}

/** An inline string's text: the common plain form <is><t>text</t></is> first, else its runs. */
function inlineText(xml: Buffer, from: number, to: number): string {
  if (startsWith(xml, from, IS_PLAIN)) {
    const start = from + IS_PLAIN.length;
    const end = byteAt(xml, LT, start, to);
    if (end === to - T_IS_CLOSE.length && startsWith(xml, end, T_IS_CLOSE)) return textAt(xml, start, end);
  }
  return runsText(xml.toString('utf8', from, to));
}

/** Where the `</c>` closing a cell whose content starts at `from` begins, or -1. */
function cellClose(xml: Buffer, from: number, to: number): number {
  for (let at = byteAt(xml, LT, from, to); at !== -1; at = byteAt(xml, LT, at + 1, to)) {
    if (xml[at + 1] === SLASH && xml[at + 2] === 0x63 && xml[at + 3] === GT) return at;
  }
  return -1;
}

/** Where the value of the <v> in [from, to) starts, or -1 (a formula's <f> may come first). */
function valueStart(xml: Buffer, from: number, to: number): number {
  for (let at = byteAt(xml, LT, from, to); at !== -1; at = byteAt(xml, LT, at + 1, to)) {
    if (xml[at + 1] === 0x76 && xml[at + 2] === GT) return at + 3;
  }
  return -1;
}

/**
 * Reads the cells of the row whose content starts at `from`, each placed by its reference
 * (C12 is the third cell), gaps left empty; returns where the row's `</row>` starts.
 */
function readCells(
  xml: Buffer,
  from: number,
  to: number,
  strings: readonly string[],
  tag: StartTag,
  cells: string[],
): number {
  for (let at = byteAt(xml, LT, from, to); at !== -1; ) {
    const second = xml[at + 1];
    if (second === SLASH && xml[at + 2] === 0x72) return at;
    // A row holds <c> elements; anything else (an <extLst>) is passed over.
    if (second !== 0x63 || !endsName(xml[at + 2])) {
      at = byteAt(xml, LT, at + 1, to);
      continue;
    }
    if (!tag.read(xml, at, to)) return to;
    const open = tag.end;
    let index = cells.length;
    if (tag.r !== -1) {
      let n = 0;
      for (let i = tag.r; ; i++) {
        const letter = xml[i] ?? 0;
        if (letter < 0x41 || letter > 0x5a) break;
        n = n * 26 + (letter - 0x40);
      }
      index = n - 1;
    }
    let value = '';
    let next = open + 1;
    if (xml[open - 1] !== SLASH) {
      const close = cellClose(xml, open + 1, to);
      if (close === -1) return to;
      next = close + 4;
      const type = cellType(xml, tag.t);
      if (type === INLINE) value = inlineText(xml, open + 1, close);
      else if (type !== ERROR) {
        const start = valueStart(xml, open + 1, close);
        if (start !== -1) {
          value =
            type === SHARED
              ? (strings[digitsAt(xml, start)] ?? '')
              : textAt(xml, start, byteAt(xml, LT, start, close));
        }
      }
    }
    while (cells.length < index) cells.push('');
    cells[index] = value;
    at = byteAt(xml, LT, next, to);
  }
  return to;
}

/**
 * Cuts a stream of XML into pieces that hold whole elements named by `open` (`<row`), a chunk at
 * a time: everything before the last such element's start is whole. Excel writes these flat
 * and regular, so a scan for their starts is exact.
 */
async function* wholeElements(bytes: AsyncIterable<Buffer>, open: Buffer): AsyncGenerator<Buffer> {
  let rest: Buffer | null = null;
  for await (const chunk of bytes) {
    const xml: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let last = xml.lastIndexOf(open);
    while (last > 0 && !endsName(xml[last + open.length])) last = xml.lastIndexOf(open, last - 1);
    if (last <= 0) {
      rest = xml;
      continue;
    }
    yield xml.subarray(0, last);
    rest = xml.subarray(last);
  }
  if (rest && rest.length > 0) yield rest;
}

async function sharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  const tag = new StartTag();
  for await (const xml of wholeElements(largeEntryBytes(zip, entry), SI)) {
    for (let at = byteAt(xml, LT, 0, xml.length); at !== -1; at = byteAt(xml, LT, at + 1, xml.length)) {
      if (!isElement(xml, at, SI)) continue;
      if (!tag.read(xml, at, xml.length)) break;
      const open = tag.end;
      if (xml[open - 1] === SLASH) {
        strings.push('');
        continue;
      }
      const close = xml.indexOf('</si>', open);
      if (close === -1) break;
      // The common plain form <si><t>text</t></si> first, else its runs.
      const start = open + 1 + T_PLAIN.length;
      const end = byteAt(xml, LT, start, close);
      const plain = startsWith(xml, open + 1, T_PLAIN) && end === close + 5 - T_SI_CLOSE.length;
      strings.push(plain ? textAt(xml, start, end) : runsText(xml.toString('utf8', open + 1, close)));
      at = close;
    }
  }
  return strings;
}

/** A sheet's rows (the first unless told), as text, a decompressed chunk's worth at a time. */
export async function* xlsxSheetRows(content: Buffer, sheetIndex = 0): AsyncGenerator<XlsxRow[]> {
  const zip = await openZip(content);
  const entries = await zipEntries(zip);
  const sheetPath = (await sheetPaths(zip, entries))[sheetIndex];
  const sheet = sheetPath ? entries.get(sheetPath) : undefined;
  if (!sheet) throw new Error('no worksheet');
  const strings = await sharedStrings(zip, entries.get('xl/sharedStrings.xml'));
  const tag = new StartTag();
  let rowNumber = 0;
  for await (const xml of wholeElements(largeEntryBytes(zip, sheet), ROW)) {
    const rows: XlsxRow[] = [];
    const to = xml.length;
    for (let at = byteAt(xml, LT, 0, to); at !== -1; at = byteAt(xml, LT, at + 1, to)) {
      if (!isElement(xml, at, ROW)) continue;
      if (!tag.read(xml, at, to)) break;
      rowNumber = tag.r === -1 ? rowNumber + 1 : digitsAt(xml, tag.r);
      const cells: string[] = [];
      rows.push({ row: rowNumber, cells });
      at = xml[tag.end - 1] === SLASH ? tag.end : readCells(xml, tag.end + 1, to, strings, tag, cells);
    }
    yield rows;
  }
}
