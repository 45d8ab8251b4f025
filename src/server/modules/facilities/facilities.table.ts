import type { Generated } from 'kysely';

export interface FacilityTable {
  id: string;
  code: string;
  name: string;
  type: string;
  state: string | null;
  locality: string | null;
  time_zone: string;
  status: 'active' | 'inactive';
  /** Minutes of inactivity after which the web app locks its screen (1–120). */
  lock_after_minutes: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  password_hash: string;
  status: 'active' | 'disabled';
  must_change_password: Generated<number>;
  /** Bumped when the password changes or the user is disabled: every older access token dies. */
  token_version: Generated<number>;
  /** TOTP secret, encrypted with the PHI key ring. */
  mfa_secret: string | null;
  mfa_enabled: Generated<number>;
  mfa_last_step: number | null;
  /** The web app's language for this user: 'en' | 'ar', null until chosen. */
  preferred_language: string | null;
  /** Digits the web app shows: 'latn' (0-9) | 'arab' (٠-٩), null until chosen. */
  number_digits: string | null;
  password_changed_at: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  id: string;
  user_id: string;
  facility_id: string;
  role: string;
  created_at: string;
}

export interface DepartmentTable {
  id: string;
  facility_id: string;
  name: string;
  code: string;
  created_at: string;
}

export interface FacilityMfaRoleTable {
  facility_id: string;
  role: string;
  created_at: string;
}

export interface FacilityTables {
  departments: DepartmentTable;
  facility_mfa_roles: FacilityMfaRoleTable;
  facilities: FacilityTable;
  users: UserTable;
  memberships: MembershipTable;
}
