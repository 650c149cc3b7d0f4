import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

/**
 * Keys for personal data at rest, derived from one master secret: SECRET_KEY (base64, 32 bytes)
 * or, when unset, a key file created once in DATA_DIR. Several instances on one PostgreSQL
 * must share SECRET_KEY, so production on PostgreSQL requires it.
 */
export interface Secrets {
  /** Encrypts a field (AES-256-GCM); the result carries its own nonce. */
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Seals a file's bytes (AES-256-GCM, its own derived key): version byte, nonce, tag, body. */
  sealBytes(plain: Buffer): Buffer;
  openBytes(sealed: Buffer): Buffer;
  /** A keyed hash for exact lookup of a value that is stored encrypted. */
  lookupHash(value: string): string;
  /** The keyed link of the audit chain (HMAC-SHA256 under its own derived key). */
  auditMac(text: string): string;
  /** Signs an audit checkpoint (Ed25519, key derived from the master secret). */
  signCheckpoint(text: string): string;
  verifyCheckpoint(text: string, signature: string): boolean;
  /** The checkpoints' public key (base64 SPKI DER): checks a signature without the secret. */
  checkpointPublicKey: string;
}

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `lianxin:${purpose}`, 32));
}

/** Random 12-byte nonces, drawn from the system a few thousand at a time (imports encrypt 100,000 numbers). */
function nonces(): () => Buffer {
  let pool = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + 12 > pool.length) {
      pool = randomBytes(12 * 4096);
      offset = 0;
    }
    offset += 12;
    return pool.subarray(offset - 12, offset);
  };
}

export function secretsFromKey(master: Buffer): Secrets {
  if (master.length !== 32) throw new Error('SECRET_KEY must be 32 bytes, base64-encoded');
  const encryptionKey = derive(master, 'field-encryption');
  const lookupKey = derive(master, 'lookup-hash');
  const fileKey = derive(master, 'file-sealing');
  const auditKey = derive(master, 'audit-chain');
  // An Ed25519 private key is its 32-byte seed, wrapped in PKCS#8.
  const checkpointKey = createPrivateKey({
    key: Buffer.concat([
      Buffer.from('302e020100300506032b657004220420', 'hex'),
      derive(master, 'audit-checkpoint'),
    ]),
    format: 'der',
    type: 'pkcs8',
  });
  const checkpointPublic = createPublicKey(checkpointKey);
  const nextNonce = nonces();
  return {
    encrypt(plain) {
      const nonce = nextNonce();
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, nonce);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed) {
      if (!sealed.startsWith('v1:')) throw new Error('unknown ciphertext version');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    sealBytes(plain) {
      const nonce = nextNonce();
      const cipher = createCipheriv('aes-256-gcm', fileKey, nonce);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([1]), nonce, cipher.getAuthTag(), body]);
    },
    openBytes(sealed) {
      if (sealed[0] !== 1) throw new Error('unknown sealed file version');
      const decipher = createDecipheriv('aes-256-gcm', fileKey, sealed.subarray(1, 13));
      decipher.setAuthTag(sealed.subarray(13, 29));
      return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
    },
    lookupHash(value) {
      return createHmac('sha256', lookupKey).update(value).digest('hex');
    },
    auditMac(text) {
      return createHmac('sha256', auditKey).update(text).digest('hex');
    },
    signCheckpoint(text) {
      return sign(null, Buffer.from(text), checkpointKey).toString('base64');
    },
    verifyCheckpoint(text, signature) {
      try {
        return verify(null, Buffer.from(text), checkpointPublic, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
    checkpointPublicKey: checkpointPublic.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

export function loadSecrets(config: Config): Secrets {
  if (config.secretKey) return secretsFromKey(Buffer.from(config.secretKey, 'base64'));
  if (config.production && config.databaseUrl) {
    throw new Error('SECRET_KEY is required in production on PostgreSQL (all instances must share it).');
  }
  const file = path.join(config.dataDir, 'secret.key');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  return secretsFromKey(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
}
