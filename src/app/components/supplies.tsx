/**
 * Supplies handed out, as big − count + counters for a thumb in the dark. Shared by the
 * quick contact log and the encounter. Bounds come from the shared schema.
 */
import { suppliesSchema, type Supplies } from '../../shared/domain/contact';

export type SupplyKind = keyof Supplies;

/**
 * The counters, in the order they are shown, with the words a person says: `label` on the
 * counter, `one` and `other` in a sentence ("1 condom", "3 condoms").
 */
export const supplyKinds: ReadonlyArray<{ readonly kind: SupplyKind; readonly label: string; readonly one: string; readonly other: string }> = [
  { kind: 'condoms', label: 'Condoms', one: 'condom', other: 'condoms' },
  { kind: 'needles', label: 'Needles', one: 'needle', other: 'needles' },
  { kind: 'naloxone', label: 'Naloxone', one: 'naloxone kit', other: 'naloxone kits' },
  { kind: 'food', label: 'Food', one: 'food parcel', other: 'food parcels' },
  { kind: 'hygienePacks', label: 'Hygiene packs', one: 'hygiene pack', other: 'hygiene packs' },
];

const plural = new Intl.PluralRules('en-GB');

/** Was anything handed out? */
export const anySupplies = (supplies: Supplies): boolean => supplyKinds.some(({ kind }) => supplies[kind] > 0);

/** "3 condoms, 1 naloxone kit" — or "no supplies". */
export function describeSupplies(supplies: Supplies): string {
  const given = supplyKinds
    .filter(({ kind }) => supplies[kind] > 0)
    .map((s) => `${supplies[s.kind]} ${plural.select(supplies[s.kind]) === 'one' ? s.one : s.other}`);
  return given.length === 0 ? 'no supplies' : given.join(', ');
}

/** The most of one supply a single contact may record (the schema's upper bound). */
export function supplyMax(kind: SupplyKind): number {
  return suppliesSchema.shape[kind].maxValue ?? Number.MAX_SAFE_INTEGER;
}

/** Sets one count, held between 0 and the schema's bound; anything not a number is 0. */
export function setSupply(supplies: Supplies, kind: SupplyKind, count: number): Supplies {
  const whole = Number.isFinite(count) ? Math.trunc(count) : 0;
  return { ...supplies, [kind]: Math.min(supplyMax(kind), Math.max(0, whole)) };
}

interface SupplyCounterProps {
  readonly kind: SupplyKind;
  readonly label: string;
  readonly count: number;
  readonly max: number;
  readonly onChange: (kind: SupplyKind, delta: 1 | -1) => void;
}

/**
 * One supply as a big − count + row. The group is named with its count ("Condoms: 3") so a
 * screen reader and a test read the value with the name.
 */
export function SupplyCounter({ kind, label, count, max, onChange }: SupplyCounterProps) {
  return (
    <div role="group" aria-label={`${label}: ${count}`} className="supply-counter">
      <span className="supply-label" aria-hidden="true">
        {label}
      </span>
      <button type="button" aria-label={`${label}: remove one`} disabled={count <= 0} onClick={() => onChange(kind, -1)}>
        −
      </button>
      <span className="supply-count" aria-live="polite">
        {count}
      </span>
      <button type="button" aria-label={`${label}: add one`} disabled={count >= max} onClick={() => onChange(kind, 1)}>
        +
      </button>
    </div>
  );
}

/** All five counters for a set of supplies. */
export function SupplyCounters({ supplies, onChange }: { supplies: Supplies; onChange: (next: Supplies) => void }) {
  return (
    <div className="supply-counters">
      {supplyKinds.map(({ kind, label }) => (
        <SupplyCounter
          key={kind}
          kind={kind}
          label={label}
          count={supplies[kind]}
          max={supplyMax(kind)}
          onChange={(k, delta) => onChange(setSupply(supplies, k, supplies[k] + delta))}
        />
      ))}
    </div>
  );
}
