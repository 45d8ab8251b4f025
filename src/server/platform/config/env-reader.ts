import { durationMs } from './parse.ts';

// Values copied from .env.example or common tutorials: never acceptable as production secrets.
const KNOWN_DEFAULTS = new Set(['changeme', 'change-me', 'secret', 'password', 'jwt_secret', 'your-secret-key']);

export interface KeyRing { keys: Record<string, Buffer>; activeKeyId: string }

/** Reads typed values from an env map, collecting one problem line per bad variable. */
export function readEnv(env: Record<string, string | undefined>) {
  const problems: string[] = [];
  const problem = (name: string, msg: string) => problems.push(`${name} ${msg}`);
  const raw = (name: string) => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };

  return {
    problem,
    hasErrors: () => problems.length > 0,
    problems: () => [...problems],
    optStr: raw,
    str: (name: string, def: string) => raw(name) ?? def,
    int(name: string, def: number, min: number, max: number): number {
      const v = raw(name);
      if (v === undefined) return def;
      const n = Number(v);
      if (!/^-?\d+$/.test(v) || n < min || n > max) {
        problem(name, `must be a whole number from ${min} to ${max}, got "${v}"`);
        return def;
      }
      return n;
    },
    bool(name: string, def: boolean): boolean {
      const v = raw(name)?.toLowerCase();
      if (v === undefined) return def;
      if (['true', '1', 'yes'].includes(v)) return true;
      if (['false', '0', 'no'].includes(v)) return false;
      problem(name, `must be true or false, got "${v}"`);
      return def;
    },
    oneOf<T extends string>(name: string, allowed: readonly T[], def: T): T {
      const v = raw(name);
      if (v === undefined) return def;
      if ((allowed as readonly string[]).includes(v)) return v as T;
      problem(name, `must be one of ${allowed.join(', ')}, got "${v}"`);
      return def;
    },
    duration(name: string, def: string): number {
      const v = raw(name) ?? def;
      const ms = durationMs(v);
      if (ms === null || ms <= 0) {
        problem(name, `must be a duration such as 30s, 15m, 24h or 7d, got "${v}"`);
        return durationMs(def)!;
      }
      return ms;
    },
    secret(name: string, devDefault: (() => string) | undefined, minLength: number): string {
      const v = raw(name);
      if (v === undefined) {
        if (devDefault) return devDefault();
        problem(name, 'is required in production');
        return '';
      }
      if (KNOWN_DEFAULTS.has(v.toLowerCase()) || /change|example|replace/i.test(v)) problem(name, 'is an example value, not a secret; generate a random one');
      else if (v.length < minLength) problem(name, `must be at least ${minLength} characters (got ${v.length})`);
      return v;
    },
    /** An optional secret (a rotation's previous value): absent is fine, present must be strong. */
    optSecret(name: string, minLength: number): string | undefined {
      const v = raw(name);
      if (v !== undefined && v.length < minLength) problem(name, `must be at least ${minLength} characters (got ${v.length})`);
      return v;
    },
    optKey(name: string): Buffer | undefined {
      const v = raw(name);
      if (v === undefined) return undefined;
      const key = Buffer.from(v, 'base64');
      if (key.length !== 32) problem(name, `must be 32 bytes encoded as base64 (got ${key.length} bytes)`);
      return key;
    },
    key(name: string, devDefault: (() => Buffer) | undefined): Buffer {
      const v = raw(name);
      if (v === undefined) {
        if (devDefault) return devDefault();
        problem(name, 'is required in production (32 random bytes, base64)');
        return Buffer.alloc(32);
      }
      const key = Buffer.from(v, 'base64');
      if (key.length !== 32) problem(name, `must be 32 bytes encoded as base64 (got ${key.length} bytes)`);
      return key;
    },
    /** "id1:base64key,id0:base64key" — the first key encrypts, all of them decrypt (rotation). */
    keyRing(name: string, devDefault: (() => KeyRing) | undefined, required = true): KeyRing {
      const v = raw(name);
      if (v === undefined) {
        if (devDefault) return devDefault();
        if (required) problem(name, 'is required in production ("keyId:base64key", newest first)');
        return { keys: {}, activeKeyId: '' };
      }
      const keys: Record<string, Buffer> = {};
      let activeKeyId = '';
      for (const entry of v.split(',')) {
        const [id, b64] = entry.trim().split(':');
        const key = Buffer.from(b64 ?? '', 'base64');
        if (!id || !/^[A-Za-z0-9_-]{1,16}$/.test(id) || key.length !== 32) {
          problem(name, 'entries must look like "keyId:base64key" with a 32-byte key');
          continue;
        }
        keys[id] = key;
        activeKeyId ||= id;
      }
      return { keys, activeKeyId };
    },
  };
}
