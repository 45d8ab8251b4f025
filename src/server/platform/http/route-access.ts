// Every route must say who may call it. A route registered without `config.access` fails start-up,
// so an endpoint can never ship with no authorization rule by accident.
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Permission } from '../access/roles.ts';

export type RouteAccess = 'public' | 'authenticated' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export interface RouteEntry { method: string; url: string; access: RouteAccess }

// Documentation pages and their static assets, registered by @fastify/swagger-ui.
const PUBLIC_PREFIXES = ['/api/docs'];

export function enforceRouteAccess(app: FastifyInstance, table: RouteEntry[]): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ??= {}) as { access?: RouteAccess };
    const corsPreflight = route.method === 'OPTIONS' && route.url === '*';
    if (!config.access && (corsPreflight || PUBLIC_PREFIXES.some((p) => route.url.startsWith(p)))) config.access = 'public';
    if (!config.access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access)`);
    const body = route.schema?.body as { type?: string; additionalProperties?: unknown } | undefined;
    if (body?.type === 'object' && body.additionalProperties !== false) {
      throw new Error(`Route ${String(route.method)} ${route.url}: body schema must set additionalProperties: false`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access: config.access });
    }
  });
}
