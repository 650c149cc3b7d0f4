import { inflateSync } from 'node:zlib';

/**
 * What a PDF written by pdfkit says: its page count, its embedded fonts and its text, one string
 * per line drawn. Reads only what pdfkit writes (flate streams, Type0 fonts with a ToUnicode map,
 * TJ arrays of hex glyph codes); enough for a test to look for words, not a general PDF reader.
 */
export function readPdf(pdf: Buffer): { pages: number; fonts: string[]; lines: string[] } {
  const source = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string | null }>();
  for (const match of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2] ?? '';
    const at = body.indexOf('stream\n');
    if (at < 0) {
      objects.set(match[1] ?? '', { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const raw = Buffer.from(body.slice(at + 'stream\n'.length, body.lastIndexOf('\nendstream')), 'latin1');
    const stream = dict.includes('/FlateDecode')
      ? inflateSync(raw).toString('latin1')
      : raw.toString('latin1');
    objects.set(match[1] ?? '', { dict, stream });
  }

  // Resource name (F1, F2 …) → glyph code → text, from each font's ToUnicode map.
  const maps = new Map<string, Map<number, string>>();
  const fonts: string[] = [];
  for (const { dict } of objects.values()) {
    for (const [, name, ref] of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(ref ?? '')?.dict ?? '';
      const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(font)?.[1];
      const baseFont = /\/BaseFont \/(\S+)/.exec(font)?.[1];
      if (baseFont && !fonts.includes(baseFont)) fonts.push(baseFont);
      const cmap = objects.get(cmapRef ?? '')?.stream;
      if (!name || !cmap || maps.has(name)) continue;
      const map = new Map<number, string>();
      for (const [, start, list] of cmap.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/g)) {
        [...(list ?? '').matchAll(/<([0-9a-f ]+)>/g)].forEach(([, hex], i) => {
          const units = (hex ?? '').split(' ').map((h) => Number.parseInt(h, 16));
          map.set(Number.parseInt(start ?? '0', 16) + i, String.fromCharCode(...units));
        });
      }
      maps.set(name, map);
    }
  }

  const lines: string[] = [];
  let pages = 0;
  for (const { dict } of objects.values()) {
    if (!/\/Type \/Page\b/.test(dict)) continue;
    pages++;
    const contents = /\/Contents (\d+) 0 R/.exec(dict)?.[1];
    const stream = objects.get(contents ?? '')?.stream ?? '';
    let map = new Map<number, string>();
    for (const [, font, array] of stream.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (font) {
        map = maps.get(font) ?? new Map();
        continue;
      }
      let line = '';
      for (const [, hex] of (array ?? '').matchAll(/<([0-9a-f]*)>/g)) {
        for (let i = 0; i + 4 <= (hex ?? '').length; i += 4)
          line += map.get(Number.parseInt((hex ?? '').slice(i, i + 4), 16)) ?? '\ufffd';
      }
      lines.push(line);
    }
  }
  return { pages, fonts, lines };
}
