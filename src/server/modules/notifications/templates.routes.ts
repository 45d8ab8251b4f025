// The message templates as the facility's patients and staff would receive them: every event,
// rendered in English and Arabic by the same template code the worker sends with, filled with
// example values (the facility's own name and time zone), for admins to read before relying on them.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { renderTemplate, templateEvents, type TemplateData } from './templates.ts';

const Rendered = Type.Object({ subject: Type.String(), text: Type.String({ description: 'The SMS body and the email text part' }), html: Type.String({ description: 'The email HTML part' }) });
export const TemplatePreviewList = Type.Object({
  items: Type.Array(Type.Object({ event: Type.String(), en: Rendered, ar: Rendered })),
});

/** Example values for every variable the templates use; one a template does not know is ignored. */
function sampleData(facility: string, timeZone: string, appUrl: string): TemplateData {
  const tomorrow = new Date(Date.now() + 86_400_000);
  tomorrow.setUTCHours(7, 30, 0, 0);
  return {
    name: 'Amna Osman', provider: 'Dr. Khalid Ibrahim', facility, timeZone, startsAt: tomorrow.toISOString(),
    link: `${appUrl.replace(/\/+$/, '')}/reset-password#token=EXAMPLE`, minutes: 30, device: 'Chrome on Android',
    when: new Date().toISOString().slice(0, 16).replace('T', ' '), ip: '196.1.2.3', attempts: 5, account: 'amna.osman@example.sd',
    accountName: 'Amna Osman', patient: 'Amna Osman', test: 'Potassium', value: '6.8 mmol/L', amount: '12,500.00', currency: 'SDG', invoiceNumber: 'KRT-2026-000123',
  };
}

export async function templateRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/notifications/templates', {
    config: { access: { permission: 'notifications:read' } },
    schema: {
      operationId: 'previewNotificationTemplates', tags: ['notifications'], response: { 200: TemplatePreviewList },
      summary: 'Every message template, rendered in English and Arabic with example values',
      description: 'Rendered by the code the worker sends with; the example values are made up (the facility name and time zone are this facility\'s).',
    },
  }, async (request) => {
    const { facilityId } = scopeOf(request);
    const f = await ctx.db.kysely.selectFrom('facilities').select(['name', 'time_zone']).where('id', '=', facilityId).executeTakeFirst();
    const data = sampleData(f?.name ?? '—', f?.time_zone ?? 'Africa/Khartoum', ctx.config.appUrl);
    const render = (event: string, language: 'en' | 'ar') => {
      const m = renderTemplate(event, language, data);
      return { subject: m.subject, text: m.text, html: m.html ?? '' };
    };
    return { items: templateEvents().map((event) => ({ event, en: render(event, 'en'), ar: render(event, 'ar') })) };
  });
}
