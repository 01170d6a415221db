/**
 * The encrypted export offered at logout when changes have not reached the server: the
 * device is about to be erased, and these changes exist nowhere else.
 *
 * The outbox (pending AND rejected entries) is opened with the device cipher and sealed
 * again under a FRESH key derived from a password the worker chooses (PBKDF2-SHA-256,
 * 600,000 iterations, new random salt, AES-GCM), so the file is safe to carry and to hand
 * to support staff, who read it back with `readExport` and the same password. The file
 * body is JSON with base64 fields; the header fields are bound to the ciphertext as
 * additional data, so an altered header fails like a wrong password.
 */
import { z } from 'zod';
import { collectionNames, type CollectionName } from '../../../shared/sync/collections';
import { commandNames, type CommandName } from '../../../shared/sync/commands';
import { rejectionCodeSchema } from '../../../shared/sync/wire';
import type { RecordCipher } from '../cipher';
import { getDeviceId } from '../meta';
import type { LanternDb, OutboxEntry } from '../schema';
import { derivePasswordKey, ownBytes, randomBytes, resolveIterations, WrongPasswordError, type KeyDerivationOptions } from './key-vault';

/** One unsynced change as exported. */
export interface ExportedEntry {
  readonly id: number;
  readonly name: OutboxEntry['name'];
  readonly args: unknown;
  readonly hlc: string;
  readonly status: OutboxEntry['status'];
  readonly target: OutboxEntry['target'];
  readonly rejection?: OutboxEntry['rejection'];
}

/** What an export holds once decrypted. */
export interface ExportPayload {
  readonly exportedAt: string;
  readonly deviceId: string;
  readonly entries: readonly ExportedEntry[];
}

const exportFileSchema = z.strictObject({
  format: z.literal('lantern-export'),
  v: z.literal(1),
  salt: z.base64(),
  iv: z.base64(),
  iterations: z.number().int().min(1).max(10_000_000),
  ciphertext: z.base64(),
});
type ExportFile = z.infer<typeof exportFileSchema>;

const payloadSchema = z.object({
  exportedAt: z.string(),
  deviceId: z.string(),
  entries: z.array(
    z.object({
      id: z.number(),
      name: z.enum(commandNames as [CommandName, ...CommandName[]]),
      args: z.unknown(),
      hlc: z.string(),
      status: z.enum(['pending', 'rejected']),
      target: z.object({ collection: z.enum(collectionNames as [CollectionName, ...CollectionName[]]), id: z.string() }),
      rejection: z.object({ code: rejectionCodeSchema, message: z.string() }).optional(),
    }),
  ),
});

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** The header bound to the ciphertext: format, version, iterations (salt and IV bind themselves). */
const additionalData = (iterations: number): Uint8Array<ArrayBuffer> =>
  new TextEncoder().encode(`lantern-export:v1:${iterations}`);

async function openEntry(cipher: RecordCipher, entry: OutboxEntry): Promise<ExportedEntry> {
  const opened = (await cipher.open(entry.enc)) as { args?: unknown } | null;
  const { id, name, hlc, status, target, rejection } = entry;
  return { id, name, args: opened?.args ?? null, hlc, status, target, ...(rejection === undefined ? {} : { rejection }) };
}

/**
 * Every unsynced change (pending and rejected), decrypted with the device `cipher` and
 * encrypted again under `password`, as a JSON file body. Throws (exporting nothing) if an
 * entry cannot be opened, e.g. while locked. `options` lowers iterations in TESTS ONLY.
 */
export async function exportPendingChanges(
  db: LanternDb,
  cipher: RecordCipher,
  password: string,
  options: KeyDerivationOptions & { readonly now?: () => number } = {},
): Promise<Blob> {
  const iterations = resolveIterations(options);
  const entries = await db.outbox.orderBy(':id').toArray();
  const payload: ExportPayload = {
    exportedAt: new Date((options.now ?? Date.now)()).toISOString(),
    deviceId: await getDeviceId(db),
    entries: await Promise.all(entries.map((entry) => openEntry(cipher, entry))),
  };
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await derivePasswordKey(password, salt, iterations, ['encrypt']);
  const plain = new TextEncoder().encode(JSON.stringify(payload));
  const ciphertext = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(iterations) }, key, plain);
  const file: ExportFile = {
    format: 'lantern-export',
    v: 1,
    salt: toBase64(salt),
    iv: toBase64(iv),
    iterations,
    ciphertext: toBase64(new Uint8Array(ciphertext)),
  };
  return new Blob([JSON.stringify(file)], { type: 'application/json' });
}

/**
 * Decrypts an export file's text. Throws `WrongPasswordError` for a wrong password or an
 * altered file, and a zod error if the text is not an export file at all.
 */
export async function readExport(text: string, password: string): Promise<ExportPayload> {
  const file = exportFileSchema.parse(JSON.parse(text));
  const key = await derivePasswordKey(password, fromBase64(file.salt), file.iterations, ['decrypt']);
  let plain: ArrayBuffer;
  try {
    plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: ownBytes(fromBase64(file.iv)), additionalData: additionalData(file.iterations) },
      key,
      fromBase64(file.ciphertext),
    );
  } catch {
    throw new WrongPasswordError('That password does not open this export.');
  }
  return payloadSchema.parse(JSON.parse(new TextDecoder().decode(plain)));
}
