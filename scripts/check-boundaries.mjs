#!/usr/bin/env node
// The module shape (docs/architecture.md), read from the syntax tree of every server source file:
// - SQL only in repositories: no query-builder call, `sql` template or value import of Kysely
//   outside `*.repository.ts`, `server/src/db/` and the migrations;
// - transactions opened only through the platform's `withTransaction`;
// - no import of another module's internals (only its face, `modules/<domain>/index.ts`);
// - no source file over 400 lines, except the generated ones docs/architecture.md names.
// What the tree still has of the first two is kept per file in scripts/boundaries-baseline.json:
// a file may only fall below its count, never rise above it, and a new file starts at zero.
// `--update` writes the baseline anew (after a count fell).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');
const baselineFile = path.join(root, 'scripts/boundaries-baseline.json');
const QUERY_BUILDERS = new Set([
  'selectFrom',
  'selectNoFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
]);
const MAX_LINES = 400;

function walk(dir, keep) {
  const out = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(rel, keep));
    else if (keep(rel)) out.push(rel);
  }
  return out;
}

const isSource = (file) => /\.tsx?$/.test(file) && !/\.d\.ts$/.test(file);
const isTest = (file) => /\.(test|probes|fixtures)\.tsx?$/.test(file);
const sqlAllowed = (file) =>
  file.endsWith('.repository.ts') || file.startsWith('server/src/db/') || file.includes('/migrations/');
const transactionAllowed = (file) =>
  file.startsWith('server/src/db/') || file === 'server/src/platform/request-context.ts';

function moduleOf(file) {
  return /^server\/src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;
}

/** The counts of one server source file. */
function inspect(file) {
  const text = readFileSync(path.join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found = { sql: 0, kyselyImports: 0, transactions: 0, deepImports: [] };
  const own = moduleOf(file);
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      const spec =
        node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text;
      if (spec === 'kysely' && ts.isImportDeclaration(node) && !isTypeOnly(node)) found.kyselyImports++;
      if (spec?.startsWith('.')) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
        const match = /^server\/src\/modules\/([^/]+)(\/.*)?$/.exec(target);
        const isFace = !match?.[2] || match[2] === '/index' || match[2] === '/index.ts';
        if (match && match[1] !== own && !isFace) found.deepImports.push(`${file} → ${target}`);
      }
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      const onSql = ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'sql';
      // sql.raw(), sql.ref(), sql.join(), sql.lit(): SQL written by hand as much as a template is.
      if (QUERY_BUILDERS.has(name) || onSql) found.sql++;
      if (name === 'transaction' && node.arguments.length === 0) found.transactions++;
    } else if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql') {
      found.sql++;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { ...found, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) };
}

function isTypeOnly(node) {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return Boolean(bindings && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly));
}

/** The files docs/architecture.md lets exceed the line limit (generated data, catalogues). */
function exemptFromLength() {
  const doc = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
  const section = /<!-- long-files -->([\s\S]*?)<!-- \/long-files -->/.exec(doc)?.[1] ?? '';
  return new Set([...section.matchAll(/`([^`]+\.tsx?)`/g)].map((m) => m[1]));
}

const serverFiles = walk('server/src', (f) => isSource(f) && !isTest(f));
const sizedFiles = [
  ...serverFiles,
  ...['common/src', 'web/src'].flatMap((dir) => walk(dir, (f) => isSource(f) && !isTest(f))),
].filter((f) => !f.includes('/migrations/'));

const counts = {};
const problems = [];
for (const file of serverFiles) {
  const found = inspect(file);
  problems.push(...found.deepImports.map((d) => `import of another module's internals: ${d}`));
  const entry = {
    sql: sqlAllowed(file) ? 0 : found.sql,
    kyselyImports: sqlAllowed(file) ? 0 : found.kyselyImports,
    transactions: transactionAllowed(file) ? 0 : found.transactions,
  };
  if (entry.sql || entry.kyselyImports || entry.transactions) counts[file] = entry;
}
const exempt = exemptFromLength();
for (const file of sizedFiles) {
  const lines = file.startsWith('server/src/')
    ? inspect(file).lines
    : readFileSync(file, 'utf8').split('\n').length;
  if (lines > MAX_LINES && !exempt.has(file)) counts[file] = { ...(counts[file] ?? {}), lines };
}

if (process.argv.includes('--update')) {
  writeFileSync(baselineFile, `${JSON.stringify(counts, null, 2)}\n`);
  console.log(`boundaries: baseline written (${Object.keys(counts).length} files)`);
}
const baseline = JSON.parse(readFileSync(baselineFile, 'utf8'));
for (const [file, entry] of Object.entries(counts)) {
  for (const [key, value] of Object.entries(entry)) {
    const allowed = baseline[file]?.[key] ?? 0;
    if (value > allowed) {
      const what = {
        sql: 'query-builder calls or sql templates outside a repository',
        kyselyImports: 'value imports of kysely outside a repository',
        transactions: 'transactions opened other than by withTransaction()',
        lines: `lines (more than ${MAX_LINES})`,
      }[key];
      problems.push(`${file}: ${value} ${what}, where the baseline allows ${allowed}`);
    }
  }
}

const total = (key) =>
  Object.values(counts).reduce((sum, e) => sum + (key === 'lines' ? (e.lines ? 1 : 0) : (e[key] ?? 0)), 0);
const summary = `${total('sql')} query-builder calls and ${total('kyselyImports')} kysely imports outside repositories, ${total('transactions')} transactions outside withTransaction(), ${total('lines')} files over ${MAX_LINES} lines`;
if (problems.length > 0) {
  console.error(`boundaries: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
const stale = Object.entries(baseline).some(([file, entry]) =>
  Object.entries(entry).some(([key, value]) => (counts[file]?.[key] ?? 0) < value),
);
console.log(
  `boundaries: ${summary}${stale ? ' — counts fell: run `node scripts/check-boundaries.mjs --update`' : ''}`,
);
