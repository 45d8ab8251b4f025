// Error messages can quote data ("invalid input syntax for type date: \"Amna …\"", a duplicate key
// with its value). What leaves the process for an error tracker keeps the message's words and
// loses anything quoted, any e-mail address, and any long number (phone, national ID).
export function scrubMessage(text: string): string {
  return text
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|“[^”]*”/g, '[redacted]')
    .replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, '[redacted]')
    .replace(/\+?\d[\d\s-]{5,}\d/g, '[redacted]')
    .replace(/\([^)]*\)=\([^)]*\)/g, '[redacted]') // PostgreSQL's "Key (column)=(value)"
    .slice(0, 500);
}

export interface StackFrame { function?: string; filename?: string; lineno?: number; colno?: number; in_app: boolean }

/** V8 stack lines as Sentry frames, oldest call first (Sentry's order). */
export function stackFrames(stack: string | undefined, appRoot: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const line of (stack ?? '').split('\n').slice(1, 51)) {
    const m = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (!m) continue;
    const file = m[2]!.replace(/^file:\/\//, '');
    frames.push({
      function: m[1], filename: file.startsWith(appRoot) ? file.slice(appRoot.length + 1) : file,
      lineno: Number(m[3]), colno: Number(m[4]), in_app: file.startsWith(appRoot) && !file.includes('node_modules'),
    });
  }
  return frames.reverse();
}
