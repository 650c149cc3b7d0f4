// Where the built server lives and whether it is current: `bin/lianxin.mjs` runs the build only
// when it is newer than every source it was made from (server/src and common/src), so an edited
// source is never shadowed by an old build. Built by scripts/build-server.mjs.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const serverDir = path.resolve(import.meta.dirname, '..');
export const builtCli = path.join(serverDir, 'dist', 'cli.js');
export const sourceDirs = [path.join(serverDir, 'src'), path.resolve(serverDir, '..', 'common', 'src')];

const isTest = (name) => /\.(test|probes)\.ts$/.test(name);

/** The newest modification time (ms) of the TypeScript sources under `dir`, tests left out. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !isTest(entry.name))
      newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** True when server/dist/cli.js exists and is newer than every source file. */
export function isBuildFresh() {
  let built;
  try {
    built = statSync(builtCli).mtimeMs;
  } catch {
    return false;
  }
  try {
    return sourceDirs.every((dir) => newestSource(dir) <= built);
  } catch {
    // No sources beside the build (a packaged install): the build is all there is.
    return true;
  }
}
