// Staff accounts and their memberships, administered within the caller's reach (see user-policy.ts).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../platform/context.ts';
import { IdParams } from './facilities.schemas.ts';
import { CreateUserBody, MembershipsBody, PatchUserBody, TemporaryPasswordBody, User, UserConflictProblem, UserList, UserListQuery } from './users.schemas.ts';
import { listUsers, userView } from './users.repository.ts';
import { createUser, patchUser, setTemporaryPassword } from './users.service.ts';
import { replaceMemberships } from './memberships.service.ts';
import { adminScope } from './scope.ts';

const tags = ['users'];
const manage = { access: { permission: 'users:manage' } } as const;
const read = { access: { permission: 'users:read' } } as const;

export async function userRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.post('/users', {
    config: manage,
    schema: {
      operationId: 'createUser', tags, summary: 'Create a staff account with its memberships', body: CreateUserBody, response: { 201: User, 409: UserConflictProblem },
      description: 'The password is temporary: the person must change it at first sign-in (mustChangePassword). An email in use answers 409 (decision 0010).',
    },
  }, async (request, reply) => {
    const user = await createUser(ctx, request, request.body);
    reply.code(201);
    return user;
  });

  r.get('/users', {
    config: read,
    schema: { operationId: 'listUsers', tags, summary: 'Staff with a membership in the facility you act in', querystring: UserListQuery, response: { 200: UserList } },
  }, async (request) => listUsers(db, adminScope(request), request.query));

  r.get('/users/:id', {
    config: read,
    schema: { operationId: 'getUser', tags, summary: 'One staff account', params: IdParams, response: { 200: User } },
  }, async (request) => userView(db, adminScope(request), request.params.id));

  r.patch('/users/:id', {
    config: manage,
    schema: { operationId: 'updateUser', tags, summary: 'Edit name, phone or status', params: IdParams, body: PatchUserBody, response: { 200: User, 409: UserConflictProblem } },
  }, async (request) => patchUser(ctx, request, request.params.id, request.body));

  r.post('/users/:id/disable', {
    config: manage,
    schema: { operationId: 'disableUser', tags, summary: 'Disable an account and end all its sessions', params: IdParams, response: { 200: User, 409: UserConflictProblem } },
  }, async (request) => patchUser(ctx, request, request.params.id, { status: 'disabled' }));

  r.post('/users/:id/enable', {
    config: manage,
    schema: { operationId: 'enableUser', tags, summary: 'Enable a disabled account', params: IdParams, response: { 200: User, 409: UserConflictProblem } },
  }, async (request) => patchUser(ctx, request, request.params.id, { status: 'active' }));

  r.post('/users/:id/temporary-password', {
    config: manage,
    schema: { operationId: 'setTemporaryPassword', tags, summary: 'Set a password to be changed at next sign-in; ends all sessions', params: IdParams, body: TemporaryPasswordBody, response: { 200: User } },
  }, async (request) => setTemporaryPassword(ctx, request, request.params.id, request.body.password));

  r.put('/users/:id/memberships', {
    config: manage,
    schema: { operationId: 'replaceMemberships', tags, summary: 'Replace memberships (a facility administrator: only in their facility)', params: IdParams, body: MembershipsBody, response: { 200: User, 409: UserConflictProblem } },
  }, async (request) => replaceMemberships(ctx, request, request.params.id, request.body.memberships));
}
