/**
 * What an `invalid_args` rejection says. It is shown in the device's "needs attention" and
 * kept in the server's rejections table, so it may name only what the schema knows, never
 * text the device sent: the path runs through the schema's own field names (a key the
 * device chose, such as a key of a free-form record, shows as `*`), and an unknown field
 * is called just that, because zod's message for it quotes the key. Zod's other messages
 * name what the schema expects and the type received; the messages written in src/shared
 * are fixed text.
 */
import { z } from 'zod';

const MAX_ISSUES = 3;
const knownNamesBySchema = new WeakMap<z.ZodType, ReadonlySet<string>>();

/** Every property name and enumerated record key anywhere in a JSON Schema tree. */
function collectNames(node: unknown, names: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectNames(item, names);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as { properties?: unknown; propertyNames?: { enum?: unknown } };
  if (typeof schema.properties === 'object' && schema.properties !== null) {
    for (const name of Object.keys(schema.properties)) names.add(name);
  }
  const keys = schema.propertyNames?.enum;
  if (Array.isArray(keys)) for (const key of keys) if (typeof key === 'string') names.add(key);
  for (const child of Object.values(node)) collectNames(child, names);
}

/** The field names `schema` declares (computed once per schema). */
function knownNames(schema: z.ZodType): ReadonlySet<string> {
  const cached = knownNamesBySchema.get(schema);
  if (cached !== undefined) return cached;
  const names = new Set<string>();
  try {
    collectNames(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), names);
  } catch {
    // A schema JSON Schema cannot describe: every named path segment then shows as `*`.
  }
  knownNamesBySchema.set(schema, names);
  return names;
}

function describePath(path: readonly PropertyKey[], known: ReadonlySet<string>): string {
  if (path.length === 0) return '(args)';
  return path.map((segment) => (typeof segment === 'number' || (typeof segment === 'string' && known.has(segment)) ? String(segment) : '*')).join('.');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return issue.keys.length === 1 ? 'unknown field' : `${issue.keys.length} unknown fields`;
  return issue.message;
}

/**
 * `path: reason` for the first few issues of parsing against `schema`, readable by a person
 * and free of anything the device sent.
 */
export function invalidArgsMessage(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): string {
  const known = knownNames(schema);
  return issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${describePath(issue.path, known)}: ${describeIssue(issue)}`)
    .join('; ');
}
