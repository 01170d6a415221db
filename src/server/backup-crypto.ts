/**
 * Sealing a backup with a passphrase. A backup holds every record in plaintext, so one that
 * leaves the server (another disk, another building, a cloud bucket) should be sealed:
 * AES-256-GCM under a key derived from the passphrase with scrypt (node:crypto only).
 *
 * File layout: header (magic, scrypt cost, salt, IV) ‖ ciphertext ‖ 16-byte GCM tag. The
 * header is authenticated too (GCM additional data), so a changed byte anywhere fails.
 * Decryption streams into the output file, which is deleted unless the tag verifies: a wrong
 * passphrase or a damaged file leaves nothing behind.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

/** A failure the operator can act on: its message is printed as it is. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

const MAGIC = Buffer.from('LNTNBK01', 'ascii');
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 3 + SALT_BYTES + IV_BYTES;
/** scrypt cost: N = 2^17, r = 8, p = 1 (128 MiB, about half a second): OWASP's first choice. */
const COST = { logN: 17, r: 8, p: 1 } as const;

interface Header {
  readonly bytes: Buffer;
  readonly cost: { readonly logN: number; readonly r: number; readonly p: number };
  readonly salt: Buffer;
  readonly iv: Buffer;
}

function deriveKey(passphrase: string, header: Header): Promise<Buffer> {
  const { logN, r, p } = header.cost;
  const options = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r + 2 ** 24 };
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), header.salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function newHeader(): Header {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const bytes = Buffer.concat([MAGIC, Buffer.from([COST.logN, COST.r, COST.p]), salt, iv]);
  return { bytes, cost: COST, salt, iv };
}

function parseHeader(bytes: Buffer): Header {
  const cost = { logN: bytes[MAGIC.length] ?? 0, r: bytes[MAGIC.length + 1] ?? 0, p: bytes[MAGIC.length + 2] ?? 0 };
  // Bounds keep a damaged header from asking scrypt for gigabytes.
  if (cost.logN < 14 || cost.logN > 20 || cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 16) {
    throw new BackupError('The backup file is damaged (its header is not valid).');
  }
  const salt = bytes.subarray(MAGIC.length + 3, MAGIC.length + 3 + SALT_BYTES);
  const iv = bytes.subarray(MAGIC.length + 3 + SALT_BYTES, HEADER_BYTES);
  return { bytes, cost, salt, iv };
}

async function readRange(file: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** True when `file` starts like a backup sealed by `encryptBackupFile`. */
export async function isEncryptedBackup(file: string): Promise<boolean> {
  return (await readRange(file, 0, MAGIC.length)).equals(MAGIC);
}

/** Seals `plainFile` into `outFile` (created 0600; never overwrites an existing file). */
export async function encryptBackupFile(plainFile: string, outFile: string, passphrase: string): Promise<void> {
  const header = newHeader();
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, header), header.iv);
  cipher.setAAD(header.bytes);
  const out = createWriteStream(outFile, { flags: 'wx', mode: 0o600 });
  let created = false;
  out.once('open', () => (created = true));
  try {
    out.write(header.bytes);
    await pipeline(createReadStream(plainFile), cipher, out, { end: false });
    await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), () => resolve()).once('error', reject));
  } catch (error) {
    out.destroy();
    if (created) await rm(outFile, { force: true });
    throw error;
  }
}

/**
 * Opens a sealed backup into `outFile` (created 0600). A wrong passphrase or a damaged file
 * is a `BackupError`, and then `outFile` does not exist afterwards.
 */
export async function decryptBackupFile(sealedFile: string, outFile: string, passphrase: string): Promise<void> {
  const handle = await open(sealedFile, 'r');
  const { size } = await handle.stat();
  await handle.close();
  if (size < HEADER_BYTES + TAG_BYTES || !(await isEncryptedBackup(sealedFile))) {
    throw new BackupError(`${sealedFile} is not an encrypted Lantern backup.`);
  }
  const header = parseHeader(await readRange(sealedFile, 0, HEADER_BYTES));
  const decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, header), header.iv);
  decipher.setAAD(header.bytes);
  decipher.setAuthTag(await readRange(sealedFile, size - TAG_BYTES, TAG_BYTES));
  const body = createReadStream(sealedFile, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 });
  // Opened (never overwriting) before anything is written, so that a refused file is removed
  // for certain: a stream that opened its file lazily could create it after the removal.
  const out = await open(outFile, 'wx', 0o600);
  try {
    await pipeline(body, decipher, out.createWriteStream());
  } catch {
    await out.close().catch(() => undefined);
    await rm(outFile, { force: true });
    throw new BackupError('Could not open the backup: wrong passphrase, or the file is damaged. Nothing was changed.');
  }
}
