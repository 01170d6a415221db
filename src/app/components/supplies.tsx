/**
 * Supplies handed out, as big − count + counters for a thumb in the dark. Shared by the
 * quick contact log and the encounter. Bounds come from the shared schema.
 */
import { suppliesSchema, type Supplies } from '../../shared/domain/contact';
import { t } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales/en';

export type SupplyKind = keyof Supplies;

interface SupplyWords {
  readonly kind: SupplyKind;
  /** The counter's name ("Condoms"), in the active language. */
  readonly label: MessageId;
  /** A count of it in a sentence ("1 condom", "3 condoms"): an ICU plural of `count`. */
  readonly count: MessageId;
}

const supplyWords: readonly SupplyWords[] = [
  { kind: 'condoms', label: 'common.supplies.condoms', count: 'common.supplies.condomsCount' },
  { kind: 'needles', label: 'common.supplies.needles', count: 'common.supplies.needlesCount' },
  { kind: 'naloxone', label: 'common.supplies.naloxone', count: 'common.supplies.naloxoneCount' },
  { kind: 'food', label: 'common.supplies.food', count: 'common.supplies.foodCount' },
  { kind: 'hygienePacks', label: 'common.supplies.hygienePacks', count: 'common.supplies.hygienePacksCount' },
];

/**
 * The counters, in the order they are shown, with the name on each counter (`label`, read in
 * the active language each time it is read).
 */
export const supplyKinds: ReadonlyArray<{ readonly kind: SupplyKind; readonly label: string }> = supplyWords.map(({ kind, label }) =>
  Object.defineProperty({ kind } as { kind: SupplyKind; label: string }, 'label', { enumerable: true, get: () => t(label) }),
);

/** Was anything handed out? */
export const anySupplies = (supplies: Supplies): boolean => supplyKinds.some(({ kind }) => supplies[kind] > 0);

/** "3 condoms, 1 naloxone kit" — or "no supplies". */
export function describeSupplies(supplies: Supplies): string {
  const given = supplyWords.filter(({ kind }) => supplies[kind] > 0).map((s) => t(s.count, { count: supplies[s.kind] }));
  return given.length === 0 ? t('common.supplies.none') : given.join(', ');
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

/** The minus sign (U+2212) on the remove button: a sign, the same in every language; the button is named by its aria-label. */
const MINUS_SIGN = '\u2212';

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
    <div role="group" aria-label={t('common.supplies.counter', { label, count })} className="supply-counter">
      <span className="supply-label" aria-hidden="true">
        {label}
      </span>
      <button type="button" aria-label={t('common.supplies.removeOne', { label })} disabled={count <= 0} onClick={() => onChange(kind, -1)}>
        {MINUS_SIGN}
      </button>
      <span className="supply-count" aria-live="polite">
        {count}
      </span>
      <button type="button" aria-label={t('common.supplies.addOne', { label })} disabled={count >= max} onClick={() => onChange(kind, 1)}>
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
