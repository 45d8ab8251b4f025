// The daily summary email's template, in English and Arabic. Amounts are integer minor units
// (billing), shown with two decimals.
import { registerTemplate, type TemplateData } from '../notifications/index.ts';

export const DAILY_SUMMARY_EVENT = 'reports.daily_summary';

export interface DailyFigures {
  /** The local day summarised (YYYY-MM-DD). */
  date: string;
  patientsRegistered: number;
  /** Appointments starting that day, by status. */
  appointments: Record<string, number>;
  encounters: number;
  /** Net collected (collected − refunded) by currency and method. */
  revenue: { currency: string; method: string; payments: number; net: number }[];
}

const STATUS = {
  en: { scheduled: 'scheduled', checked_in: 'checked in', in_progress: 'in progress', completed: 'completed', cancelled: 'cancelled', no_show: 'no-shows' },
  ar: { scheduled: 'مجدولة', checked_in: 'تم تسجيل الوصول', in_progress: 'قيد التنفيذ', completed: 'مكتملة', cancelled: 'ملغاة', no_show: 'لم يحضر' },
} as const;
const METHOD = {
  en: { cash: 'cash', mobile_money: 'mobile money', bank_transfer: 'bank transfer', card: 'card' },
  ar: { cash: 'نقداً', mobile_money: 'محفظة إلكترونية', bank_transfer: 'تحويل بنكي', card: 'بطاقة' },
} as const;

const money = (minor: number) => (minor / 100).toFixed(2);

function body(d: TemplateData, lang: 'en' | 'ar'): string {
  const f = d as unknown as Partial<DailyFigures>;
  const appts = Object.entries(f.appointments ?? {}).map(([s, n]) => `- ${(STATUS[lang] as Record<string, string>)[s] ?? s}: ${n}`).join('\n');
  const revenue = (f.revenue ?? []).map((r) => `- ${r.currency} ${(METHOD[lang] as Record<string, string>)[r.method] ?? r.method}: ${money(r.net)} (${r.payments})`).join('\n')
    || (lang === 'en' ? '- none' : '- لا يوجد');
  return lang === 'en'
    ? `Dear ${d.name ?? '—'},\n\nYesterday (${f.date ?? '—'}) at your facility:\n\nPatients registered: ${f.patientsRegistered ?? 0}\nEncounters: ${f.encounters ?? 0}\n\nAppointments:\n${appts}\n\nRevenue collected (net, payments):\n${revenue}\n\nThe full report is in NileCare under Reports.`
    : `عزيزي/عزيزتي ${d.name ?? '—'}،\n\nأمس (${f.date ?? '—'}) في منشأتك:\n\nالمرضى المسجلون: ${f.patientsRegistered ?? 0}\nالزيارات: ${f.encounters ?? 0}\n\nالمواعيد:\n${appts}\n\nالإيرادات المحصلة (صافي، عدد المدفوعات):\n${revenue}\n\nالتقرير الكامل في نايل كير تحت التقارير.`;
}

registerTemplate(DAILY_SUMMARY_EVENT, {
  en: (d) => ({ subject: `NileCare daily summary for ${String(d.date ?? '—')}`, text: body(d, 'en') }),
  ar: (d) => ({ subject: `ملخص نايل كير اليومي ليوم ${String(d.date ?? '—')}`, text: body(d, 'ar') }),
});
