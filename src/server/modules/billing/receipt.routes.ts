// GET /payments/:id/receipt: the receipt PDF in Arabic or English. The language is ?lang, else the
// caller's chosen interface language, else Accept-Language. Reading it is a patient-data read.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { LANGUAGES, languageOf, type Language } from '../../platform/http/i18n/language.ts';
import { callerOf } from './caller.ts';
import { IdParams } from './billing.schemas.ts';
import { receiptFor } from './receipt.ts';

const ReceiptQuery = Type.Object({
  lang: Type.Optional(Type.Enum([...LANGUAGES], { description: 'The receipt\'s language; default the caller\'s interface language, else Accept-Language' })),
}, { additionalProperties: false });

const isLanguage = (v: string | null | undefined): v is Language => (LANGUAGES as readonly (string | null | undefined)[]).includes(v);

export async function receiptRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  r.get('/payments/:id/receipt', {
    config: { access: { permission: 'billing:read' } },
    schema: {
      operationId: 'getPaymentReceipt', tags: ['billing'],
      summary: 'The receipt of a payment or refund as a PDF, in Arabic (right to left) or English',
      params: IdParams, querystring: ReceiptQuery,
      response: { 200: { description: 'The receipt', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } } },
    },
  }, async (request, reply) => {
    const caller = callerOf(request);
    let language = request.query.lang;
    if (!language) {
      const user = await db.selectFrom('users').select('preferred_language').where('id', '=', caller.userId).executeTakeFirst();
      language = isLanguage(user?.preferred_language) ? user.preferred_language : languageOf(request.headers['accept-language']);
    }
    const receipt = await receiptFor(db, { facilityId: caller.facilityId, paymentId: request.params.id, language });
    await ctx.audit.record({ ...caller.audit, action: 'payment.receipt', patientId: receipt.patientId, targetType: 'payment', targetId: request.params.id, details: { language } });
    return reply.type('application/pdf').header('content-language', language).header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="receipt-${receipt.invoiceNumber}.pdf"`).send(receipt.pdf as unknown as string); // the schema says binary string; the bytes go out as they are
  });
}
