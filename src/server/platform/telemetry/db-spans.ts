// A CLIENT span per database statement, as a child of the request or job being served (a
// statement outside any span — the worker polling the outbox, say — makes none). The span holds
// the statement text as compiled, with its placeholders (`where id = $1`) and never the bound
// values; quoted literals and long numbers that code wrote into the text are masked too.
import type { DatabaseConnection, Dialect, Driver, CompiledQuery, QueryResult } from 'kysely';
import type { DbClient } from '../../config.ts';
import type { Tracing } from './tracing.ts';

const SYSTEM: Record<DbClient, string> = { sqlite: 'sqlite', postgres: 'postgresql', mysql: 'mysql' };

/** The SQL text as it may appear in a span. */
export function maskSql(text: string): string {
  return text.replace(/'(?:[^']|'')*'/g, '?').replace(/\b\d{4,}\b/g, '?').slice(0, 2000);
}

// The application issues a bounded set of distinct statements; each is masked once.
const MASKED_CACHE_SIZE = 1000;
const masked = new Map<string, { text: string; operation: string }>();
function describe(sql: string) {
  let hit = masked.get(sql);
  if (!hit) {
    hit = { text: maskSql(sql), operation: /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'QUERY' };
    if (masked.size >= MASKED_CACHE_SIZE) masked.delete(masked.keys().next().value!);
    masked.set(sql, hit);
  }
  return hit;
}

export function tracedDialect(dialect: Dialect, tracing: Tracing, client: DbClient): Dialect {
  const { api, tracer } = tracing;
  const traced = (conn: DatabaseConnection): DatabaseConnection => new Proxy(conn, {
    get(target, prop) {
      if (prop === 'executeQuery') {
        const execute = async <R>(query: CompiledQuery, options?: Parameters<DatabaseConnection['executeQuery']>[1]): Promise<QueryResult<R>> => {
          const parent = api.trace.getActiveSpan();
          if (!parent || !parent.isRecording()) return target.executeQuery<R>(query, options);
          const { text, operation } = describe(query.sql);
          // Not made active: nothing runs inside a statement, so no context switch is needed.
          const span = tracer.startSpan(`db ${operation}`, {
            kind: api.SpanKind.CLIENT,
            attributes: { 'db.system.name': SYSTEM[client], 'db.operation.name': operation, 'db.query.text': text },
          });
          try {
            return await target.executeQuery<R>(query, options);
          } catch (err) {
            span.setStatus({ code: api.SpanStatusCode.ERROR, message: err instanceof Error ? err.name : 'error' });
            throw err;
          } finally {
            span.end();
          }
        };
        return execute;
      }
      // Everything else — including drivers' private symbols — as the real connection.
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const driver = (inner: Driver): Driver => new Proxy(inner, {
    get(target, prop) {
      if (prop === 'acquireConnection') return async () => traced(await target.acquireConnection());
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => driver(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}
