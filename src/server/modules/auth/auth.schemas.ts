// Request and response shapes of the auth routes. Responses list exactly what leaves the server:
// never a password hash, TOTP secret (except once, at enrolment) or stored token hash.
import { Type, type Static } from 'typebox';
import { problem } from '../../platform/http/problem-schemas.ts';
import { PERMISSIONS } from '../../platform/access/roles.ts';

const Email = Type.String({ minLength: 3, maxLength: 254, description: 'Account email (case-insensitive)' });
// The sign-in password is not checked against the policy here: older accounts may predate it.
const AnyPassword = Type.String({ minLength: 1, maxLength: 1024 });
const Opaque = Type.String({ minLength: 16, maxLength: 256 });
const Code = Type.String({ minLength: 6, maxLength: 32, description: 'A 6-digit code from the authenticator app, or a recovery code' });
const TotpCode = Type.String({ pattern: '^[0-9]{6}$', description: 'A 6-digit code from the authenticator app' });

export const LoginBody = Type.Object({ email: Email, password: AnyPassword }, { additionalProperties: false });
export const MfaVerifyBody = Type.Object({ mfaToken: Opaque, code: Code }, { additionalProperties: false });
export const RefreshBody = Type.Object({
  refreshToken: Type.Optional(Type.String({ minLength: 16, maxLength: 256, description: 'Omit when the web app sends the refresh cookie instead' })),
}, { additionalProperties: false });
export const PasswordChangeBody = Type.Object({
  currentPassword: AnyPassword,
  // Length and content are checked by the password policy, which names every problem at once.
  newPassword: Type.String({ maxLength: 1024, description: 'At least 12 characters, not a common password, not containing your name or email' }),
}, { additionalProperties: false });
export const PasswordResetBody = Type.Object({ email: Email }, { additionalProperties: false });
export const PasswordResetConfirmBody = Type.Object({
  token: Type.String({ minLength: 16, maxLength: 256, description: 'The token from the emailed link' }),
  newPassword: PasswordChangeBody.properties.newPassword,
}, { additionalProperties: false });
export const PasswordResetAccepted = Type.Object({
  message: Type.String({ description: 'The same for every email, known or not' }),
});
export const MfaConfirmBody = Type.Object({ code: TotpCode }, { additionalProperties: false });
export const MfaDisableBody = Type.Object({ password: AnyPassword, code: Code }, { additionalProperties: false });
export const MfaEnrollBody = Type.Object({ password: AnyPassword }, { additionalProperties: false });
export const MfaCodeBody = Type.Object({ code: TotpCode }, { additionalProperties: false });

export const TokenPair = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.Optional(Type.String({ description: 'Absent when the request came from the web app (X-NileCare-Client: web): then it is set as an HttpOnly cookie' })),
  expiresIn: Type.Integer({ description: 'Access token lifetime in seconds' }),
  tokenType: Type.Literal('Bearer'),
});

export const UserView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  mustChangePassword: Type.Boolean(),
  mfaEnabled: Type.Boolean(),
  memberships: Type.Array(Type.Object({ facilityId: Type.String(), facilityName: Type.String(), role: Type.String() })),
});

const EnrollmentRequired = Type.Boolean({ description: 'A facility requires MFA for your role and you have not set it up: permission routes answer 403 mfa_enrollment_required until you do' });

export const SessionResponse = Type.Object({
  ...TokenPair.properties,
  mfaEnrollmentRequired: EnrollmentRequired,
  user: UserView,
});

export const LANGUAGES = ['en', 'ar'] as const;
export const DIGIT_STYLES = ['latn', 'arab'] as const;
const Language = Type.Enum([...LANGUAGES], { description: 'Interface language' });
const Digits = Type.Enum([...DIGIT_STYLES], { description: 'latn shows 0-9, arab shows Arabic-Indic digits' });

const MeMembership = Type.Object({
  facilityId: Type.String(),
  facilityName: Type.String(),
  role: Type.String(),
  permissions: Type.Array(Type.Enum([...PERMISSIONS]), { description: 'What this role may do in this facility; the web app shows only these areas' }),
  timeZone: Type.String({ description: "The facility's IANA time zone: times are shown in it" }),
  lockAfterMinutes: Type.Integer({ description: 'Minutes of inactivity after which the web app locks the screen' }),
});

export const MeResponse = Type.Object({
  ...UserView.properties,
  memberships: Type.Array(MeMembership),
  preferredLanguage: Type.Union([Language, Type.Null()], { description: 'null until the user chooses' }),
  digits: Type.Union([Digits, Type.Null()], { description: 'null until the user chooses' }),
  mfaEnrollmentRequired: EnrollmentRequired,
});
export type MeResponseT = Static<typeof MeResponse>;

export const PreferencesBody = Type.Object({
  preferredLanguage: Type.Optional(Language),
  digits: Type.Optional(Digits),
}, { additionalProperties: false });

export const UnlockBody = Type.Object({ password: AnyPassword }, { additionalProperties: false });

export const MfaEnrollResponse = Type.Object({
  secret: Type.String({ description: 'Base32 TOTP secret, shown once' }),
  otpauthUri: Type.String(),
  qrSvg: Type.String({ description: 'The otpauth URI as an SVG QR code' }),
});

export const RecoveryCodesResponse = Type.Object({
  recoveryCodes: Type.Array(Type.String(), { description: 'Ten single-use codes, shown once: keep them somewhere safe' }),
});

export const MfaConfirmResponse = Type.Object({ ...RecoveryCodesResponse.properties, ...TokenPair.properties });

export const NoContent = Type.Null({ description: 'No content' });

export type TokenPairT = Static<typeof TokenPair>;
export type UserViewT = Static<typeof UserView>;
export type SessionResponseT = Static<typeof SessionResponse>;

export const SignInProblem = problem('invalid_credentials: wrong email, password or code; mfa_required: a second step is needed (mfaToken); token_invalid: the sign-in step expired', ['invalid_credentials', 'mfa_required', 'token_invalid'], {
  mfaToken: Type.Optional(Type.String({ description: 'With mfa_required: pass it to POST /auth/mfa/verify' })),
  expiresIn: Type.Optional(Type.Integer({ description: 'Seconds the mfaToken stays valid' })),
});
export const RefreshProblem = problem('token_invalid: the refresh token is invalid, expired or already spent; sign in again', ['token_invalid']);
export const MfaStateProblem = problem('conflict: two-step sign-in is already on (or not on), or changed meanwhile', ['conflict']);
