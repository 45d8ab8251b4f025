// One load run with autocannon against a server in another process; latency in milliseconds.
import autocannon from 'autocannon';

export interface LoadResult { name: string; requests: number; rps: number; p50: number; p95: number; p99: number; non2xx: number; errors: number }

export interface LoadOptions {
  name: string;
  url: string;
  /** Called per request so each one can differ (another patient, another search term). */
  path: () => string;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.durationSeconds,
    headers: o.headers,
    requests: [{ setupRequest: (req) => ({ ...req, path: o.path() }) }],
  });
  return {
    name: o.name,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: pct(result.latency, 'p97_5', 'p95'),
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

// autocannon's histogram names vary by version; prefer the exact percentile when present.
function pct(latency: object, fallback: string, exact: string): number {
  const l = latency as Record<string, number>;
  return l[exact] ?? l[fallback]!;
}
