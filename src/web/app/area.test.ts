import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visibleAreas, type Area } from './area.ts';

const area = (id: string, permission: Area['permission']): Area =>
  ({ id, path: id, permission, label: `${id}:nav`, description: `${id}:description`, icon: () => null, routes: [] });

test('a role sees the areas its permissions open, and the ones open to everyone', () => {
  const areas = [area('account', null), area('reception', 'patients:read'), area('administration', 'users:manage'), area('compliance', 'audit:read')];
  const receptionist = ['facilities:read', 'patients:read', 'patients:write', 'appointments:read', 'appointments:write'];
  assert.deepEqual(visibleAreas(areas, receptionist).map((a) => a.id), ['account', 'reception']);
  assert.deepEqual(visibleAreas(areas, ['audit:read', 'users:read']).map((a) => a.id), ['account', 'compliance']);
  assert.deepEqual(visibleAreas(areas, []).map((a) => a.id), ['account']);
});

test('an area with a list of permissions opens to a role holding any one of them', () => {
  const areas = [area('administration', ['users:manage', 'facilities:manage', 'schedules:manage'])];
  assert.deepEqual(visibleAreas(areas, ['schedules:manage']).map((a) => a.id), ['administration']);
  assert.deepEqual(visibleAreas(areas, ['users:read', 'audit:read']).map((a) => a.id), []);
});
