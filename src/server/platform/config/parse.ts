const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "15m", "7d", "30s", "250ms" or a bare number of seconds → milliseconds; null when malformed. */
export function durationMs(text: string): number | null {
  const m = /^(\d+)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * UNITS[m[2] ?? 's']!;
}

/** Comma-separated list, blanks dropped. */
export function list(text: string | undefined): string[] {
  return (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
