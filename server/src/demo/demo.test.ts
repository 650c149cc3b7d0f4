import { afterAll, beforeAll } from 'vitest';
import { democracyChecks } from '../../test/demo-checks/democracy';
import { disclosuresChecks } from '../../test/demo-checks/disclosures';
import { dispatchesChecks } from '../../test/demo-checks/dispatches';
import { servicesChecks } from '../../test/demo-checks/services';
import { topicsChecks } from '../../test/demo-checks/topics';
import { warningsChecks } from '../../test/demo-checks/warnings';
import { whistlesChecks } from '../../test/demo-checks/whistles';
import { loadedDemo } from '../../test/demo-world';

// The demo district, loaded once (as `npm start` loads it) for every module's checks of it: the
// load is the slow part (half a minute on PostgreSQL). The checks that change the data — the
// dispatch sweep, the early-warning scan — run last, each on records no other check reads.
let loaded: Awaited<ReturnType<typeof loadedDemo>> | undefined;
beforeAll(async () => {
  loaded = await loadedDemo();
}, 180_000);
afterAll(() => loaded?.close());

const demo = () => {
  if (!loaded) throw new Error('the demo district is not loaded');
  return loaded.database;
};

democracyChecks(demo);
disclosuresChecks(demo);
topicsChecks(demo);
servicesChecks(demo);
whistlesChecks(demo);
dispatchesChecks(demo);
warningsChecks(demo);
