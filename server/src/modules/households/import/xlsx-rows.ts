import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';

// Reads the first sheet of an .xlsx row by row. exceljs' streaming reader decodes each inflated
// chunk on its own and so breaks a Chinese character that straddles two chunks (about one row
// in two thousand comes out with "�": exceljs issues #2063 and #2084, still open in 4.4). Here
// the zip entries are decoded as UTF-8 streams and parsed with saxes, the XML parser exceljs
// itself uses.

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

async function sharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  const parser = new SaxesParser();
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  parser.on('opentag', (tag) => {
    if (tag.name === 'si') current = '';
    else if (tag.name === 'rPh') phonetic++;
    else if (tag.name === 't' && phonetic === 0) inText = true;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'si') {
      strings.push(current ?? '');
      current = null;
    } else if (tag.name === 'rPh') phonetic--;
    else if (tag.name === 't') inText = false;
  });
  parser.on('text', (text) => {
    if (inText && current !== null) current += text;
  });
  for await (const chunk of await entryText(zip, entry)) parser.write(chunk);
  parser.close();
  return strings;
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

  const parser = new SaxesParser();
  const done: XlsxRow[] = [];
  let row: XlsxRow | null = null;
  let rowNumber = 0;
  let cell: { index: number; type: string; value: string } | null = null;
  let collect = false;
  let phonetic = 0;
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case 'row':
        rowNumber = attrs.r ? Number(attrs.r) : rowNumber + 1;
        row = { row: rowNumber, cells: [] };
        break;
      case 'c':
        cell = {
          index: attrs.r ? columnIndex(attrs.r) : (row?.cells.length ?? 0),
          type: attrs.t ?? 'n',
          value: '',
        };
        break;
      case 'rPh':
        phonetic++;
        break;
      case 'v':
      case 't':
        collect = cell !== null && phonetic === 0;
        break;
    }
  });
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'row':
        if (row) done.push(row);
        row = null;
        break;
      case 'c':
        if (row && cell) {
          const value =
            cell.type === 's' ? (strings[Number(cell.value)] ?? '') : cell.type === 'e' ? '' : cell.value;
          while (row.cells.length < cell.index) row.cells.push('');
          row.cells[cell.index] = value;
        }
        cell = null;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'v':
      case 't':
        collect = false;
        break;
    }
  });
  parser.on('text', (text) => {
    if (collect && cell) cell.value += text;
  });
  for await (const chunk of await entryText(zip, sheet)) {
    parser.write(chunk);
    yield* done.splice(0);
  }
  parser.close();
  yield* done.splice(0);
}
