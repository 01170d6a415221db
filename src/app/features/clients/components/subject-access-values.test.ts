/**
 * A person's copy of their data, in words: a lifecycle's history and an NRM referral's
 * decisions are read out, not thrown on (a referral with any history once broke the page).
 */
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../i18n/format';
import { shown, type Names } from './subject-access-screen';

const names: Names = { staff: new Map([['u1', 'Robin']]), agencies: new Map() };

describe('a value of a person’s copy', () => {
  it('reads a history as each status and when', () => {
    const at = '2026-12-01T10:00:00.000Z';
    const text = shown('history', [{ status: 'rg_positive', on: '2026-12-01', at, by: 'u1' }], names);
    expect(text).toContain(formatDateTime(at));
    expect(text).not.toBe('—');
  });

  it('reads an empty history as nothing', () => {
    expect(shown('history', [], names)).toBe('—');
  });

  it('reads a record within the record field by field, not as JSON', () => {
    const text = shown('decisions', { reasonableGroundsOn: '2026-12-01', supportProvider: 'Haven Support' }, names);
    expect(text).toContain('Haven Support');
    expect(text).toContain('2026-12-01');
    expect(text).not.toContain('{');
  });
});

describe('a person’s copy names every recorded value in words, not as a stored code', () => {
  it.each<[string, unknown, string]>([
    ['method', 'verbal', 'Verbally'],
    ['method', 'via_interpreter', 'Through an interpreter'],
    ['decision', 'withdrawn', 'withdrawn'],
    ['kind', 'store', 'Store their record'],
    ['kind', 'duty_to_notify', 'Anonymous Duty to Notify'],
    ['kind', 'drop_in', 'At a drop-in'],
    ['cues', ['others_hold_documents'], 'Someone else holds their ID or documents'],
    ['status', 'rg_positive', 'Positive reasonable grounds: recovery period, awaiting conclusive grounds'],
    ['exploitation', ['domestic_servitude'], 'Domestic servitude'],
  ])('%s %j', (field, value, words) => {
    expect(shown(field, value, names)).toBe(words);
  });

  it('names languages by their own names and the worker’s', () => {
    expect(shown('languages', ['sq', 'ro'], names)).toBe('shqip (Albanian), română (Romanian)');
    expect(shown('preferredLanguage', 'sq', names)).toBe('shqip (Albanian)');
  });
});
