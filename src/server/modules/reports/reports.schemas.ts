// The reports module's HTTP shapes.
import { Type } from 'typebox';

const LocalDate = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });

export const SummaryQuery = Type.Object({
  from: Type.Optional(LocalDate('First day (YYYY-MM-DD) in the facility\'s time zone; the first of to\'s month when left out')),
  to: Type.Optional(LocalDate('Last day, inclusive; today when left out. At most 366 days after from')),
}, { additionalProperties: false });

export const CsvQuery = Type.Object({
  ...SummaryQuery.properties,
  section: Type.Optional(Type.String({ pattern: '^[a-z]+\\.[A-Za-z]+$', maxLength: 80, description: 'One section by id (billing.revenueByDay …); all sections one after another when left out' })),
}, { additionalProperties: false });

const Cell = Type.Union([Type.String(), Type.Number(), Type.Null()]);

export const Summary = Type.Object({
  from: Type.String(), to: Type.String(), timeZone: Type.String(), generatedAt: Type.String(),
  sections: Type.Array(Type.Object({
    id: Type.String({ description: 'module.section, e.g. clinical.topDiagnoses' }),
    columns: Type.Array(Type.String()),
    rows: Type.Array(Type.Array(Cell), { description: 'Money in minor units of the row\'s currency' }),
    note: Type.Optional(Type.String()),
  })),
});
