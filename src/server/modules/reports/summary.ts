// The summary report: every section the modules contribute (DESIGN rule 13), for one period.
import type { AppContext } from '../../platform/context.ts';
import type { ReportPeriod, ReportTable } from '../../platform/modules.ts';

export interface SummarySection extends ReportTable { id: string }

export async function buildSummary(ctx: AppContext, period: ReportPeriod, only?: string): Promise<SummarySection[]> {
  const sections = ctx.extensions.reportSections.filter((s) => !only || s.id === only);
  // One after another: each is a small indexed query, and they share the request's connection pool with everyone else.
  const out: SummarySection[] = [];
  for (const s of sections) out.push({ id: s.id, ...(await s.build(ctx, period)) });
  return out;
}
