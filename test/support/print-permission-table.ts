import { permissionTable } from './permission-table.ts';

console.log(permissionTable());
