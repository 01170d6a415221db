import { useEffect, useState, type FormEvent } from 'react';
import { noSupplies } from '../../../../shared/domain/contact';
import { uuidv7 } from '../../../../shared/ids';
import { outcomeLabels } from '../../../components/labels';
import { ContactKindSelect } from '../../../components/contact-kind-select';
import { t } from '../../../i18n/i18n';
import { contactsRepository } from '../../../stores/runtime';
import { useUiStore } from '../../../stores/ui-store';
import { useRememberedArea } from '../hooks/use-quick-contact';
import {
  buildContactArgs,
  newQuickContact,
  quickContactProblem,
  type ContactOutcome,
  type QuickContactForm,
} from '../quick-contact-model';
import { anySupplies, describeSupplies, setSupply, SupplyCounter, supplyKinds, supplyMax, type SupplyKind } from '../../../components/supplies';
import { ClientPicker } from './client-picker';

const FORM_NAME = 'quick-contact';
/** The outcomes with their labels, read when the form renders (in the active language). */
const outcomes = (): Array<[ContactOutcome, string]> => Object.entries(outcomeLabels) as Array<[ContactOutcome, string]>;

const givesSupplies = (form: QuickContactForm): boolean => anySupplies(form.supplies);
const holdsInput = (form: QuickContactForm): boolean =>
  form.clientId !== null || form.outcome !== 'building_trust' || givesSupplies(form);

/** Log a street contact in under 10 seconds: anonymous by default, supplies as counters. */
export function QuickContactScreen() {
  const remembered = useRememberedArea();
  return (
    <section aria-labelledby="quick-contact-heading" className="quick-contact">
      <h1 id="quick-contact-heading">{t('contacts.screen.heading')}</h1>
      {remembered === undefined ? <p className="empty">{t('contacts.screen.opening')}</p> : <QuickContactFormView initialArea={remembered} />}
    </section>
  );
}

function QuickContactFormView({ initialArea }: { initialArea: string }) {
  const [form, setForm] = useState<QuickContactForm>(() => newQuickContact(initialArea));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const setFormDirty = useUiStore((s) => s.setFormDirty);

  const dirty = holdsInput(form);
  useEffect(() => {
    setFormDirty(FORM_NAME, dirty);
    return () => setFormDirty(FORM_NAME, false);
  }, [dirty, setFormDirty]);

  const change = (patch: Partial<QuickContactForm>) => setForm((current) => ({ ...current, ...patch }));
  const count = (kind: SupplyKind, delta: 1 | -1) =>
    setForm((current) => ({ ...current, supplies: setSupply(current.supplies, kind, current.supplies[kind] + delta) }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const problem = quickContactProblem(form);
    setFailure(problem);
    if (problem !== null) return;
    setSaving(true);
    try {
      const args = buildContactArgs(form, uuidv7(), new Date());
      await contactsRepository.record(args);
      setSaved(t('contacts.form.saved', { area: args.area, who: form.clientId === null ? 'anonymous' : 'client', supplies: describeSupplies(args.supplies) }));
      setForm(newQuickContact(args.area, args.kind));
    } catch (error) {
      setSaved('');
      setFailure(error instanceof Error ? error.message : t('contacts.form.failed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate aria-labelledby="quick-contact-heading">
      <p role="status" className={saved === '' ? 'visually-hidden' : 'banner quick-contact-saved'}>
        {saved}
      </p>
      <label htmlFor="quick-contact-area">
        {t('contacts.form.area')} <span className="hint">{t('contacts.form.areaHint')}</span>
      </label>
      <input
        id="quick-contact-area"
        autoComplete="off"
        value={form.area}
        aria-invalid={failure !== null && form.area.trim() === '' ? true : undefined}
        onChange={(e) => change({ area: e.target.value })}
      />
      <ContactKindSelect id="quick-contact-kind" value={form.kind} onChange={(kind) => change({ kind })} />
      <fieldset>
        <legend>{t('contacts.form.suppliesGiven')}</legend>
        {supplyKinds.map(({ kind, label }) => (
          <SupplyCounter
            key={kind}
            kind={kind}
            label={label}
            count={form.supplies[kind]}
            max={supplyMax(kind)}
            onChange={count}
          />
        ))}
        {givesSupplies(form) && (
          <button type="button" className="link-button" onClick={() => change({ supplies: noSupplies })}>
            {t('contacts.form.resetSupplies')}
          </button>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('contacts.form.outcome')}</legend>
        <div className="choice-row">
          {outcomes().map(([outcome, label]) => (
            <button
              key={outcome}
              type="button"
              aria-pressed={form.outcome === outcome}
              onClick={() => change({ outcome })}
            >
              {label}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('contacts.form.who')}</legend>
        <ClientPicker clientId={form.clientId} onPick={(clientId) => change({ clientId })} />
      </fieldset>
      {failure !== null && (
        <p role="alert" className="banner error">
          {failure}
        </p>
      )}
      <button type="submit" className="primary wide" disabled={saving}>
        {saving ? t('contacts.form.submitting') : t('contacts.form.submit')}
      </button>
    </form>
  );
}
