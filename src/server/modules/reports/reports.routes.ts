// The summary report over HTTP, as JSON and as CSV (one section or all).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { scopeOf } from '../../platform/auth/authenticate.ts';
import { auditContext } from '../../platform/audit/request-context.ts';
import { notFound } from '../../platform/errors.ts';
import { nowIso } from '../../platform/ids.ts';
import { CsvQuery, Summary, SummaryQuery } from './reports.schemas.ts';
import { reportPeriod } from './period.ts';
import { buildSummary } from './summary.ts';
import { csvDocument } from './csv.ts';
import type { ReportCell } from '../../platform/modules.ts';

const tags = ['reports'];

export async function reportRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/reports/summary', {
    config: { access: { permission: 'reports:read' } },
    schema: { operationId: 'getReportSummary', tags, summary: 'The facility\'s summary for a period: patients, appointments, encounters, diagnoses, revenue, outstanding, payer shares', querystring: SummaryQuery, response: { 200: Summary } },
  }, async (request) => {
    const { facilityId } = scopeOf(request);
    const period = await reportPeriod(ctx.db.kysely, facilityId, request.query);
    const sections = await buildSummary(ctx, period);
    await ctx.audit.record({ ...auditContext(request), action: 'report.summary', targetType: 'report', details: { from: period.from, to: period.to } });
    return { from: period.from, to: period.to, timeZone: period.zone, generatedAt: nowIso(), sections };
  });

  r.get('/reports/summary.csv', {
    config: { access: { permission: 'reports:read' } },
    schema: {
      operationId: 'getReportSummaryCsv', tags, summary: 'The summary as CSV (UTF-8 with BOM): one section, or all of them one after another', querystring: CsvQuery,
      response: { 200: { description: 'CSV: a header row, then the rows; money in minor units', content: { 'text/csv': { schema: Type.String() } } } },
    },
  }, async (request, reply) => {
    const { facilityId } = scopeOf(request);
    const period = await reportPeriod(ctx.db.kysely, facilityId, request.query);
    const sections = await buildSummary(ctx, period, request.query.section);
    if (sections.length === 0) throw notFound('Report section');
    const rows: ReportCell[][] = [];
    for (const s of sections) {
      // Several sections: each is introduced by its id and followed by a blank line.
      if (!request.query.section) rows.push([s.id]);
      rows.push(s.columns, ...s.rows);
      if (!request.query.section) rows.push([]);
    }
    await ctx.audit.record({ ...auditContext(request), action: 'report.export', targetType: 'report', details: { from: period.from, to: period.to, section: request.query.section ?? null } });
    const name = `summary-${request.query.section ?? 'all'}-${period.from}-${period.to}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(csvDocument(rows));
  });
}
