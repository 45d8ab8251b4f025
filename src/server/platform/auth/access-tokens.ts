// Access tokens: short-lived JWTs. Verification pins the algorithm (no "none", no RS/HS confusion),
// issuer, audience, expiry and token type, so no other token can pass for an access token.
import { SignJWT, jwtVerify, errors } from 'jose';
import { uuidv7 } from '../ids.ts';

const ALG = 'HS256';
const TYP = 'at+jwt'; // RFC 9068 access-token type

export interface AccessClaims { userId: string; sessionId: string; tokenVersion: number }

/**
 * `previousSecret`: during a JWT_SECRET rotation, tokens signed with the old secret stay valid
 * until they expire (one token lifetime), so nobody is signed out when the secret changes.
 */
export interface AccessTokenSettings { secret: string; previousSecret?: string; issuer: string; audience: string; expirySeconds: number }

export class AccessTokens {
  readonly #key: Uint8Array;
  readonly #previousKey: Uint8Array | undefined;
  readonly #s: AccessTokenSettings;
  constructor(settings: AccessTokenSettings) {
    this.#s = settings;
    this.#key = new TextEncoder().encode(settings.secret);
    this.#previousKey = settings.previousSecret ? new TextEncoder().encode(settings.previousSecret) : undefined;
  }

  get expirySeconds(): number {
    return this.#s.expirySeconds;
  }

  sign(claims: AccessClaims): Promise<string> {
    return new SignJWT({ sid: claims.sessionId, tv: claims.tokenVersion, typ: 'access' })
      .setProtectedHeader({ alg: ALG, typ: TYP })
      .setSubject(claims.userId)
      .setIssuer(this.#s.issuer)
      .setAudience(this.#s.audience)
      .setJti(uuidv7())
      .setIssuedAt()
      .setExpirationTime(`${this.#s.expirySeconds}s`)
      .sign(this.#key);
  }

  /** The claims of a valid access token, or null for anything else (expired, forged, wrong type…). */
  async verify(token: string): Promise<AccessClaims | null> {
    const options = { algorithms: [ALG], issuer: this.#s.issuer, audience: this.#s.audience, typ: TYP, requiredClaims: ['sub', 'exp', 'iat'] };
    try {
      const { payload } = await jwtVerify(token, this.#key, options).catch((err: unknown) => {
        // Only a signature made with another key is retried with the previous secret.
        if (this.#previousKey && err instanceof errors.JWSSignatureVerificationFailed) return jwtVerify(token, this.#previousKey, options);
        throw err;
      });
      if (payload.typ !== 'access' || typeof payload.sid !== 'string' || typeof payload.tv !== 'number' || !payload.sub) return null;
      return { userId: payload.sub, sessionId: payload.sid, tokenVersion: payload.tv };
    } catch (err) {
      if (err instanceof errors.JOSEError || err instanceof TypeError) return null;
      throw err;
    }
  }
}
