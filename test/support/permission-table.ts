// The role → permission table as Markdown, made from the code, so docs/access-control.md can be
// checked against what the server enforces.
import { ROLES, PERMISSIONS, ROLE_PERMISSIONS } from '../../src/server/platform/access/roles.ts';

export function permissionTable(): string {
  return [
    `| permission | ${ROLES.map((r) => `\`${r}\``).join(' | ')} |`,
    `|---|${ROLES.map(() => ':-:').join('|')}|`,
    ...PERMISSIONS.map((p) => `| \`${p}\` | ${ROLES.map((r) => (ROLE_PERMISSIONS[r].includes(p) ? '✓' : '')).join(' | ')} |`),
  ].join('\n');
}
