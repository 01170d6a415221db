import { describe, expect, it } from 'vitest';
import { updateUserRequestSchema } from './admin';

describe('updateUserRequestSchema', () => {
  it.each([
    ['nothing to change', {}, false],
    ['a deactivation alone', { active: false }, true],
    ['a new role alone', { role: 'team_lead' }, true],
    ['an unknown field', { admin: true }, false],
  ])('%s: valid %s', (_label, body, valid) => {
    expect(updateUserRequestSchema.safeParse(body).success).toBe(valid);
  });
});
