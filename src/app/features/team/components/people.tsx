import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TeamUser } from '../../../../shared/api/admin';
import { createUserRequestSchema } from '../../../../shared/api/auth';
import type { Role } from '../../../../shared/domain/common';
import { FormFailure } from '../../../components/form-failure';
import { roleLabels } from '../../../components/labels';
import { TextField } from '../../../components/text-field';
import { useSessionStore } from '../../../stores/session-store';
import { useTeamStore } from '../../../stores/team-store';

const addPersonSchema = createUserRequestSchema.omit({ password: true });
type AddPersonForm = { name: string; username: string; role: Role };

/** A temporary password, shown once, to hand over in person. */
function HandOver({ name, password, onDone }: { name: string; password: string; onDone: () => void }) {
  return (
    <div role="status" className="banner card">
      <p>
        Give <strong>{name}</strong> this temporary password. It is shown only now; they choose their own when they first sign in.
      </p>
      <p className="temporary-password" aria-label="Temporary password">
        {password}
      </p>
      <button type="button" onClick={onDone}>
        Done, I have handed it over
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
      setFailure(error instanceof Error ? error.message : 'Adding them did not work. Try again.');
    }
  });

  if (handOver) return <HandOver {...handOver} onDone={() => setHandOver(null)} />;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="card" aria-labelledby="add-person-heading">
      <h3 id="add-person-heading">Add a person</h3>
      <TextField id="person-name" label="Name" hint="(as the team knows them)" autoComplete="off" error={errors.name?.message} registration={register('name')} />
      <TextField
        id="person-username"
        label="Username"
        hint="(lower case, for signing in)"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.username?.message}
        registration={register('username')}
      />
      <label htmlFor="person-role">Role</label>
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
          {isSubmitting ? 'Adding…' : 'Add and make a temporary password'}
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
      setFailure(error instanceof Error ? error.message : 'That did not work.');
    }
  };
  return (
    <li className="card">
      <p>
        <strong>{person.name}</strong> <span className="hint">{person.username}</span> · {roleLabels[person.role]}
        {person.admin && <span className="tag">admin</span>}
        {!person.active && <span className="tag">deactivated</span>}
      </p>
      {handOver && <HandOver name={person.name} password={handOver} onDone={() => setHandOver(null)} />}
      <FormFailure message={failure} />
      {manageable && (
        <div className="button-row" role="group" aria-label={`Manage ${person.name}`}>
          <label htmlFor={`role-${person.id}`} className="visually-hidden">
            Role of {person.name}
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
              Reset password
            </button>
          )}
          {person.active ? (
            <button type="button" className="danger" onClick={() => void updatePerson(person.id, { active: false })}>
              Deactivate
            </button>
          ) : (
            <button type="button" onClick={() => void updatePerson(person.id, { active: true })}>
              Reactivate
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
      <h2 id="people-heading">People</h2>
      <AddPerson roles={roles} />
      <p className="hint">Deactivating someone signs out every device of theirs at once; nothing they recorded is lost.</p>
      <ul className="list" aria-label="People">
        {users.map((person) => (
          <Person key={person.id} person={person} me={me?.id} isAdmin={isAdmin} roles={roles} />
        ))}
      </ul>
    </section>
  );
}
