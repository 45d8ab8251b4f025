// The OpenAPI 3.1 document, generated from the route schemas and made a contract a generated client
// can rely on: the error responses every route can give are derived here from its access rule,
// parameters and body (so a new route cannot forget them); a route declares only its own (409, 428 …).
import type { FastifyInstance, RouteOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { RouteAccess } from './route-access.ts';
import { Problem, PROBLEM_MEDIA_TYPE } from './problem-schemas.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers an ETag with the record's version (documented as a response header). */
    etag?: boolean;
  }
}

interface Operation {
  operationId?: string;
  summary?: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: { default?: unknown }; description?: string }[];
  requestBody?: unknown;
  responses: Record<string, { description: string; headers?: Record<string, unknown>; content?: unknown }>;
}
interface Document { paths: Record<string, Record<string, Operation>>; components: { schemas?: Record<string, unknown> } }
interface RouteInfo { access: RouteAccess | undefined; etag: boolean }

const ERROR_DESCRIPTIONS: Record<string, string> = {
  400: 'The request is invalid: every field at fault is named in `errors` (also malformed JSON, a bad X-Facility-Id)',
  401: 'Not signed in, or the access token is invalid, expired or revoked',
  403: 'Your role here does not allow this, or a password change or two-step sign-in set-up comes first',
  404: 'No such record in the facility you act in (another facility\'s record is indistinguishable from none)',
  413: 'The body is larger than BODY_LIMIT',
  415: 'The body is not JSON (send Content-Type: application/json)',
  429: 'Too many requests; Retry-After says when to try again',
};
const SUCCESS: Record<string, string> = { 200: 'Success', 201: 'Created: the new record', 204: 'Done; no body' };
const WRITES = new Set(['post', 'put', 'patch']);

const operationKey = (method: string, url: string) => `${method.toLowerCase()} ${url.replace(/:(\w+)/g, '{$1}')}`;

/** The error statuses a route can answer whatever it does, from how it is reached. */
function commonErrors(method: string, op: Operation, access: RouteAccess | undefined): string[] {
  const permission = typeof access === 'object';
  const hasPathParams = op.parameters?.some((p) => p.in === 'path') ?? false;
  const takesInput = Boolean(op.parameters?.length || op.requestBody) || WRITES.has(method) || permission;
  return [
    takesInput && '400', access !== 'public' && access !== undefined && '401', permission && '403',
    (hasPathParams || permission) && '404', WRITES.has(method) && '413', WRITES.has(method) && '415', '429',
  ].filter((s): s is string => Boolean(s));
}

function complete(method: string, op: Operation, info: RouteInfo | undefined): void {
  for (const [status, response] of Object.entries(op.responses)) {
    if (!status.startsWith('2')) continue;
    if (response.description === 'Default Response') response.description = SUCCESS[status] ?? 'Success';
    if (info?.etag) response.headers = { ...response.headers, ETag: { description: 'The record\'s version, e.g. "3": send it back as If-Match to edit', schema: { type: 'string' } } };
  }
  for (const status of commonErrors(method, op, info?.access)) {
    op.responses[status] ??= { description: ERROR_DESCRIPTIONS[status]!, content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } } };
  }
  const params = (op.parameters ??= []);
  // A default makes a query parameter optional for the caller, whatever the schema's `required` says.
  for (const p of params) if (p.in === 'query' && p.schema?.default !== undefined) p.required = false;
  const ifMatch = params.find((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match');
  if (ifMatch && op.responses['428']) ifMatch.required = true;
  if (typeof info?.access === 'object') {
    params.push({
      in: 'header', name: 'X-Facility-Id', required: false, schema: { type: 'string', format: 'uuid' } as { default?: unknown },
      description: 'The facility to act in; needed when you belong to several (and for a super admin)',
    });
  }
  if (params.length === 0) delete op.parameters;
}

export async function registerOpenApi(app: FastifyInstance, appUrl: string) {
  const routes = new Map<string, RouteInfo>();
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'NileCare API', version: '1', description: 'Clinic and hospital management for Sudan. All routes live under /api/v1.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: appUrl }],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearerAuth: [] }],
    },
    transform: ({ schema, url, route }: { schema: unknown; url: string; route: RouteOptions }) => {
      const config = route.config as { access?: RouteAccess; etag?: boolean } | undefined;
      for (const method of [route.method].flat()) routes.set(operationKey(method, url), { access: config?.access, etag: config?.etag === true });
      return { schema: schema as never, url };
    },
    transformObject: (documentObject) => {
      if (!('openapiObject' in documentObject)) return documentObject.swaggerObject;
      const { openapiObject } = documentObject;
      const doc = openapiObject as unknown as Document;
      doc.components.schemas = { ...doc.components.schemas, Problem };
      for (const [path, item] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(item)) complete(method, op, routes.get(`${method} ${path}`));
      }
      return openapiObject;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/docs/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
}
