// What a feature area declares to plug into the app (see docs/architecture.md, "The web app").
// An area is one folder under features/; its index.ts exports one Area; app/areas.ts lists them.
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '../api/types.ts';

export interface Area {
  /** Stable id, also the i18n namespace of the area's strings (i18n/en/<id>.json, i18n/ar/<id>.json). */
  id: string;
  /** URL segment under the app root: `/reception/...`. */
  path: string;
  /**
   * The permission (from GET /auth/me) needed to see the area in the navigation and open it; a list:
   * any one of them (each screen inside checks its own); null: everyone signed in.
   */
  permission: Permission | readonly Permission[] | null;
  /** i18n keys, qualified with the namespace: the navigation label and the sentence on Home. */
  label: string;
  description: string;
  icon: ComponentType<{ size?: number | string; stroke?: number; 'aria-hidden'?: boolean }>;
  /** Lazily loaded screens: each `lazy` import becomes its own chunk. Paths are relative to `path`. */
  routes: RouteObject[];
  /** false: reachable (Home, user menu) but not listed in the side navigation. */
  nav?: boolean;
}

/** Whether a role with these permissions may open the area. */
export function mayOpen(area: Pick<Area, 'permission'>, permissions: readonly string[]): boolean {
  if (area.permission === null) return true;
  const needed: readonly string[] = typeof area.permission === 'string' ? [area.permission] : area.permission;
  return needed.some((p) => permissions.includes(p));
}

/** The areas a user may open in their active facility, in registry order. */
export function visibleAreas(areas: readonly Area[], permissions: readonly string[]): Area[] {
  return areas.filter((a) => mayOpen(a, permissions));
}
