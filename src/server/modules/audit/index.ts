// The audit log's read side. Writing events is platform/audit (every module records), and
// checking the hash chain is platform/audit/verify.ts (`nilecare audit verify`).
import type { FastifyInstance } from 'fastify';
import type { Module } from '../index.ts';
import type { AppContext } from '../../platform/context.ts';
import { auditRoutes } from './audit.routes.ts';

async function routes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  await auditRoutes(app, ctx);
}

export const auditModule: Module = { name: 'audit', routes };
