/**
 * The server's policy table, cell by cell, against the hand-written expectations in
 * expected-access.ts: for every role and collection, whether it is visible, which fields
 * and which rows. The matrices check the same through HTTP with seeded records; this also
 * catches a field granted to a role that no seeded record happens to carry. The direction
 * is one way only: the expectation is never computed from the table it checks.
 */
import { expect, it } from 'vitest';
import { policyTable } from '../../src/server/services/policy';
import type { Role } from '../../src/shared/domain/common';
import { roleSchema } from '../../src/shared/domain/common';
import type { CollectionName } from '../../src/shared/sync/collections';
import { collectionNames } from '../../src/shared/sync/collections';
import { expectedVisibility } from './expected-access';

/** How the policy table spells a cell: absent, or its fields and row rule. */
function policyCell(role: Role, collection: CollectionName): unknown {
  const rule = policyTable[role][collection];
  if (rule === undefined) return 'hidden';
  const fields = rule.fields.kind === 'all' ? 'all' : [...rule.fields.fields].sort();
  return { fields, rows: rule.rows };
}

/** The same cell, as written by hand. */
function expectedCell(role: Role, collection: CollectionName): unknown {
  const visibility = expectedVisibility[collection][role];
  if (visibility === 'hidden') return 'hidden';
  if (visibility === 'whole record') return { fields: 'all', rows: 'all' };
  if (visibility === 'whole record; restricted rows only to their author') return { fields: 'all', rows: 'restrictedToAuthor' };
  return { fields: [...visibility].sort(), rows: 'all' };
}

const cells = roleSchema.options.flatMap((role) => collectionNames.map((collection): [Role, CollectionName] => [role, collection]));

it.each(cells)('%s receives %s as expected-access.ts says', (role, collection) => {
  expect(policyCell(role, collection)).toEqual(expectedCell(role, collection));
});
