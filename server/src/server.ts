import { buildApp } from './app';
import type { Config } from './config';
import {
  DEMO_PASSWORD,
  type DemoAccount,
  demoAccounts,
  isDemoLoaded,
  loadDemoDistrict,
} from './demo/demo-district';
import { countAreas } from './modules/areas';
import { systemClock } from './platform/clock';
import { loadSecrets } from './platform/secrets';
import { issueSetupToken, secretKeyLocation } from './platform/setup';
import { describeDatabase, openConfiguredDatabase } from './runtime';
import { VERSION } from './version';

const ROLE_LABELS: Record<string, string> = {
  district_admin: '区级管理员',
  district_staff: '区群众工作部',
  town_head: '镇主要负责人',
  town_staff: '镇干部',
  village_cadre: '村干部',
  cppcc_member: '政协委员',
  auditor: '审计员',
  department_head: '部门负责人',
  department_staff: '部门工作人员',
  station_head: '服务站站长',
  service_agent: '代办员',
  cppcc_office: '政协办公室',
};

function banner(config: Config, accounts: DemoAccount[] | null, setupToken: string | null): string {
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const lines = [
    '',
    `  连心 Lianxin ${VERSION}`,
    `  控制台 Console:  http://${host}:${config.port}`,
    `  接口文档 API:     http://${host}:${config.port}/api/docs`,
    `  数据库 Database:  ${describeDatabase(config)}`,
  ];
  if (setupToken) {
    const key = secretKeyLocation(config);
    lines.push(
      '',
      '  首次设置 First run: no account yet. Open this one-time link to create the first administrator',
      `    http://${host}:${config.port}/setup?token=${setupToken}`,
      '  (or run `npx lianxin setup` on this server). 请备份密钥 Back up the secret key:',
      `    ${key.file ?? 'SECRET_KEY (environment)'} — without it the encrypted personal data is lost.`,
    );
  }
  if (accounts) {
    lines.push('', `  演示账号 Demo accounts (password: ${DEMO_PASSWORD})`);
    for (const a of accounts) {
      lines.push(
        `    ${a.username.padEnd(16)} ${(ROLE_LABELS[a.role] ?? a.role).padEnd(8, '　')} ${a.areaName}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `npm start`: migrate, load the demo into a new database outside production, serve. */
export async function serve(config: Config): Promise<void> {
  const database = await openConfiguredDatabase(config);
  const secrets = loadSecrets(config);
  if (!config.production && (await countAreas(database.db)) === 0) {
    process.stdout.write('Loading the demo district (first start only)…\n');
    await loadDemoDistrict(database.db, systemClock, secrets);
  }
  const showDemo = !config.production && (await isDemoLoaded(database.db));
  const app = await buildApp({ database, config, secrets });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // Production starts empty: a one-time link for the first administrator (as Gitea and Grafana do).
  const setupToken = config.production ? await issueSetupToken(database.db, systemClock) : null;
  process.stdout.write(banner(config, showDemo ? demoAccounts() : null, setupToken));
}
