// The day as a grid: one column per provider, time down the side, appointments and free slots
// placed at their minute in the facility's time zone (day.ts does the arithmetic). Each column is
// a labelled region whose buttons come in time order, so the keyboard and a screen reader walk
// the day as it runs. Columns mirror in Arabic by themselves (CSS grid, logical insets).
import { useLayoutEffect, useRef, type CSSProperties } from 'react';
import { Badge, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../components/useNow.ts';
import { gridWindow, hourMarks, lanes, nowOn, placement, spanOn, type Span } from './day.ts';
import type { Appointment, Provider, Slots } from './queries.ts';
import { STATUS_COLOR, badgeColor, useScheduleText } from './useScheduleText.ts';
import './scheduling.css';

export interface FreeSlot { providerId: string; start: string; end: string }

interface Props {
  date: string;
  today: string;
  providers: Provider[];
  appointments: Appointment[];
  slots: Map<string, Slots | undefined>;
  onOpen(a: Appointment): void;
  /** Absent when the user may not book: free slots are then shown as nothing. */
  onBook?(slot: FreeSlot): void;
}

/** Taller rows for shorter slots, so a 10-minute slot is still a button one can hit. */
function pixelsPerMinute(slots: Iterable<Slots | undefined>): number {
  const shortest = Math.min(60, ...[...slots].map((s) => s?.slotMinutes ?? 60));
  return Math.min(3, Math.max(1.4, 36 / shortest));
}

export function DayGrid({ date, today, providers, appointments, slots, onOpen, onBook }: Props) {
  const { t } = useTranslation('scheduling');
  const text = useScheduleText();
  const now = useNow(60_000);
  const booked = appointments.map((a) => ({ a, span: spanOn(date, a) })).filter((x): x is { a: Appointment; span: Span } => x.span !== null);
  const free = onBook
    ? [...slots.values()].flatMap((s) => s?.slots.map((slot) => ({ providerId: s.providerId, ...slot, span: spanOn(date, { dateTime: slot.start, endTime: slot.end }) })) ?? [])
      .filter((x): x is FreeSlot & { span: Span } => x.span !== null)
    : [];
  const window = gridWindow([...booked.map((b) => b.span), ...free.map((f) => f.span)]);
  const ppm = pixelsPerMinute(slots.values());
  const nowMinutes = date === today ? nowOn(date, text.format.settings.timeZone, now) : null;
  const style = { '--nc-columns': providers.length, '--nc-day-height': `${(window.end - window.start) * ppm}px` } as CSSProperties;
  // The grid scrolls inside its box: on opening a day, the part that matters is brought into view —
  // now (today), else the first appointment or free slot.
  const scroller = useRef<HTMLDivElement>(null);
  const firstItem = Math.min(...booked.map((b) => b.span.start), ...free.map((f) => f.span.start));
  const focusMinute = nowOn(date, text.format.settings.timeZone, now) ?? (Number.isFinite(firstItem) ? firstItem : window.start);
  const scrollTo = Math.max(0, (focusMinute - 45 - window.start) * ppm);
  const scrolledFor = useRef<string | null>(null);
  useLayoutEffect(() => {
    const key = `${date}|${providers.map((p) => p.id).join()}|${booked.length + free.length > 0}|${ppm}`;
    if (!scroller.current || scrolledFor.current === key) return;
    scrolledFor.current = key;
    scroller.current.scrollTop = scrollTo;
  });
  const at = (span: Span) => {
    const p = placement(span, window);
    return { top: `${p.top * 100}%`, height: `${p.height * 100}%` };
  };

  return (
    <div className="nc-day-scroll" ref={scroller} tabIndex={0} role="region" aria-label={t('scheduling:day.grid')}>
      <div className="nc-day" style={style} data-testid="day-grid">
        <div className="nc-day-corner" aria-hidden />
        {providers.map((p) => (
          <div key={p.id} className="nc-day-head" id={`col-${p.id}`}>
            <Text fw={600} size="sm" lineClamp={2}>{p.name}</Text>
            <Text size="xs" c="dimmed">{t(`scheduling:role.${p.role === 'nurse' ? 'nurse' : 'doctor'}`)}</Text>
          </div>
        ))}
        <div className="nc-day-times" aria-hidden>
          {hourMarks(window).map((m) => (
            <span key={m} className="nc-day-hour" style={{ top: at({ start: m, end: m }).top }}>{text.wall(m)}</span>
          ))}
        </div>
        {providers.map((p) => {
          const mine = lanes(booked.filter((b) => b.a.providerId === p.id).map((b) => ({ ...b, kind: 'appointment' as const })));
          const open = free.filter((f) => f.providerId === p.id).map((f) => ({ span: f.span, slot: f, kind: 'free' as const }));
          const items = [...mine, ...open].sort((x, y) => x.span.start - y.span.start);
          return (
            <section key={p.id} className="nc-day-col" aria-labelledby={`col-${p.id}`} data-provider={p.name}>
              {hourMarks(window).map((m) => <div key={m} className="nc-day-line" style={{ top: at({ start: m, end: m }).top }} aria-hidden />)}
              {items.length === 0 && <Text size="sm" c="dimmed" className="nc-day-empty">{t('scheduling:day.nothing')}</Text>}
              {items.map((item) => item.kind === 'free'
                ? (
                  <UnstyledButton key={`free-${item.slot.start}`} className="nc-slot" style={at(item.span)} onClick={() => onBook?.(item.slot)}>
                    <span className="nc-slot-time">{text.format.time(item.slot.start)}</span> <span>{t('scheduling:day.free')}</span>
                    <VisuallyHidden>{t('scheduling:day.bookWith', { provider: p.name })}</VisuallyHidden>
                  </UnstyledButton>
                )
                : (
                  <UnstyledButton key={item.a.id} className="nc-appt" data-status={item.a.status} onClick={() => onOpen(item.a)}
                    style={{ ...at(item.span), '--nc-lane': item.lane, '--nc-lanes': item.lanes, '--nc-status': `var(--mantine-color-${STATUS_COLOR[item.a.status] ?? 'blue'}-6)` } as CSSProperties}>
                    <span className="nc-appt-time">{text.format.time(item.a.dateTime)}–{text.format.time(item.a.endTime)}</span>
                    <span className="nc-appt-name" lang={text.name(item.a).primary.lang} dir={text.name(item.a).primary.dir}>{text.name(item.a).primary.text}</span>
                    <Badge size="xs" color={badgeColor(item.a.status)} className="nc-appt-status">{text.status(item.a.status)}</Badge>
                  </UnstyledButton>
                ))}
              {nowMinutes !== null && nowMinutes >= window.start && nowMinutes <= window.end && (
                <div className="nc-day-now" style={{ top: at({ start: nowMinutes, end: nowMinutes }).top }} aria-hidden />
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
