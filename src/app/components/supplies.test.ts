import { describe, expect, it } from 'vitest';
import { noSupplies } from '../../shared/domain/contact';
import { describeSupplies } from './supplies';

describe('supplies in words', () => {
  it('says when nothing was given', () => {
    expect(describeSupplies(noSupplies)).toBe('no supplies');
  });

  it('counts each kind given, one or many, in the counters’ order', () => {
    expect(describeSupplies({ ...noSupplies, condoms: 1, hygienePacks: 1 })).toBe('1 condom, 1 hygiene pack');
    expect(describeSupplies({ ...noSupplies, hygienePacks: 2, condoms: 3, needles: 1 })).toBe('3 condoms, 1 needle, 2 hygiene packs');
    expect(describeSupplies({ ...noSupplies, naloxone: 1, food: 2 })).toBe('1 naloxone kit, 2 food parcels');
  });
});
