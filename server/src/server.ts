import { networkInterfaces } from 'node:os';
import { buildApp } from './app';
import type { Config } from './config';
import { type DemoAccount, demoAccounts, isDemoLoaded, loadDemoDistrict } from './demo/demo-district';
import { demoAccountsFile, randomDemoPassword, readDemoPassword } from './demo/demo-password';
import { countAreas } from './modules/areas';
import { systemClock } from './platform/clock';
import { acquireInstanceLock } from './platform/instance-lock';
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

/** This machine's LAN addresses (IPv4), where phones on the same network reach the console. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === 'IPv4' && !i.internal)
    .map((i) => i?.address ?? '');
}

function banner(config: Config, accounts: DemoAccount[] | null, setupToken: string | null): string {
  const everyInterface = config.host === '0.0.0.0' || config.host === '::';
  const host = everyInterface ? 'localhost' : config.host;
  const lines = [
    '',
    `  连心 Lianxin ${VERSION}`,
    `  控制台 Console:  http://${host}:${config.port}`,
    `  接口文档 API:     http://${host}:${config.port}/api/docs`,
    `  数据库 Database:  ${describeDatabase(config)}`,
  ];
  if (everyInterface) {
    lines.push(
      `  监听 Listening:   every interface (HOST=${config.host}); HOST=127.0.0.1 keeps it to this computer`,
    );
    for (const address of lanAddresses()) lines.push(`  局域网 LAN:       http://${address}:${config.port}`);
  } else {
    lines.push(`  监听 Listening:   ${config.host} only (HOST=0.0.0.0 opens it to phones on the network)`);
  }
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
    // The file is written in the transaction that stored the hashes, so it is what the accounts use.
    const password = readDemoPassword(config.dataDir) ?? config.demoPassword;
    lines.push(
      '',
      password
        ? `  演示账号 Demo accounts (password: ${password})`
        : '  演示账号 Demo accounts (password not recorded: the demo was loaded by an earlier version)',
      `  密码文件 Password file: ${demoAccountsFile(config.dataDir)}`,
    );
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
  // Held while the server runs: `lianxin restore` refuses to replace the database under it.
  const lock = await acquireInstanceLock(config, database).catch(async (err) => {
    await database.close();
    throw err;
  });
  const secrets = loadSecrets(config);
  if (!config.production && (await countAreas(database.db)) === 0) {
    process.stdout.write('Loading the demo district (first start only)…\n');
    await loadDemoDistrict(database.db, systemClock, secrets, {
      password: config.demoPassword ?? randomDemoPassword(),
      dataDir: config.dataDir,
    });
  }
  const showDemo = !config.production && (await isDemoLoaded(database.db));
  const app = await buildApp({ database, config, secrets });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await lock.release();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app.close();
    await lock.release();
    await database.close();
    throw err;
  }
  // Production starts empty: a one-time link for the first administrator (as Gitea and Grafana do).
  const setupToken = config.production ? await issueSetupToken(database.db, systemClock) : null;
  process.stdout.write(banner(config, showDemo ? demoAccounts() : null, setupToken));
}
