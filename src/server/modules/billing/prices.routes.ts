// The price list and billing settings: everyone who bills reads them; facility admins change them
// (a price change is a new version).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { invalid } from '../../platform/errors.ts';
import { callerOf } from './caller.ts';
import { BillingSettings, Price, PriceBody, PriceQuery, billingProblem } from './billing.schemas.ts';
import { priceView, setPrice } from './prices.ts';
import { facilityCurrencies, setCurrencies } from './settings.ts';

const tags = ['billing'];

export async function priceRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.get('/price-list', {
    config: { access: { permission: 'billing:read' } },
    schema: { operationId: 'listPrices', tags, summary: 'The current price of every service, lab test and medicine the facility bills (or one code\'s version history)', querystring: PriceQuery, response: { 200: Type.Object({ items: Type.Array(Price) }) } },
  }, async (request) => {
    const caller = callerOf(request);
    const { kind, code, history } = request.query;
    if (history && (!kind || !code)) throw invalid([{ field: 'querystring.code', message: 'history needs kind and code' }]);
    let q = db.selectFrom('billing_prices').selectAll().where('facility_id', '=', caller.facilityId);
    if (!history) q = q.where('superseded_at', 'is', null);
    if (kind) q = q.where('kind', '=', kind);
    if (code) q = q.where('code', '=', code);
    // One code has a version per change: a few hundred at most in a clinic's lifetime.
    if (history) return { items: (await q.orderBy('currency').orderBy('version', 'desc').limit(500).execute()).map(priceView) };
    return { items: (await q.orderBy('kind').orderBy('code').orderBy('currency').execute()).map(priceView) };
  });

  r.post('/price-list', {
    config: { access: { permission: 'billing:manage' } },
    schema: { operationId: 'setPrice', tags, summary: 'Set a price (a new version; invoices keep the version they were issued with)', body: PriceBody, response: { 201: Price, 409: billingProblem, 422: billingProblem } },
  }, async (request, reply) => {
    const caller = callerOf(request);
    const id = await setPrice(ctx, caller, request.body);
    await ctx.audit.record({ ...caller.audit, action: 'price.set', targetType: 'price', targetId: id, details: { kind: request.body.kind, code: request.body.code, unitPrice: request.body.unitPrice } });
    reply.code(201);
    return priceView(await db.selectFrom('billing_prices').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  });

  r.get('/billing/settings', {
    config: { access: { permission: 'billing:read' } },
    schema: { operationId: 'getBillingSettings', tags, summary: 'The currencies the facility bills in', response: { 200: BillingSettings } },
  }, async (request) => ({ currencies: await facilityCurrencies(db, callerOf(request).facilityId) }));

  r.put('/billing/settings', {
    config: { access: { permission: 'billing:manage' } },
    schema: { operationId: 'setBillingSettings', tags, summary: 'Set the currencies the facility bills in (SDG, and USD if it takes it)', body: BillingSettings, response: { 200: BillingSettings } },
  }, async (request) => {
    const caller = callerOf(request);
    await setCurrencies(ctx, caller, request.body.currencies);
    return { currencies: await facilityCurrencies(db, caller.facilityId) };
  });
}
