import { describe, expect, it } from 'vitest';
import type { AssessmentRecord } from './assessment';
import { prefillAssessment } from './assessment-prefill';

const base = { clientId: '01a20165-0000-7000-8000-000000000001', teamId: '01a20165-0000-7000-8000-000000000002', createdBy: '01a20165-0000-7000-8000-000000000003' };
const assessment = (id: string, assessedAt: string, domains: AssessmentRecord['domains'], corrects?: string): AssessmentRecord => ({
  id: `01a20165-0000-7000-8000-00000000010${id}`, assessedAt, createdAt: assessedAt, domains, ...base, ...(corrects ? { corrects: `01a20165-0000-7000-8000-00000000010${corrects}` } : {}),
});
const jan = assessment('1', '2025-01-01T00:00:00.000Z', { housing: { need: 'urgent', notes: 'sofa surfing' }, mental_health: { need: 'some' } });
const feb = assessment('2', '2025-02-01T00:00:00.000Z', { housing: { need: 'some', details: { hostel: true } }, mental_health: { need: 'not_asked' }, drugs_alcohol: { need: 'prefer_not_to_say' } });
const febFix = assessment('3', '2025-02-02T00:00:00.000Z', { housing: { need: 'none' } }, '2');

const cases = [
  { name: 'no assessments: every domain not asked', input: [], domain: 'housing' as const, expected: { need: 'not_asked', stillTrue: null, assessedAt: null, fromAssessmentId: null } },
  { name: 'the newest answer wins whatever the order', input: [feb, jan], domain: 'housing' as const, expected: { need: 'some', details: { hostel: true }, stillTrue: null, assessedAt: feb.assessedAt, fromAssessmentId: feb.id } },
  { name: 'not_asked never hides an earlier answer', input: [jan, feb], domain: 'mental_health' as const, expected: { need: 'some', stillTrue: null, assessedAt: jan.assessedAt, fromAssessmentId: jan.id } },
  { name: 'prefer not to say is carried as an answer', input: [jan, feb], domain: 'drugs_alcohol' as const, expected: { need: 'prefer_not_to_say', stillTrue: null, assessedAt: feb.assessedAt, fromAssessmentId: feb.id } },
  { name: 'a corrected assessment is replaced by its correction', input: [jan, feb, febFix], domain: 'drugs_alcohol' as const, expected: { need: 'not_asked', stillTrue: null, assessedAt: null, fromAssessmentId: null } },
  { name: 'notes come along with the need', input: [jan], domain: 'housing' as const, expected: { need: 'urgent', notes: 'sofa surfing', stillTrue: null, assessedAt: jan.assessedAt, fromAssessmentId: jan.id } },
];

describe('prefillAssessment', () => {
  it.each(cases)('$name', ({ input, domain, expected }) => {
    // Strict: a domain without notes or details has no such keys at all.
    expect(prefillAssessment(input)[domain]).toStrictEqual(expected);
  });

  it('orders answers given at the same time by when they were written, then by id', () => {
    const at = '2025-03-01T00:00:00.000Z';
    // Ids in the opposite order to creation, so the tie-breaks cannot agree by chance.
    const written = { ...assessment('9', at, { housing: { need: 'some' } }), createdAt: '2025-03-01T10:00:00.000Z' };
    const rewritten = { ...assessment('8', at, { housing: { need: 'urgent' } }), createdAt: '2025-03-01T11:00:00.000Z' };
    expect(prefillAssessment([rewritten, written]).housing.need).toBe('urgent');
    expect(prefillAssessment([written, rewritten]).housing.need).toBe('urgent');
    const sameMoment = { ...rewritten, createdAt: written.createdAt };
    expect(prefillAssessment([written, sameMoment]).housing.fromAssessmentId).toBe(written.id);
    expect(prefillAssessment([sameMoment, written]).housing.fromAssessmentId).toBe(written.id);
  });

  it('covers all eight domains', () => {
    expect(Object.keys(prefillAssessment([jan]))).toHaveLength(8);
  });
});
