// `npm start`: builds the console once if it has not been built, builds the server when its build
// is missing or older than the sources (scripts/build-server.mjs), then runs the built server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isBuildFresh } from '../server/bin/server-build.mjs';
import { buildServer } from './build-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
if (!existsSync(path.join(root, 'web', 'dist', 'index.html'))) {
  process.stdout.write('Building the console (first start only)…\n');
  const build = spawnSync('npm', ['run', 'build', '--workspace', 'web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!isBuildFresh()) await buildServer();
process.argv = [process.argv[0] ?? 'node', 'lianxin', 'serve'];
await import('../server/bin/lianxin.mjs');
