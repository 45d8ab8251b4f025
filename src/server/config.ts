// Configuration is read from the environment once, validated, and passed explicitly.
// This is the only file that may look at process.env (see DESIGN.md rule 2).
import { readEnv, type KeyRing } from './platform/config/env-reader.ts';
import { list } from './platform/config/parse.ts';
import { loadOrCreateDevSecrets } from './platform/config/dev-secrets.ts';
import path from 'node:path';
import fs from 'node:fs';

export type DbClient = 'sqlite' | 'postgres' | 'mysql';
export type NodeEnv = 'development' | 'test' | 'production';

export interface DbConfig {
  client: DbClient;
  url?: string;
  host: string;
  port: number;
  name: string;
  user: string;
  password: string;
  ssl: boolean;
  poolMin: number;
  poolMax: number;
  /** How long to wait for a connection (pool slot, server connect, SQLite write lock). */
  connectTimeoutMs: number;
  /** Longest statement the API lets a server database run (PostgreSQL statement_timeout, MariaDB max_statement_time). */
  statementTimeoutMs: number;
  sqliteFile: string;
}

export interface Config {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  appUrl: string;
  logLevel: string;
  dataDir: string;
  db: DbConfig;
  redisUrl?: string;
  /** Longest wait for any one Redis call before the request goes on without Redis. */
  redisTimeoutMs: number;
  /** `previousSecret` / `refreshPreviousSecret`: still accepted while a rotation settles (docs/operations.md). */
  jwt: { secret: string; previousSecret?: string; expirySeconds: number; refreshSecret: string; refreshPreviousSecret?: string; refreshExpirySeconds: number; refreshIdleSeconds: number; issuer: string; audience: string };
  bcryptRounds: number;
  rateLimit: { windowMs: number; max: number };
  corsOrigins: string[];
  trustProxy: string[];
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  /** After SIGTERM, how long new connections are still accepted (and answered 503) before the listener closes. */
  shutdownDrainMs: number;
  metrics: { token?: string; allow: string[] };
  /** `secure`: TLS from the first byte (port 465); otherwise STARTTLS whenever the server offers it, and `requireTls` refuses to send without it. `caFile`: a private CA to trust. */
  smtp: { host?: string; port: number; user?: string; password?: string; from: string; secure: boolean; requireTls: boolean; caFile?: string; connectionTimeoutMs: number; greetingTimeoutMs: number; socketTimeoutMs: number; maxConnections: number };
  /** The HTTP SMS gateway; no `gatewayUrl`, no SMS. */
  sms: { gatewayUrl?: string; apiKey?: string; senderId?: string; timeoutMs: number; maxSegments: number };
  /** `maxAttempts`: runs of a job before it is dead ('failed'); `stopGraceMs`: how long stop() lets the job in hand finish before releasing it; `claimMs`: how long a worker that died mid-job holds its jobs. */
  outbox: { maxAttempts: number; stopGraceMs: number; claimMs: number; retentionDays: number };
  /** /health/notification is unhealthy when the oldest due job has waited longer than this. */
  notificationQueueMaxAgeMs: number;
  s3: { bucket?: string; region?: string; accessKey?: string; secretKey?: string; endpoint?: string };
  /** Card payments; off without STRIPE_SECRET_KEY. apiBase points the stripe package elsewhere (a test server, a proxy). */
  stripe: { secretKey?: string; webhookSecret?: string; apiBase: string; timeoutMs: number; maxNetworkRetries: number; webhookToleranceS: number };
  /** `tracesUrl`: where OTLP/HTTP spans go (from JAEGER_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT); none, no tracing. */
  monitoring: { sentryDsn?: string; sentryRelease?: string; jaegerEndpoint?: string; prometheusEndpoint?: string; tracesUrl?: string; tracesSampleRatio: number };
  /** `previousIndexKey`: the blind-index key being replaced; lookups try both until `nilecare keys rotate` is done. */
  phi: { keys: Record<string, Buffer>; activeKeyId: string; indexKey: Buffer; previousIndexKey?: Buffer };
  backup: { dir: string; keys?: KeyRing; retentionDays: number; retentionCount: number; timeoutMs: number };
  /** The environment spawned tools (pg_dump, mysqldump…) get: what they need to run, none of NileCare's secrets. */
  toolEnv: Record<string, string>;
  bootstrap: { adminEmail?: string; adminPassword?: string; facilityName: string };
  workerInProcess: boolean;
  /** `nilecare worker` serves /metrics on this port when set. */
  workerMetricsPort?: number;
  auditVerifyIntervalMs: number;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

const PROD_SECRET_MIN = 64; // the spec: "64+ character random string"

/** Parses an environment map. Throws ConfigError listing every bad variable at once. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const r = readEnv(env);
  const nodeEnv = r.oneOf('NODE_ENV', ['development', 'test', 'production'], 'development');
  const production = nodeEnv === 'production';
  const dataDir = path.resolve(r.str('DATA_DIR', './data'));
  const client = r.oneOf('DB_CLIENT', ['sqlite', 'postgres', 'mysql'], inferClient(env.DATABASE_URL));
  // Outside production a missing secret is generated once and kept in DATA_DIR, so `npm start` needs no setup.
  const dev = production ? undefined : () => loadOrCreateDevSecrets(dataDir);

  const db: DbConfig = {
    client,
    url: r.optStr('DATABASE_URL'),
    host: r.str('DB_HOST', '127.0.0.1'),
    port: r.int('DB_PORT', client === 'mysql' ? 3306 : 5432, 1, 65535),
    name: r.str('DB_NAME', 'nilecare'),
    user: r.str('DB_USER', client === 'mysql' ? 'root' : 'postgres'),
    password: r.str('DB_PASSWORD', ''),
    ssl: r.bool('DB_SSL', false),
    poolMin: r.int('DB_POOL_MIN', 0, 0, 1000),
    poolMax: r.int('DB_POOL_MAX', 10, 1, 1000),
    connectTimeoutMs: r.duration('DB_CONNECT_TIMEOUT', '5s'),
    statementTimeoutMs: r.duration('DB_STATEMENT_TIMEOUT', '30s'),
    sqliteFile: path.join(dataDir, 'nilecare.sqlite'),
  };
  if (db.poolMin > db.poolMax) r.problem('DB_POOL_MIN', `must not exceed DB_POOL_MAX (${db.poolMax})`);

  const jwtSecret = r.secret('JWT_SECRET', dev && (() => dev().jwtSecret), production ? PROD_SECRET_MIN : 32);
  const jwtRefreshSecret = r.secret('JWT_REFRESH_SECRET', dev && (() => dev().jwtRefreshSecret), production ? PROD_SECRET_MIN : 32);
  const jwtPrevious = r.optSecret('JWT_SECRET_PREVIOUS', production ? PROD_SECRET_MIN : 32);
  const jwtRefreshPrevious = r.optSecret('JWT_REFRESH_SECRET_PREVIOUS', production ? PROD_SECRET_MIN : 32);
  if (production && jwtSecret && jwtSecret === jwtRefreshSecret) r.problem('JWT_REFRESH_SECRET', 'must differ from JWT_SECRET');

  const phiKeys = r.keyRing('PHI_ENCRYPTION_KEYS', dev && (() => dev().phiKeys));
  const phiIndexKey = r.key('PHI_INDEX_KEY', dev && (() => dev().phiIndexKey));
  const phiPreviousIndexKey = r.optKey('PHI_INDEX_KEY_PREVIOUS');
  const backupKeys = r.keyRing('BACKUP_ENCRYPTION_KEYS', undefined, false);

  const redisUrl = r.optStr('REDIS_URL') ?? redisUrlFromParts(r);
  const port = r.int('PORT', 3000, 0, 65535);

  const config: Config = {
    nodeEnv,
    host: r.str('HOST', '0.0.0.0'),
    port,
    appUrl: r.str('APP_URL', `http://localhost:${port}`),
    logLevel: r.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], nodeEnv === 'test' ? 'silent' : 'info'),
    dataDir,
    db,
    redisUrl,
    redisTimeoutMs: r.duration('REDIS_TIMEOUT', '250ms'),
    jwt: {
      secret: jwtSecret,
      previousSecret: jwtPrevious,
      expirySeconds: r.duration('JWT_EXPIRY', '15m') / 1000,
      refreshSecret: jwtRefreshSecret,
      refreshPreviousSecret: jwtRefreshPrevious,
      refreshExpirySeconds: r.duration('JWT_REFRESH_EXPIRY', '7d') / 1000,
      refreshIdleSeconds: r.duration('JWT_REFRESH_IDLE', '24h') / 1000,
      issuer: r.str('JWT_ISSUER', 'nilecare'),
      audience: r.str('JWT_AUDIENCE', 'nilecare-api'),
    },
    bcryptRounds: r.int('BCRYPT_ROUNDS', 12, 10, 15),
    rateLimit: { windowMs: r.duration('RATE_LIMIT_WINDOW', '15m'), max: r.int('RATE_LIMIT_MAX', 1000, 1, 1_000_000) },
    corsOrigins: list(r.optStr('CORS_ORIGIN')),
    trustProxy: list(r.optStr('TRUST_PROXY')),
    bodyLimitBytes: r.int('BODY_LIMIT', 1_048_576, 1024, 100 * 1_048_576),
    shutdownTimeoutMs: r.duration('SHUTDOWN_TIMEOUT', '10s'),
    shutdownDrainMs: r.duration('SHUTDOWN_DRAIN', '1s'),
    metrics: { token: r.optStr('METRICS_TOKEN'), allow: list(r.optStr('METRICS_ALLOW') ?? (production ? '' : '0.0.0.0/0,::/0')) },
    smtp: {
      host: r.optStr('SMTP_HOST'),
      port: r.int('SMTP_PORT', 587, 1, 65535),
      user: r.optStr('SMTP_USER'),
      password: r.optStr('SMTP_PASSWORD'),
      from: r.str('SMTP_FROM', 'noreply@nilecare.local'),
      secure: r.bool('SMTP_SECURE', false),
      requireTls: r.bool('SMTP_REQUIRE_TLS', false),
      caFile: r.optStr('SMTP_CA_FILE'),
      connectionTimeoutMs: r.duration('SMTP_CONNECTION_TIMEOUT', '10s'),
      greetingTimeoutMs: r.duration('SMTP_GREETING_TIMEOUT', '10s'),
      socketTimeoutMs: r.duration('SMTP_SOCKET_TIMEOUT', '30s'),
      maxConnections: r.int('SMTP_MAX_CONNECTIONS', 3, 1, 50),
    },
    s3: { bucket: r.optStr('S3_BUCKET'), region: r.optStr('S3_REGION'), accessKey: r.optStr('S3_ACCESS_KEY'), secretKey: r.optStr('S3_SECRET_KEY'), endpoint: r.optStr('S3_ENDPOINT') },
    stripe: {
      secretKey: r.optStr('STRIPE_SECRET_KEY'),
      webhookSecret: r.optStr('STRIPE_WEBHOOK_SECRET'),
      apiBase: stripeApiBase(r),
      timeoutMs: r.duration('STRIPE_TIMEOUT', '10s'),
      maxNetworkRetries: r.int('STRIPE_MAX_NETWORK_RETRIES', 2, 0, 5),
      webhookToleranceS: Math.round(r.duration('STRIPE_WEBHOOK_TOLERANCE', '5m') / 1000),
    },
    monitoring: {
      sentryDsn: sentryDsn(r), sentryRelease: r.optStr('SENTRY_RELEASE'),
      jaegerEndpoint: r.optStr('JAEGER_ENDPOINT'), prometheusEndpoint: r.optStr('PROMETHEUS_ENDPOINT'), tracesUrl: tracesUrl(r),
      tracesSampleRatio: r.int('TRACES_SAMPLE_PERCENT', 100, 0, 100) / 100,
    },
    phi: { keys: phiKeys.keys, activeKeyId: phiKeys.activeKeyId, indexKey: phiIndexKey, previousIndexKey: phiPreviousIndexKey },
    backup: {
      dir: path.resolve(r.str('BACKUP_DIR', path.join(dataDir, 'backups'))),
      keys: backupKeys.activeKeyId ? backupKeys : undefined,
      retentionDays: r.int('BACKUP_RETENTION_DAYS', 14, 0, 36500),
      retentionCount: r.int('BACKUP_RETENTION_COUNT', 7, 1, 100_000),
      timeoutMs: r.duration('BACKUP_TIMEOUT', '2h'),
    },
    toolEnv: Object.fromEntries(TOOL_ENV.flatMap((name) => (env[name] ? [[name, env[name]]] : []))),
    bootstrap: {
      adminEmail: r.optStr('NILECARE_ADMIN_EMAIL')?.toLowerCase(),
      adminPassword: r.optStr('NILECARE_ADMIN_PASSWORD'),
      facilityName: r.str('NILECARE_FACILITY_NAME', 'Main Facility'),
    },
    sms: smsConfig(r),
    outbox: { maxAttempts: r.int('OUTBOX_MAX_ATTEMPTS', 8, 1, 100), stopGraceMs: r.duration('OUTBOX_STOP_GRACE', '5s'), claimMs: r.duration('OUTBOX_CLAIM_TIMEOUT', '5m'), retentionDays: r.int('OUTBOX_RETENTION_DAYS', 30, 1, 3650) },
    notificationQueueMaxAgeMs: r.duration('NOTIFICATION_QUEUE_MAX_AGE', '15m'),
    workerInProcess: r.bool('WORKER_IN_PROCESS', true),
    workerMetricsPort: r.optStr('WORKER_METRICS_PORT') === undefined ? undefined : r.int('WORKER_METRICS_PORT', 0, 0, 65535),
    auditVerifyIntervalMs: r.duration('AUDIT_VERIFY_INTERVAL', '1h'),
  };
  if (config.outbox.stopGraceMs >= config.shutdownTimeoutMs) r.problem('OUTBOX_STOP_GRACE', `must be shorter than SHUTDOWN_TIMEOUT (${config.shutdownTimeoutMs / 1000}s)`);
  if (config.smtp.user && !config.smtp.password) r.problem('SMTP_PASSWORD', 'is required when SMTP_USER is set');
  if (config.smtp.caFile && !fs.existsSync(config.smtp.caFile)) r.problem('SMTP_CA_FILE', `names a file that does not exist: "${config.smtp.caFile}"`);
  if (config.shutdownDrainMs >= config.shutdownTimeoutMs) r.problem('SHUTDOWN_DRAIN', `must be shorter than SHUTDOWN_TIMEOUT (${config.shutdownTimeoutMs / 1000}s)`);
  if (production && config.metrics.allow.length === 0 && !config.metrics.token) {
    r.problem('METRICS_TOKEN', 'set METRICS_TOKEN or METRICS_ALLOW so /metrics is reachable in production');
  }
  if (r.hasErrors()) throw new ConfigError(r.problems());
  return config;
}

/** The process environment, with a `.env` file in the working directory filled in beneath it. */
export function loadConfig(): Config {
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  return parseConfig(process.env);
}

// Inherited by pg_dump, mysqldump and friends: locating binaries, locale, temp space, TLS files.
const TOOL_ENV = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'PGSSLROOTCERT', 'PGSSLCERT', 'PGSSLKEY', 'PGSSLMODE'];

/** JAEGER_ENDPOINT (the spec's name) or OTEL_EXPORTER_OTLP_ENDPOINT: an OTLP/HTTP base URL; spans go to /v1/traces. */
function tracesUrl(r: ReturnType<typeof readEnv>): string | undefined {
  const name = r.optStr('JAEGER_ENDPOINT') ? 'JAEGER_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT';
  const v = r.optStr(name);
  if (!v) return undefined;
  if (!/^https?:\/\/[^/]/.test(v) || !URL.canParse(v)) {
    r.problem(name, `must be an http(s) URL such as http://jaeger:4318, got "${v}"`);
    return undefined;
  }
  const base = v.replace(/\/+$/, '');
  return base.endsWith('/v1/traces') ? base : `${base}/v1/traces`;
}

function stripeApiBase(r: ReturnType<typeof readEnv>): string {
  const v = r.str('STRIPE_API_BASE', 'https://api.stripe.com');
  if (!/^https?:\/\/[^/]/.test(v) || !URL.canParse(v)) {
    r.problem('STRIPE_API_BASE', `must be an http(s) URL such as https://api.stripe.com, got "${v}"`);
    return 'https://api.stripe.com';
  }
  return v;
}

/** The SMS gateway: all three of URL, key and sender id, or none (SMS off). */
function smsConfig(r: ReturnType<typeof readEnv>): Config['sms'] {
  const gatewayUrl = r.optStr('SMS_GATEWAY_URL');
  const apiKey = r.optStr('SMS_API_KEY');
  const senderId = r.optStr('SMS_SENDER_ID');
  const sms = { gatewayUrl, apiKey, senderId, timeoutMs: r.duration('SMS_TIMEOUT', '10s'), maxSegments: r.int('SMS_MAX_SEGMENTS', 4, 1, 10) };
  if (gatewayUrl && (!/^https?:\/\/[^/]/.test(gatewayUrl) || !URL.canParse(gatewayUrl))) r.problem('SMS_GATEWAY_URL', `must be an http(s) URL such as https://sms.example.sd/v1/messages, got "${gatewayUrl}"`);
  if (gatewayUrl && !apiKey) r.problem('SMS_API_KEY', 'is required when SMS_GATEWAY_URL is set (the key the gateway gave you)');
  if (gatewayUrl && !senderId) r.problem('SMS_SENDER_ID', 'is required when SMS_GATEWAY_URL is set (the registered sender name or number)');
  // GSM sender ids: up to 11 letters/digits, or a number of up to 15 digits.
  if (senderId && !/^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$|^\+?\d{1,15}$/.test(senderId)) r.problem('SMS_SENDER_ID', `must be up to 11 letters and digits, or a number of up to 15 digits, got "${senderId}"`);
  if (!gatewayUrl && (apiKey || senderId)) r.problem('SMS_GATEWAY_URL', 'is required when SMS_API_KEY or SMS_SENDER_ID is set');
  return sms;
}

function sentryDsn(r: ReturnType<typeof readEnv>): string | undefined {
  const v = r.optStr('SENTRY_DSN');
  if (v && !/^https?:\/\/[^@/\s]+@[^/\s]+\/.*\d+$/.test(v)) {
    r.problem('SENTRY_DSN', 'must look like https://<public key>@<host>/<project id>');
    return undefined;
  }
  return v;
}

function inferClient(url: string | undefined): DbClient {
  if (!url) return 'sqlite';
  if (/^postgres(ql)?:/.test(url)) return 'postgres';
  if (/^(mysql|mariadb):/.test(url)) return 'mysql';
  return 'sqlite';
}

function redisUrlFromParts(r: ReturnType<typeof readEnv>): string | undefined {
  const host = r.optStr('REDIS_HOST');
  if (!host) return undefined;
  const port = r.int('REDIS_PORT', 6379, 1, 65535);
  const password = r.optStr('REDIS_PASSWORD');
  const scheme = r.bool('REDIS_TLS', false) ? 'rediss' : 'redis';
  const auth = password ? `:${encodeURIComponent(password)}@` : '';
  return `${scheme}://${auth}${host}:${port}`;
}

