import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig, ConfigError } from './config.ts';
import { TEST_SECRETS } from '../../test/support/app.ts';

const base = { NODE_ENV: 'test', DATA_DIR: '/tmp/nilecare-config-test', ...TEST_SECRETS };

test('defaults give an embedded SQLite database under DATA_DIR on port 3000', () => {
  const c = parseConfig(base);
  assert.equal(c.db.client, 'sqlite');
  assert.equal(c.db.sqliteFile, '/tmp/nilecare-config-test/nilecare.sqlite');
  assert.equal(c.port, 3000);
  assert.equal(c.jwt.expirySeconds, 15 * 60);
  assert.equal(c.jwt.refreshExpirySeconds, 7 * 86400);
  assert.equal(c.rateLimit.windowMs, 15 * 60_000);
});

test('the spec variables are read with their units', () => {
  const c = parseConfig({ ...base, PORT: '8080', DB_CLIENT: 'mysql', DB_HOST: 'db', DB_PORT: '3307', DB_POOL_MIN: '5', DB_POOL_MAX: '50', JWT_EXPIRY: '30m', RATE_LIMIT_WINDOW: '1h', RATE_LIMIT_MAX: '100', CORS_ORIGIN: 'https://app.nilecare.sd, https://x.sd', REDIS_HOST: 'cache', REDIS_PASSWORD: 'p@ss', REDIS_TLS: 'true' });
  assert.equal(c.port, 8080);
  assert.deepEqual([c.db.client, c.db.host, c.db.port, c.db.poolMin, c.db.poolMax], ['mysql', 'db', 3307, 5, 50]);
  assert.equal(c.jwt.expirySeconds, 1800);
  assert.equal(c.rateLimit.windowMs, 3_600_000);
  assert.deepEqual(c.corsOrigins, ['https://app.nilecare.sd', 'https://x.sd']);
  assert.equal(c.redisUrl, 'rediss://:p%40ss@cache:6379');
});

test('DATABASE_URL picks the dialect', () => {
  assert.equal(parseConfig({ ...base, DATABASE_URL: 'postgres://u@h/db' }).db.client, 'postgres');
  assert.equal(parseConfig({ ...base, DATABASE_URL: 'mysql://u@h/db' }).db.client, 'mysql');
});

test('every bad variable is reported at once, one line each, naming the variable', () => {
  try {
    parseConfig({ ...base, PORT: 'eighty', DB_CLIENT: 'oracle', JWT_EXPIRY: 'soon', DB_SSL: 'maybe', DB_POOL_MIN: '9', DB_POOL_MAX: '2' });
    assert.fail('should throw');
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    const names = err.problems.map((p) => p.split(' ')[0]);
    assert.deepEqual(names.sort(), ['DB_CLIENT', 'DB_POOL_MIN', 'DB_SSL', 'JWT_EXPIRY', 'PORT']);
    assert.match(err.message, /PORT must be a whole number/);
  }
});

test('production refuses missing, short and example secrets', () => {
  const prod = { NODE_ENV: 'production', DATA_DIR: '/tmp/x', METRICS_TOKEN: 'm'.repeat(40) };
  assert.throws(() => parseConfig(prod), (e: ConfigError) => e.problems.some((p) => p.startsWith('JWT_SECRET is required')));
  assert.throws(() => parseConfig({ ...prod, ...TEST_SECRETS, JWT_SECRET: 'a'.repeat(40) }), (e: ConfigError) => e.problems.some((p) => /JWT_SECRET must be at least 64/.test(p)));
  assert.throws(() => parseConfig({ ...prod, ...TEST_SECRETS, JWT_SECRET: 'change-me-'.repeat(8) }), (e: ConfigError) => e.problems.some((p) => /JWT_SECRET is an example value/.test(p)));
  const good = { ...prod, JWT_SECRET: 'a1'.repeat(40), JWT_REFRESH_SECRET: 'b2'.repeat(40), PHI_ENCRYPTION_KEYS: TEST_SECRETS.PHI_ENCRYPTION_KEYS!, PHI_INDEX_KEY: TEST_SECRETS.PHI_INDEX_KEY! };
  assert.equal(parseConfig(good).nodeEnv, 'production');
});

test('production needs a way to protect /metrics', () => {
  const prod = { NODE_ENV: 'production', DATA_DIR: '/tmp/x', JWT_SECRET: 'a1'.repeat(40), JWT_REFRESH_SECRET: 'b2'.repeat(40), PHI_ENCRYPTION_KEYS: TEST_SECRETS.PHI_ENCRYPTION_KEYS!, PHI_INDEX_KEY: TEST_SECRETS.PHI_INDEX_KEY! };
  assert.throws(() => parseConfig(prod), (e: ConfigError) => e.problems.some((p) => p.startsWith('METRICS_TOKEN')));
  assert.deepEqual(parseConfig({ ...prod, METRICS_ALLOW: '10.0.0.0/8' }).metrics.allow, ['10.0.0.0/8']);
});

test('the worker\'s metrics listener is off unless WORKER_METRICS_PORT is set; audit verification defaults to hourly', () => {
  const c = parseConfig(base);
  assert.equal(c.workerMetricsPort, undefined);
  assert.equal(c.auditVerifyIntervalMs, 3_600_000);
  const set = parseConfig({ ...base, WORKER_METRICS_PORT: '9464', AUDIT_VERIFY_INTERVAL: '6h' });
  assert.equal(set.workerMetricsPort, 9464);
  assert.equal(set.auditVerifyIntervalMs, 6 * 3_600_000);
  assert.throws(() => parseConfig({ ...base, WORKER_METRICS_PORT: 'nine' }), /WORKER_METRICS_PORT must be a whole number/);
});

test('fault limits: Redis and database timeouts and the shutdown drain, with defaults', () => {
  const d = parseConfig(base);
  assert.deepEqual([d.redisTimeoutMs, d.db.connectTimeoutMs, d.db.statementTimeoutMs, d.shutdownDrainMs], [250, 5000, 30_000, 1000]);
  const c = parseConfig({ ...base, REDIS_TIMEOUT: '100ms', DB_CONNECT_TIMEOUT: '2s', DB_STATEMENT_TIMEOUT: '1m', SHUTDOWN_DRAIN: '5s' });
  assert.deepEqual([c.redisTimeoutMs, c.db.connectTimeoutMs, c.db.statementTimeoutMs, c.shutdownDrainMs], [100, 2000, 60_000, 5000]);
  assert.throws(() => parseConfig({ ...base, SHUTDOWN_DRAIN: '10s', SHUTDOWN_TIMEOUT: '10s' }), (e: ConfigError) => e.problems.some((p) => /^SHUTDOWN_DRAIN must be shorter than SHUTDOWN_TIMEOUT/.test(p)));
});

test('operations settings: backups, rotation leftovers, tracing and error reporting', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  const c = parseConfig({ ...base, BACKUP_ENCRYPTION_KEYS: `b2:${key},b1:${key}`, BACKUP_RETENTION_DAYS: '30', PHI_INDEX_KEY_PREVIOUS: key, JAEGER_ENDPOINT: 'http://jaeger:4318/', SENTRY_DSN: 'https://abc@sentry.example.org/42', PATH: '/usr/bin', JWT_SECRET_PREVIOUS: 'p'.repeat(40) });
  assert.equal(c.backup.keys?.activeKeyId, 'b2');
  assert.equal(c.backup.retentionDays, 30);
  assert.equal(c.backup.dir, '/tmp/nilecare-config-test/backups');
  assert.equal(c.phi.previousIndexKey?.length, 32);
  assert.equal(c.jwt.previousSecret, 'p'.repeat(40));
  assert.equal(c.monitoring.tracesUrl, 'http://jaeger:4318/v1/traces');
  assert.equal(parseConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/v1/traces' }).monitoring.tracesUrl, 'http://collector:4318/v1/traces');
  assert.equal(parseConfig(base).monitoring.tracesUrl, undefined);
  assert.equal(parseConfig(base).backup.keys, undefined);
  // Spawned tools get what they need to run, never NileCare's secrets.
  assert.deepEqual(c.toolEnv, { PATH: '/usr/bin' });
  assert.throws(() => parseConfig({ ...base, PHI_INDEX_KEY_PREVIOUS: 'c2hvcnQ=', JAEGER_ENDPOINT: 'jaeger:4318', SENTRY_DSN: 'nope', JWT_SECRET_PREVIOUS: 'short' }),
    (e: ConfigError) => ['PHI_INDEX_KEY_PREVIOUS', 'JAEGER_ENDPOINT', 'SENTRY_DSN', 'JWT_SECRET_PREVIOUS'].every((n) => e.problems.some((p) => p.startsWith(n))));
});

test('Stripe: off without a key; the API base, timeout, retries and webhook tolerance have defaults and are checked', () => {
  const d = parseConfig(base);
  assert.deepEqual(d.stripe, { secretKey: undefined, webhookSecret: undefined, apiBase: 'https://api.stripe.com', timeoutMs: 10_000, maxNetworkRetries: 2, webhookToleranceS: 300 });
  const c = parseConfig({ ...base, STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x', STRIPE_API_BASE: 'http://127.0.0.1:12111', STRIPE_TIMEOUT: '3s', STRIPE_MAX_NETWORK_RETRIES: '0', STRIPE_WEBHOOK_TOLERANCE: '1m' });
  assert.deepEqual(c.stripe, { secretKey: 'sk_test_x', webhookSecret: 'whsec_x', apiBase: 'http://127.0.0.1:12111', timeoutMs: 3000, maxNetworkRetries: 0, webhookToleranceS: 60 });
  assert.throws(() => parseConfig({ ...base, STRIPE_API_BASE: 'api.stripe.com', STRIPE_MAX_NETWORK_RETRIES: '9', STRIPE_TIMEOUT: 'soon' }),
    (e: ConfigError) => ['STRIPE_API_BASE', 'STRIPE_MAX_NETWORK_RETRIES', 'STRIPE_TIMEOUT'].every((n) => e.problems.some((p) => p.startsWith(n))));
});
