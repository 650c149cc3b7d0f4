import type { AppContext } from '../context';
import { missingPhones, phonesByChild, phonesOf } from './test-module.repository';

// A module that exists only in the tests: it registers an indicator and a to-do on one test app,
// through the same API a domain's plugin uses, so that the dashboard, the assessment, the
// bulletin and the bell are seen to take a new module's figures without being edited.

export const TEST_INDICATOR = 'test.phoneOnFile';
export const TEST_TODO = 'test.phoneMissing';

/** Registers the test module's indicator (on every surface, for village cadres) and to-do. */
export function registerTestModule(ctx: AppContext): void {
  ctx.indicators.register({
    key: TEST_INDICATOR,
    name: { 'zh-CN': '留有电话的账号比例', en: 'Accounts with a phone on file' },
    definition: {
      'zh-CN': '启用的账号中，留有电话的比例（测试模块）',
      en: 'Of enabled accounts, the share with a phone on file (test module)',
    },
    kind: 'ratio',
    surfaces: ['dashboard', 'assessment', 'bulletin'],
    cohorts: ['village_cadres'],
    group: { key: 'test', name: { 'zh-CN': '测试模块', en: 'Test module' } },
    byArea: (q) => phonesByChild(q.db, q.scope, q.digits),
    byCadre: async (q) => {
      const phones = await phonesOf(
        q.db,
        q.cadres.map((c) => c.id),
      );
      return new Map(
        q.cadres.map((c) => [c.id, { numerator: phones.get(c.id) ? 1 : 0, denominator: 1 }] as const),
      );
    },
  });
  ctx.todos.register({
    key: TEST_TODO,
    label: { 'zh-CN': '缺少电话的账号', en: 'Accounts without a phone' },
    permission: 'users.read',
    link: '/users?phone=none',
    count: async (rc) => (rc.scope.reach === 'area' ? missingPhones(rc.db, rc.scope) : 0),
  });
}
