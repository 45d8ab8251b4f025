// The modules that make up the API, registered in this order under /api/v1.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { authModule } from './auth/index.ts';
import { facilitiesModule } from './facilities/index.ts';
import { auditModule } from './audit/index.ts';
import { schedulingModule } from './scheduling/index.ts';
import { patientsModule } from './patients/index.ts';
import { terminologyModule } from './terminology/index.ts';

export interface Module {
  name: string;
  routes: FastifyPluginAsync<{ ctx: AppContext }>;
}

export const modules: Module[] = [authModule, facilitiesModule, auditModule, patientsModule, schedulingModule, terminologyModule];
