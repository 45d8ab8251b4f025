// Where a server database is, as the command-line tools need it: from DATABASE_URL when set,
// else from DB_HOST, DB_PORT, DB_USER, DB_PASSWORD and DB_NAME — the same precedence as the app.
import type { DbConfig } from '../../config.ts';

export interface ConnParams { host: string; port: number; user: string; password: string; database: string; ssl: boolean }

export function connParams(db: DbConfig): ConnParams {
  if (!db.url) return { host: db.host, port: db.port, user: db.user, password: db.password, database: db.name, ssl: db.ssl };
  const u = new URL(db.url);
  const sslParam = u.searchParams.get('sslmode') ?? u.searchParams.get('ssl');
  return {
    host: decodeURIComponent(u.hostname.replace(/^\[|\]$/g, '')) || db.host,
    port: u.port ? Number(u.port) : db.port,
    user: decodeURIComponent(u.username) || db.user,
    password: decodeURIComponent(u.password) || db.password,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || db.name,
    ssl: db.ssl || (sslParam !== null && !['disable', 'false', '0'].includes(sslParam)),
  };
}
