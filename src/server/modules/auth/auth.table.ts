export interface RefreshTokenTable {
  id: string;
  /** Every token rotated from one sign-in shares a family; reuse of a spent one revokes it all. */
  family_id: string;
  user_id: string;
  token_hash: string;
  status: 'active' | 'used' | 'revoked';
  created_at: string;
  /** Absolute end of the family (JWT_REFRESH_EXPIRY from sign-in). */
  expires_at: string;
  /** Idle limit (JWT_REFRESH_IDLE from the last rotation). */
  idle_expires_at: string;
  used_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface MfaRecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface AuthChallengeTable {
  id: string;
  user_id: string;
  token_hash: string;
  purpose: 'mfa_login' | 'password_reset';
  attempts: number;
  expires_at: string;
  consumed_at: string | null;
  created_at: string;
}

/** A device a user has signed in from (decision 09NN): a new one triggers a security notification. */
export interface UserDeviceTable {
  user_id: string;
  /** SHA-256 of the user-agent family (browser and OS, no versions). */
  device_hash: string;
  /** "Firefox on Windows": what the notification names. */
  label: string;
  first_seen_at: string;
  last_seen_at: string;
}

export interface AuthTables {
  user_devices: UserDeviceTable;
  refresh_tokens: RefreshTokenTable;
  mfa_recovery_codes: MfaRecoveryCodeTable;
  auth_challenges: AuthChallengeTable;
}
