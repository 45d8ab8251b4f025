// The screens of administration, each with the permission that opens it: Home lists those the role has.
import { IconBuildingHospital, IconClockHour4, IconShieldLock, IconUsersGroup } from '@tabler/icons-react';
import type { Permission } from '../../api/types.ts';

export const SECTIONS = [
  { id: 'staff', path: '/administration/staff', permission: 'users:manage', icon: IconUsersGroup },
  { id: 'facility', path: '/administration/facility', permission: 'facilities:manage', icon: IconBuildingHospital },
  { id: 'security', path: '/administration/security', permission: 'facilities:manage', icon: IconShieldLock },
  { id: 'hours', path: '/administration/hours', permission: 'schedules:manage', icon: IconClockHour4 },
] as const satisfies readonly { id: string; path: string; permission: Permission; icon: unknown }[];
