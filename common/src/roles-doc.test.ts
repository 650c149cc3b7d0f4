import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { roles } from './roles';
import { rolesDocument } from './roles-doc';

describe('docs/roles.md', () => {
  it('is the permission table as it is (run `npm run docs:roles` after changing roles.ts)', () => {
    const onDisk = readFileSync(new URL('../../docs/roles.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(rolesDocument());
  });

  it('has a row for every role', () => {
    const document = rolesDocument();
    for (const role of roles) expect(document).toContain(`| \`${role}\` |`);
  });
});
