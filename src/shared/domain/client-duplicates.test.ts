import { describe, expect, it } from 'vitest';
import type { ClientRecord } from './client';
import { editDistance, likelyDuplicates, type DuplicateCandidate } from './client-duplicates';

let n = 0;
const client = (alias: string, extra: Partial<ClientRecord> = {}): ClientRecord => ({
  id: `01a20165-0000-7000-8000-0000000002${String(n++).padStart(2, '0')}`, alias, teamId: '01a20165-0000-7000-8000-000000000002',
  createdBy: '01a20165-0000-7000-8000-000000000003', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', clocks: {}, ...extra,
});
const zoe = client('Zoë', { birthYear: 1990, usualAreas: ['Docks'] });
const jo = client('Jo');
const sam = client('Samantha', { birthYear: 1985, usualAreas: ['Market'] });
const kim = client('Kim', { birthYear: 1985, usualAreas: ['Market'] });
const all = [zoe, jo, sam, kim];

const cases: { name: string; candidate: DuplicateCandidate; expected: [string, string[]][] }[] = [
  { name: 'same alias ignoring case and accents', candidate: { alias: 'ZOE' }, expected: [['Zoë', ['same_alias']]] },
  { name: 'within one edit for a short alias', candidate: { alias: 'Zoey' }, expected: [['Zoë', ['similar_alias']]] },
  { name: 'within two edits for a longer one', candidate: { alias: 'Semanthe' }, expected: [['Samantha', ['similar_alias']]] },
  { name: 'two edits between short aliases are not enough', candidate: { alias: 'Sim' }, expected: [['Kim', ['similar_alias']]] },
  { name: 'one alias contains the other', candidate: { alias: 'Sam' }, expected: [['Samantha', ['similar_alias']]] },
  { name: 'short aliases need an exact match', candidate: { alias: 'Jon' }, expected: [] },
  { name: 'birth year and area together are enough', candidate: { alias: 'Rose', birthYear: 1985, usualAreas: ['market'] }, expected: [['Kim', ['same_birth_year', 'shared_area']], ['Samantha', ['same_birth_year', 'shared_area']]] },
  { name: 'birth year alone is not', candidate: { alias: 'Rose', birthYear: 1985 }, expected: [] },
  { name: 'ranked by strength of evidence', candidate: { alias: 'Samanta', birthYear: 1985, usualAreas: ['Market'] }, expected: [['Samantha', ['similar_alias', 'same_birth_year', 'shared_area']], ['Kim', ['same_birth_year', 'shared_area']]] },
];

describe('likelyDuplicates', () => {
  it.each(cases)('$name', ({ candidate, expected }) => {
    expect(likelyDuplicates(candidate, all).map((m) => [m.client.alias, m.reasons])).toEqual(expected);
  });

  it.each([['kitten', 'sitting', 3], ['abc', 'abc', 0], ['', 'ab', 2]] as const)('edit distance %s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it.each([
    ['lengths too far apart', 'a', 'abcdef', 2, 3],
    ['lengths exactly the limit apart', 'abc', 'abcde', 2, 2],
    ['every row past the limit', 'abcdef', 'uvwxyz', 2, 3],
  ] as const)('edit distance gives up past the limit: %s', (_label, a, b, max, d) => {
    expect(editDistance(a, b, max)).toBe(d);
  });
});

describe('likelyDuplicates: folding and thresholds', () => {
  const eva = client('Eva');
  const kate = client('Kate');
  const bigJo = client('Big  Jo');
  const blank = client('   ');

  it.each<[string, DuplicateCandidate, [string, string[]][]]>([
    ['spaces around an alias do not count', { alias: '  zoe ' }, [['Zoë', ['same_alias']]]],
    ['a run of spaces is one space', { alias: 'big jo' }, [['Big  Jo', ['same_alias']]]],
    ['a missing space is an edit, not the same alias', { alias: 'BigJo' }, [['Big  Jo', ['similar_alias']]]],
    ['an alias of only spaces matches nobody, not even a blank one', { alias: '  ' }, []],
    ['a short candidate inside a long alias is not enough', { alias: 'Sa' }, []],
    ['two edits between a short and a longer alias are not enough', { alias: 'Evita' }, []],
    ['two edits between two four-letter aliases are not enough', { alias: 'Kyle' }, []],
  ])('%s', (_label, candidate, expected) => {
    const known = [...all, eva, kate, bigJo, blank];
    expect(likelyDuplicates(candidate, known).map((m) => [m.client.alias, m.reasons])).toEqual(expected);
  });

  it('needs the same birth year and a shared area, both', () => {
    const noYear = client('Ash', { usualAreas: ['Market'] });
    const known = [...all, noYear];
    expect(likelyDuplicates({ alias: 'Rose', birthYear: 1970, usualAreas: ['Market'] }, known)).toEqual([]);
    expect(likelyDuplicates({ alias: 'Rose', usualAreas: ['Market'] }, known)).toEqual([]);
  });

  it('finds a shared area among several', () => {
    const wanderer = client('Wren', { birthYear: 1977, usualAreas: ['Docks', 'Station'] });
    const matches = likelyDuplicates({ alias: 'Rose', birthYear: 1977, usualAreas: ['station'] }, [wanderer]);
    expect(matches.map((m) => [m.client.alias, m.reasons, m.score])).toEqual([['Wren', ['same_birth_year', 'shared_area'], 2]]);
  });
});
