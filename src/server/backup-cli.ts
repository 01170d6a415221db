/**
 * `npm run backup` and `npm run restore` (package.json runs this file through tsx, as
 * `npm start` runs main.ts). The database is found the way the server finds it: from
 * LANTERN_DATA_DIR through the same config parser. The passphrase comes from a file or
 * LANTERN_BACKUP_PASSPHRASE, never from the command line, where `ps` and shell history
 * would show it.
 *
 *   backup  [--out FILE] [--passphrase-file FILE]
 *   restore FILE [--passphrase-file FILE]
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError } from './backup-crypto';
import { backupSqlite, restoreSqlite } from './backup';
import { parseConfig, sqliteFileIn } from './config';

const MIN_PASSPHRASE = 12;
const USAGE = `Usage:
  npm run backup  [-- --out FILE] [--passphrase-file FILE]
  npm run restore -- FILE [--passphrase-file FILE]
The passphrase may also come from LANTERN_BACKUP_PASSPHRASE. Stop the server before a restore.`;

function passphraseFrom(file: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const raw = file !== undefined ? readFileSync(file, 'utf8').replace(/\r?\n$/, '') : env.LANTERN_BACKUP_PASSPHRASE;
  if (raw === undefined || (file === undefined && raw === '')) return undefined;
  if (raw === '') throw new BackupError(`${file} is empty: it should hold the passphrase.`);
  return raw;
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

async function backup(dataDir: string, out: string | undefined, passphrase: string | undefined): Promise<void> {
  if (passphrase !== undefined && passphrase.length < MIN_PASSPHRASE) {
    throw new BackupError(`The passphrase must have at least ${MIN_PASSPHRASE} characters.`);
  }
  let outFile = out === undefined ? undefined : resolve(out);
  if (outFile === undefined) {
    const folder = join(resolve(dataDir), 'backups');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    outFile = join(folder, `lantern-${timestamp(new Date())}.sqlite${passphrase !== undefined ? '.enc' : ''}`);
  }
  const result = await backupSqlite({ sqliteFile: sqliteFileIn(dataDir), outFile, passphrase });
  process.stdout.write(`Backed up to ${result.file} (${result.bytes.toLocaleString('en-GB')} bytes, ${result.encrypted ? 'encrypted' : 'NOT encrypted'}).\n`);
  if (!result.encrypted) {
    process.stdout.write('It holds every record in plaintext: keep it on an encrypted disk, or set a passphrase.\n');
  }
}

async function restore(dataDir: string, file: string, passphrase: string | undefined): Promise<void> {
  const result = await restoreSqlite({ backupFile: resolve(file), sqliteFile: sqliteFileIn(dataDir), passphrase });
  process.stdout.write(`Restored ${result.restored} from ${resolve(file)}.\n`);
  for (const aside of result.setAside) process.stdout.write(`The database it replaced is kept as ${aside}\n`);
}

async function main(argv: readonly string[]): Promise<void> {
  process.umask(0o077);
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { out: { type: 'string' }, 'passphrase-file': { type: 'string' }, help: { type: 'boolean' } },
  });
  const [command, ...rest] = positionals;
  if (values.help === true || (command !== 'backup' && command !== 'restore')) throw new BackupError(USAGE);
  const parsed = parseConfig(process.env);
  if (!parsed.ok) throw new BackupError(parsed.message);
  if (parsed.config.databaseUrl !== undefined) {
    throw new BackupError('DATABASE_URL is set: this server uses PostgreSQL. Back it up with pg_dump or continuous archiving (README.md, Operations).');
  }
  const passphrase = passphraseFrom(values['passphrase-file'], process.env);
  if (command === 'backup') {
    if (rest.length > 0) throw new BackupError(USAGE);
    await backup(parsed.config.dataDir, values.out, passphrase);
    return;
  }
  const [file, ...extra] = rest;
  if (file === undefined || extra.length > 0 || values.out !== undefined) throw new BackupError(USAGE);
  await restore(parsed.config.dataDir, file, passphrase);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const verb = process.argv[2] === 'restore' ? 'Restore' : 'Backup';
  const message = error instanceof BackupError ? error.message : `${verb} failed: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
