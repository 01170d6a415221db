import type { ContactKind } from '../../shared/domain/contact';
import { contactKindSchema } from '../../shared/domain/contact';
import { t } from '../i18n/i18n';
import { contactKindLabels } from './labels';

/** "How you met": the kind of contact, one choice, on the street unless changed. */
export function ContactKindSelect({ id, value, onChange }: { id: string; value: ContactKind; onChange: (kind: ContactKind) => void }) {
  return (
    <>
      <label htmlFor={id}>{t('common.contactKindSelect.label')}</label>
      <select id={id} value={value} onChange={(e) => onChange(contactKindSchema.parse(e.target.value))}>
        {contactKindSchema.options.map((kind) => (
          <option key={kind} value={kind}>
            {contactKindLabels[kind]}
          </option>
        ))}
      </select>
    </>
  );
}
