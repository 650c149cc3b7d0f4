import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The install's root: the nearest folder above this file whose package.json is the project's
 * (the workspace root, or the package named `lianxin`). A relative DATA_DIR lives there, so the
 * server and every command find the same database from any working directory.
 */
export function installRoot(from: string = import.meta.dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; workspaces?: unknown };
        if (pkg.workspaces || pkg.name === 'lianxin') return dir;
      } catch {
        // An unreadable manifest is not the root; look further up.
      }
    }
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

const Env = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().default('data'),
  SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'SECRET_KEY must be 32 bytes, base64-encoded')
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_THROTTLE_MINUTES: z.coerce.number().int().min(1).default(15),
  API_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  PUBLIC_SUBMISSIONS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
  PUBLIC_SUBMISSIONS_PER_PHONE_PER_DAY: z.coerce.number().int().min(1).default(5),
  PUBLIC_TRACK_FAILURES_PER_IP: z.coerce.number().int().min(1).default(10),
  NOTIFY_DRIVER: z.enum(['log', 'webhook']).default('log'),
  NOTIFY_WEBHOOK_URL: z.url().optional(),
  JOBS_ENABLED: z.enum(['true', 'false']).default('true'),
  JOBS_POLL_MS: z.coerce.number().int().min(50).default(1000),
  AUDIT_SEAL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  AUDIT_ANCHOR_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Tests and the README's examples only: a demo otherwise gets a random password per installation.
  DEMO_PASSWORD: z.string().min(8, 'DEMO_PASSWORD must have at least 8 characters').optional(),
});

export interface Config {
  production: boolean;
  /** NODE_ENV unset or `development`: the residents' pages may show a verification code sent to the log. */
  development: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sqliteFile: string;
  /** Master key for personal data at rest (base64); a key file in dataDir when unset. */
  secretKey: string | undefined;
  session: { idleMinutes: number; absoluteHours: number };
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  loginThrottle: { perAccount: number; perIp: number; minutes: number };
  /** The longest a personal API token may live. */
  apiTokens: { maxDays: number };
  /** Anti-abuse limits of the residents' public pages. */
  publicLimits: { perIpPerHour: number; perPhonePerDay: number; trackFailuresPerIp: number };
  /** Where notifications go: the console's log only, or also a webhook (e.g. an SMS gateway). */
  notify: { driver: 'log' | 'webhook'; webhookUrl: string | undefined };
  jobs: { enabled: boolean; pollMs: number };
  /**
   * The audit chain's sealer (runs where the jobs run) and its checkpoints: every `checkpointSeconds`
   * when the chain moved, to `anchorDir` (keep it off the database host) and the webhooks.
   */
  audit: { sealMs: number; checkpointSeconds: number; anchorDir: string | undefined };
  logLevel: string;
  /** The demo accounts' password when the demo is loaded; random (kept in dataDir) when unset. */
  demoPassword: string | undefined;
}

/** Reads the configuration from the environment; a wrong value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.NOTIFY_DRIVER === 'webhook' && !e.NOTIFY_WEBHOOK_URL) {
    throw new Error('Invalid configuration: NOTIFY_WEBHOOK_URL is required when NOTIFY_DRIVER=webhook');
  }
  const dataDir = path.resolve(installRoot(), e.DATA_DIR);
  return {
    production: e.NODE_ENV === 'production',
    development: e.NODE_ENV === 'development',
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sqliteFile: path.join(dataDir, 'lianxin.db'),
    secretKey: e.SECRET_KEY,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    loginThrottle: {
      perAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perIp: e.LOGIN_MAX_FAILURES_PER_IP,
      minutes: e.LOGIN_THROTTLE_MINUTES,
    },
    apiTokens: { maxDays: e.API_TOKEN_MAX_DAYS },
    publicLimits: {
      perIpPerHour: e.PUBLIC_SUBMISSIONS_PER_IP_PER_HOUR,
      perPhonePerDay: e.PUBLIC_SUBMISSIONS_PER_PHONE_PER_DAY,
      trackFailuresPerIp: e.PUBLIC_TRACK_FAILURES_PER_IP,
    },
    notify: { driver: e.NOTIFY_DRIVER, webhookUrl: e.NOTIFY_WEBHOOK_URL },
    jobs: { enabled: e.JOBS_ENABLED === 'true', pollMs: e.JOBS_POLL_MS },
    audit: {
      sealMs: e.AUDIT_SEAL_MS,
      checkpointSeconds: e.AUDIT_CHECKPOINT_SECONDS,
      anchorDir: e.AUDIT_ANCHOR_DIR ? path.resolve(installRoot(), e.AUDIT_ANCHOR_DIR) : undefined,
    },
    logLevel: e.LOG_LEVEL,
    demoPassword: e.DEMO_PASSWORD,
  };
}
