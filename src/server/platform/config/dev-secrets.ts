// Outside production, secrets that are not configured are generated on first use and kept in
// DATA_DIR/secrets.json (mode 0600) so that sessions and encrypted data survive a restart.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { KeyRing } from './env-reader.ts';

interface DevSecrets { jwtSecret: string; jwtRefreshSecret: string; phiKeys: KeyRing; phiIndexKey: Buffer }

const cache = new Map<string, DevSecrets>();

export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'secrets.json');
  const hit = cache.get(file);
  if (hit) return hit;
  let stored: Record<string, string>;
  if (fs.existsSync(file)) {
    stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  } else {
    stored = {
      jwtSecret: randomBytes(48).toString('base64url'),
      jwtRefreshSecret: randomBytes(48).toString('base64url'),
      phiKey: randomBytes(32).toString('base64'),
      phiIndexKey: randomBytes(32).toString('base64'),
    };
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600, flag: 'wx' });
  }
  const secrets: DevSecrets = {
    jwtSecret: stored.jwtSecret!,
    jwtRefreshSecret: stored.jwtRefreshSecret!,
    phiKeys: { keys: { dev1: Buffer.from(stored.phiKey!, 'base64') }, activeKeyId: 'dev1' },
    phiIndexKey: Buffer.from(stored.phiIndexKey!, 'base64'),
  };
  cache.set(file, secrets);
  return secrets;
}
