// Builds the server and the `lianxin` command into server/dist/cli.js with esbuild: ES modules (the
// command line, and a chunk per command loaded when it runs) holding the server's and
// @lianxin/common's TypeScript, with every package from node_modules left as an import (native
// modules, fonts and data files load as they do under tsx). Run by
// `npm run build`, and by `npm start` when the build is missing or older than the sources.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtCli, serverDir } from '../server/bin/server-build.mjs';

/** Bundles the workspace's own packages (@lianxin/*); anything else from node_modules stays external. */
const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@lianxin/') || path.isAbsolute(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

export async function buildServer() {
  const { build } = await import('esbuild');
  const started = Date.now();
  // Chunks of an earlier build would pile up beside the new ones.
  rmSync(path.dirname(builtCli), { recursive: true, force: true });
  await build({
    entryPoints: [path.join(serverDir, 'src', 'cli.ts')],
    outdir: path.dirname(builtCli),
    // Each command's code in its own chunk, loaded when the command runs.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [externalPackages],
  });
  process.stdout.write(
    `Built the server: ${path.relative(process.cwd(), builtCli)} (${Date.now() - started} ms)\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildServer();
}
