import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, decryptBackupFile, encryptBackupFile, isEncryptedBackup } from './backup-crypto';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lantern-backup-crypto-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const passphrase = 'correct horse battery staple';

function plainFile(bytes: Buffer): string {
  const file = join(dir, 'plain.bin');
  writeFileSync(file, bytes);
  return file;
}

describe('backup encryption', () => {
  it('round-trips a file through AES-256-GCM, and the sealed file is 0600 and holds no plaintext', async () => {
    const content = Buffer.concat([Buffer.from('SQLite format 3\0 canary-Wren-Docks '), randomBytes(200_000)]);
    const sealed = join(dir, 'backup.enc');
    await encryptBackupFile(plainFile(content), sealed, passphrase);
    expect(statSync(sealed).mode & 0o777).toBe(0o600);
    expect(readFileSync(sealed).includes('canary-Wren-Docks')).toBe(false);
    expect(await isEncryptedBackup(sealed)).toBe(true);
    expect(await isEncryptedBackup(join(dir, 'plain.bin'))).toBe(false);

    const opened = join(dir, 'opened.bin');
    await decryptBackupFile(sealed, opened, passphrase);
    expect(readFileSync(opened).equals(content)).toBe(true);
    expect(statSync(opened).mode & 0o777).toBe(0o600);
  });

  it('refuses a wrong passphrase with a clear error and leaves no output behind', async () => {
    const sealed = join(dir, 'backup.enc');
    await encryptBackupFile(plainFile(randomBytes(50_000)), sealed, passphrase);
    const opened = join(dir, 'opened.bin');
    const attempt = decryptBackupFile(sealed, opened, 'not the passphrase');
    await expect(attempt).rejects.toBeInstanceOf(BackupError);
    await expect(attempt).rejects.toThrow(/wrong passphrase/);
    expect(existsSync(opened)).toBe(false);
  });

  it('refuses a file altered after it was sealed, header included', async () => {
    const sealed = join(dir, 'backup.enc');
    await encryptBackupFile(plainFile(randomBytes(10_000)), sealed, passphrase);
    const original = readFileSync(sealed);
    for (const offset of [9, original.length >> 1, original.length - 1]) {
      const altered = Buffer.from(original);
      altered[offset] = (altered[offset] ?? 0) ^ 0x01;
      writeFileSync(sealed, altered);
      await expect(decryptBackupFile(sealed, join(dir, `out-${offset}`), passphrase)).rejects.toBeInstanceOf(BackupError);
      expect(existsSync(join(dir, `out-${offset}`))).toBe(false);
    }
  });

  it('never overwrites an existing file', async () => {
    const sealed = join(dir, 'backup.enc');
    writeFileSync(sealed, 'already here');
    await expect(encryptBackupFile(plainFile(randomBytes(100)), sealed, passphrase)).rejects.toThrow();
    expect(readFileSync(sealed, 'utf8')).toBe('already here');
  });
});
