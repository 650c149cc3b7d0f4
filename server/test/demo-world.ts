import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDemoDistrict } from '../src/demo/demo-district';
import { systemClock } from '../src/platform/clock';
import { loadSecrets } from '../src/platform/secrets';
import { createTestDatabase, type TestDatabase, testConfig } from './harness';

/** A fresh database with the demo district loaded in it, as `npm start` loads it on first start. */
export async function loadedDemo(): Promise<{ database: TestDatabase; close: () => Promise<void> }> {
  const database = await createTestDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), 'lianxin-demo-'));
  const secrets = loadSecrets(testConfig({ dataDir: dir, secretKey: randomBytes(32).toString('base64') }));
  await loadDemoDistrict(database.db, systemClock, secrets, { password: 'Demo-district-2026', dataDir: dir });
  return {
    database,
    close: async () => {
      await database.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
