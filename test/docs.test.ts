// Documentation that states facts about the code must agree with the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { permissionTable } from './support/permission-table.ts';

test('docs/access-control.md shows the role → permission table the server enforces', () => {
  const doc = fs.readFileSync(new URL('../docs/access-control.md', import.meta.url), 'utf8');
  assert.ok(doc.includes(permissionTable()), 'regenerate the table: node test/support/print-permission-table.ts');
});
