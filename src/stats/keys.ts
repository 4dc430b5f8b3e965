// The statistics key and everything keyed with it. Guild ids, weekly reporter ids and text
// fingerprints are stored only as truncated HMAC-SHA256 values, each with its own domain label so
// a value of one kind can never be compared with another. Without the key none of them can be
// tested against a guess (a known server id, a user id, a template someone suspects). Weekly
// reporter hashes also mix in a random salt of their week, which the store deletes 31 days after
// the week ends: from then on not even the key can tie that week's hashes to a user id.
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** A secret from the environment: at least 32 characters (e.g. `openssl rand -base64 32`). */
export const SecretSchema = z.string().trim().min(32, { error: 'must be at least 32 characters (try: openssl rand -base64 32)' });

export interface SecretSource {
  secret: string;
  /** Where it came from, for the startup log (never the value). `moved`: taken from `legacy`. */
  from: 'env' | 'file' | 'generated' | 'moved';
  file: string | null;
}

/**
 * STATS_SECRET when given; otherwise the key kept in `file`, created once with owner-only
 * permissions (its folder 0700 when created here). A file readable by others is tightened to 0600.
 * When `file` does not exist but `legacy` does (the key beside the database, where earlier versions
 * kept it), that key is moved to `file`, so the database keeps its key and data/ no longer holds it.
 */
export function loadOrCreateSecret(envSecret: string | undefined, file: string, legacy?: string): SecretSource {
  if (envSecret !== undefined && envSecret.trim() !== '') {
    return { secret: SecretSchema.parse(envSecret), from: 'env', file: null };
  }
  const existing = readSecretFile(file);
  if (existing !== null) return { secret: existing, from: 'file', file };
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (legacy !== undefined && path.resolve(legacy) !== path.resolve(file)) {
    const old = readSecretFile(legacy);
    if (old !== null) {
      try {
        writeFileSync(file, `${old}\n`, { mode: 0o600, flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const kept = readSecretFile(file);
      if (kept === old) unlinkSync(legacy);
      return { secret: kept ?? old, from: kept === old ? 'moved' : 'file', file };
    }
  }
  const secret = randomBytes(32).toString('base64url');
  try {
    // `wx`: if another process created it meanwhile, use theirs instead of overwriting it.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return { secret, from: 'generated', file };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return { secret: SecretSchema.parse(readFileSync(file, 'utf8')), from: 'file', file };
  }
}

/** The key in a file (tightened to 0600 when others can read it), or null when there is no file. */
function readSecretFile(file: string): string | null {
  try {
    const st = statSync(file);
    if ((st.mode & 0o077) !== 0) chmodSync(file, 0o600);
    return SecretSchema.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Domain labels: one per kind of keyed value. Never reuse one for something else. */
export type KeyDomain = 'guild' | 'reporter' | 'exact' | 'band' | 'check';

export interface Keyring {
  /** Truncated HMAC-SHA256 over `domain | parts…`. */
  mac(domain: KeyDomain, bytes: number, ...parts: (string | Uint8Array)[]): Buffer;
}

export function createKeyring(secret: string): Keyring {
  const key = Buffer.from(secret, 'utf8');
  const SEP = Buffer.from([0x1f]);
  return {
    mac(domain, bytes, ...parts) {
      const h = createHmac('sha256', key).update(domain);
      // A separator that cannot occur in the parts' encodings keeps `a|bc` and `ab|c` apart.
      for (const p of parts) h.update(SEP).update(p);
      return h.digest().subarray(0, bytes);
    },
  };
}

export const GUILD_KEY_BYTES = 12;
export const REPORTER_KEY_BYTES = 8;
export const FINGERPRINT_BYTES = 8;
/** Random salt per ISO week for reporter hashes (stored in the database, deleted after 31 days). */
export const REPORTER_SALT_BYTES = 16;
