export interface FacilityTable {
  id: string;
  code: string;
  name: string;
  type: string;
  state: string | null;
  locality: string | null;
  time_zone: string;
  status: 'active' | 'inactive';
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
  must_change_password: number;
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

export interface FacilityTables {
  facilities: FacilityTable;
  users: UserTable;
  memberships: MembershipTable;
}
