// Writes docs/roles.md from the permission table (`npm run docs:roles`).
import { writeFileSync } from 'node:fs';
import { rolesDocument } from '../common/src/roles-doc';

writeFileSync(new URL('../docs/roles.md', import.meta.url), rolesDocument());
