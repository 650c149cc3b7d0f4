import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The server's version, from the nearest package.json above this file: the server package's, for
 * the sources and for every chunk of the build (server/dist/chunks/…) alike.
 */
function readVersion(): string {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest))
      return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

export const VERSION: string = readVersion();
