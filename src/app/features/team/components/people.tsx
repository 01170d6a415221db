import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { TeamUser } from '../../../../shared/api/admin';
import { createUserRequestSchema } from '../../../../shared/api/auth';
import type { Role } from '../../../../shared/domain/common';
import { FormFailure } from '../../../components/form-failure';
import { roleLabels } from '../../../components/labels';
import { TextField } from '../../../components/text-field';
import { tooBigMaximum, worded } from '../../../components/worded-rule';
import { t } from '../../../i18n/i18n';
import { useSessionStore } from '../../../stores/session-store';
import { useTeamStore } from '../../../stores/team-store';
import { aroundSlot } from './message-parts';

const sharedPerson = createUserRequestSchema.shape;

/**
 * Adding a person: the shared rules for a name, a username and a role, as the server applies
 * them; only their refusals are worded here, from the catalogue, when the check runs (so in
 * the language shown then). The name's limit is the shared rule's own (`issue.maximum`).
 */
const addPersonSchema = z.object({
  name: worded(sharedPerson.name, (issue) => {
    const max = tooBigMaximum(issue);
    return max === null ? t('team.addPerson.problem.name') : t('team.addPerson.problem.nameTooLong', { max });
  }),
  username: worded(sharedPerson.username, () => t('team.addPerson.problem.username')),
  role: sharedPerson.role,
});
type AddPersonForm = z.infer<typeof addPersonSchema>;

/** A temporary password, shown once, to hand over in person. */
function HandOver({ name, password, onDone }: { name: string; password: string; onDone: () => void }) {
  const [before, after] = aroundSlot('team.handOver.give', 'name');
  return (
    <div role="status" className="banner card">
      <p>
        {before}
        <strong>{name}</strong>
        {after}
      </p>
      <p className="temporary-password" aria-label={t('team.handOver.password')}>
        {password}
      </p>
      <button type="button" onClick={onDone}>
        {t('team.handOver.done')}
      </button>
    </div>
  );
}

function AddPerson({ roles }: { roles: readonly Role[] }) {
  const addPerson = useTeamStore((s) => s.addPerson);
  const [failure, setFailure] = useState<string | null>(null);
  const [handOver, setHandOver] = useState<{ name: string; password: string } | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<AddPersonForm>({ resolver: zodResolver(addPersonSchema), defaultValues: { name: '', username: '', role: 'outreach_worker' } });

  const onSubmit = handleSubmit(async (form) => {
    setFailure(null);
    try {
      const password = await addPerson(form);
      setHandOver({ name: form.name, password });
      reset();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('team.addPerson.failed'));
    }
  });

  if (handOver) return <HandOver {...handOver} onDone={() => setHandOver(null)} />;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="card" aria-labelledby="add-person-heading">
      <h3 id="add-person-heading">{t('team.addPerson.heading')}</h3>
      <TextField id="person-name" label={t('team.addPerson.name')} hint={t('team.addPerson.nameHint')} autoComplete="off" error={errors.name?.message} registration={register('name')} />
      <TextField
        id="person-username"
        label={t('team.addPerson.username')}
        hint={t('team.addPerson.usernameHint')}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.username?.message}
        registration={register('username')}
      />
      <label htmlFor="person-role">{t('team.addPerson.role')}</label>
      <select id="person-role" {...register('role')}>
        {roles.map((role) => (
          <option key={role} value={role}>
            {roleLabels[role]}
          </option>
        ))}
      </select>
      <FormFailure message={failure} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {isSubmitting ? t('team.addPerson.adding') : t('team.addPerson.submit')}
        </button>
      </div>
    </form>
  );
}

function Person({ person, me, isAdmin, roles }: { person: TeamUser; me: string | undefined; isAdmin: boolean; roles: readonly Role[] }) {
  const { resetPassword, updatePerson } = useTeamStore();
  const [handOver, setHandOver] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // A lead manages workers and peers; an admin also leads. Nobody manages themselves here.
  const manageable = person.id !== me && (isAdmin || person.role !== 'team_lead');
  const reset = async () => {
    setFailure(null);
    try {
      setHandOver(await resetPassword(person.id));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('team.person.failed'));
    }
  };
  return (
    <li className="card">
      <p>
        <strong>{person.name}</strong> <span className="hint">{person.username}</span> · {roleLabels[person.role]}
        {person.admin && <span className="tag">{t('team.person.admin')}</span>}
        {!person.active && <span className="tag">{t('team.person.deactivated')}</span>}
      </p>
      {handOver && <HandOver name={person.name} password={handOver} onDone={() => setHandOver(null)} />}
      <FormFailure message={failure} />
      {manageable && (
        <div className="button-row" role="group" aria-label={t('team.person.manage', { name: person.name })}>
          <label htmlFor={`role-${person.id}`} className="visually-hidden">
            {t('team.person.roleOf', { name: person.name })}
          </label>
          <select id={`role-${person.id}`} value={person.role} onChange={(e) => void updatePerson(person.id, { role: e.target.value as Role })}>
            {[...new Set([...roles, person.role])].map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
          {person.active && (
            <button type="button" onClick={() => void reset()}>
              {t('team.person.resetPassword')}
            </button>
          )}
          {person.active ? (
            <button type="button" className="danger" onClick={() => void updatePerson(person.id, { active: false })}>
              {t('team.person.deactivate')}
            </button>
          ) : (
            <button type="button" onClick={() => void updatePerson(person.id, { active: true })}>
              {t('team.person.reactivate')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** The team's people: add someone with a temporary password, reset one, change a role, (de)activate. */
export function People() {
  const users = useTeamStore((s) => s.users);
  const me = useSessionStore((s) => s.user);
  const isAdmin = me?.admin === true;
  const roles: Role[] = isAdmin ? ['outreach_worker', 'peer_volunteer', 'team_lead'] : ['outreach_worker', 'peer_volunteer'];
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{t('team.people.heading')}</h2>
      <AddPerson roles={roles} />
      <p className="hint">{t('team.people.deactivatingHint')}</p>
      <ul className="list" aria-label={t('team.people.list')}>
        {users.map((person) => (
          <Person key={person.id} person={person} me={me?.id} isAdmin={isAdmin} roles={roles} />
        ))}
      </ul>
    </section>
  );
}
