// Which steps an appointment panel offers: the life cycle the API enforces (transitions.routes.ts,
// booking.ts) and the user's permissions, so a button is never offered that the server would
// refuse for a reason known in advance. The server stays the authority; its refusal is shown.
import type { Permission } from '../../api/types.ts';

export const ACTIONS = ['checkIn', 'start', 'complete', 'reschedule', 'cancel', 'noShow'] as const;
export type Action = (typeof ACTIONS)[number];

export interface ActionContext {
  status: string;
  /** The appointment's local date and today's, both in the facility's zone. */
  date: string;
  today: string;
  permissions: readonly Permission[] | readonly string[];
}

export function allowedActions({ status, date, today, permissions }: ActionContext): Action[] {
  const can = (p: Permission) => permissions.includes(p);
  const out: Action[] = [];
  if (can('appointments:write')) {
    // Check-in only on the appointment's own day: the API refuses it on any other.
    if (status === 'scheduled' && date === today) out.push('checkIn');
  }
  if (can('appointments:attend')) {
    if (status === 'checked_in') out.push('start');
    if (status === 'in_progress') out.push('complete');
  }
  if (can('appointments:write')) {
    if (status === 'scheduled' && date >= today) out.push('reschedule');
    if (status === 'scheduled' || status === 'checked_in') out.push('cancel');
    // Nobody fails to come to an appointment that has not yet had its day.
    if (status === 'scheduled' && date <= today) out.push('noShow');
  }
  return out;
}

/** The steps that are one request with no body (POST /appointments/{id}/check-in and the like). */
export type TransitionAction = Exclude<Action, 'cancel' | 'reschedule'>;
