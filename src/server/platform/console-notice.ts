// Something a person at the console must see and act on — a one-time password — printed as plain
// text, apart from the JSON log: a log level, a log shipper or a JSON viewer must not hide it, and
// a secret does not belong in stored logs.

/** Frames the lines between two rules, with a blank line before and after. */
export function consoleNotice(lines: string[]): string {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const rule = '='.repeat(Math.min(width, 100));
  return `\n${rule}\n${lines.map((l) => (l ? `  ${l}` : '')).join('\n')}\n${rule}\n\n`;
}

/** Writes to stderr, which the log (stdout) does not share. */
export const printToConsole = (text: string): void => {
  process.stderr.write(text);
};
