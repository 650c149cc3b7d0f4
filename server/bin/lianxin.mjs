#!/usr/bin/env node
// The `lianxin` command. Runs the built server (server/dist/cli.js, made by `npm run build` or by
// `npm start`) when it is newer than every source; otherwise the TypeScript sources through tsx, so
// a checkout works without a build and an edited source is never shadowed by an old build.
// LIANXIN_FROM_SOURCE=1 forces the sources.
import module from 'node:module';
import { pathToFileURL } from 'node:url';
import { builtCli, isBuildFresh } from './server-build.mjs';

// Node 22.1+ keeps the compiled code of every loaded module on disk, which makes later starts faster.
module.enableCompileCache?.();

if (process.env.LIANXIN_FROM_SOURCE !== '1' && isBuildFresh()) {
  // Stack traces name the TypeScript sources (server/dist/cli.js.map).
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(builtCli).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
