/**
 * A realistic, entirely fictional team for trying Lantern: a team lead, three outreach
 * workers and a peer volunteer, about 300 people met over six months of night rounds
 * (contacts, assessments, consents, referrals moving through their states, appointments
 * kept and missed, follow-ups, notes, a safety alert) and a few concurrent edits waiting in
 * the review queue. Everything goes through the real push, command by command, on each
 * worker's own device and at the time it happened, so the data is exactly what the app
 * would have made. Deterministic: the same seed gives the same team.
 */
import { encodeHlc } from '../shared/hlc';
import { uuidv7 } from '../shared/ids';
import { needDomainSchema } from '../shared/domain/common';
import type { NeedDomain } from '../shared/domain/common';
import type { Role } from '../shared/domain/common';
import type { Command } from '../shared/sync/commands';
import { SCHEMA_VERSION } from '../shared/sync/wire';
import type { AuthContext } from './auth/authenticate';
import { bootstrap } from './services/bootstrap';
import { pushMutations } from './services/sync-push';
import { buildUser, insertUserWithRecord } from './services/users-service';
import type { Storage } from './storage/database';
import { getDevice, insertDeviceIfAbsent } from './storage/devices-store';
import { getUserByUsername } from './storage/users-store';
import type { User } from './storage/users-store';

/** Every demo account signs in with this password (the admin too). Never use it for real data. */
export const DEMO_PASSWORD = 'lantern-demo-only';

export const demoAccounts: readonly { username: string; name: string; role: Role }[] = [
  { username: 'lead', name: 'Morgan (team lead)', role: 'team_lead' },
  { username: 'amara', name: 'Amara', role: 'outreach_worker' },
  { username: 'bea', name: 'Bea', role: 'outreach_worker' },
  { username: 'cal', name: 'Cal', role: 'outreach_worker' },
  { username: 'dee', name: 'Dee (peer)', role: 'peer_volunteer' },
];

export interface DemoSummary {
  readonly people: number;
  readonly mutations: number;
  readonly conflicts: number;
}

/** A small, fast, seeded random number generator (mulberry32): the same team every time. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Roxy', 'Jas', 'Mo', 'Tee', 'Lu', 'Kat', 'Ana', 'Dani', 'Bo', 'Rei', 'Cass', 'Zee', 'Ivy', 'Nell', 'Sol', 'Pip', 'Mar', 'Rosa', 'Vi', 'Em', 'Tash', 'Lola', 'Nia', 'Ola', 'Sasha'];
const AREAS = ['Docks', 'Station Road', 'Canal Street', 'Market', 'Old Town', 'Riverside'];
const DAY = 86_400_000;

interface Device {
  readonly auth: AuthContext;
  nextId: number;
  lastWall: number;
}

interface Event {
  readonly at: number;
  readonly by: number;
  readonly commands: Command[];
}

async function openDevice(storage: Storage, user: User, at: number): Promise<Device> {
  const id = uuidv7(at);
  await insertDeviceIfAbsent(storage.db, { id, userId: user.id, name: `${user.name}'s phone`, now: new Date(at).toISOString() });
  const device = await getDevice(storage.db, id);
  if (device === undefined) throw new Error('demo: the device was not stored');
  return { auth: { user, device, tokenHash: '' }, nextId: 1, lastWall: 0 };
}

async function push(storage: Storage, device: Device, commands: readonly Command[], at: number): Promise<number> {
  const mutations = commands.map((command) => {
    device.lastWall = Math.max(at, device.lastWall + 1);
    return { id: device.nextId++, name: command.name, args: command.args, hlc: encodeHlc({ wallMs: device.lastWall, counter: 0, deviceId: device.auth.device.id }) };
  });
  const answer = await pushMutations(storage, device.auth, { deviceId: device.auth.device.id, schemaVersion: SCHEMA_VERSION, mutations }, at);
  if (answer.rejections.length > 0) throw new Error(`demo: the server refused ${JSON.stringify(answer.rejections)}`);
  return mutations.length;
}

/** One person's six months with the team, as events in time order (not yet sorted across people). */
function personEvents(rand: () => number, i: number, start: number, end: number, workers: readonly User[], agencyIds: readonly string[]): Event[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const by = Math.floor(rand() * workers.length);
  const worker = workers[by] as User;
  const clientId = uuidv7();
  const firstMet = start + Math.floor(rand() * (end - start - 7 * DAY));
  const iso = (t: number) => new Date(t).toISOString();
  const area = pick(AREAS);
  const alias = `${pick(NAMES)} ${String.fromCharCode(65 + (i % 26))}.`;
  const flags = rand() < 0.1 ? ['violent_partner'] : rand() < 0.05 ? ['being_watched'] : [];
  const profile = {
    alias,
    usualAreas: [area],
    ageBand: pick(['18_24', '25_34', '35_44', '45_54'] as const),
    ...(rand() < 0.7 ? { keyWorkerId: worker.id } : {}),
    ...(flags.length > 0 ? { safetyFlags: flags } : {}),
    ...(rand() < 0.3 ? { languages: [pick(['ro', 'pl', 'pt', 'sq', 'th'])], interpreterNeeded: rand() < 0.5 } : {}),
  };
  const contact = (t: number, outcome: string) => ({
    name: 'contact.record' as const,
    args: {
      id: uuidv7(t), clientId, at: iso(t), area, kind: rand() < 0.8 ? 'street' : 'drop_in', outcome,
      supplies: { condoms: Math.floor(rand() * 12), needles: rand() < 0.2 ? 10 : 0, naloxone: rand() < 0.1 ? 1 : 0, food: Math.floor(rand() * 3), hygienePacks: rand() < 0.3 ? 1 : 0 },
      ...(rand() < 0.15 ? { summary: 'Prefers to be approached on her own, after 11 pm.' } : {}),
    },
  });
  const needs: NeedDomain[] = needDomainSchema.options.filter(() => rand() < 0.35);
  const urgent = needs.filter(() => rand() < 0.3);
  const domains = Object.fromEntries(needDomainSchema.options.map((d) => [d, { need: urgent.includes(d) ? 'urgent' : needs.includes(d) ? 'some' : rand() < 0.2 ? 'not_asked' : 'none' }]));
  const consentStore = uuidv7(firstMet);
  const events: Event[] = [
    {
      at: firstMet,
      by,
      commands: [
        { name: 'client.create', args: { id: clientId, profile } },
        { name: 'consent.record', args: { id: consentStore, clientId, kind: 'store', decision: 'given', method: 'verbal', decidedAt: iso(firstMet) } },
        contact(firstMet, 'building_trust'),
        { name: 'assessment.record', args: { id: uuidv7(firstMet), clientId, assessedAt: iso(firstMet), domains } },
      ] as Command[],
    },
  ];
  // Later contacts: some people are seen every week or two, some drift away for months.
  let t = firstMet;
  const visits = Math.floor(rand() * 8);
  for (let v = 0; v < visits; v++) {
    t += (3 + Math.floor(rand() * 25)) * DAY;
    if (t > end) break;
    events.push({ at: t, by: rand() < 0.7 ? by : Math.floor(rand() * workers.length), commands: [contact(t, pick(['building_trust', 'support_given', 'signposted', 'declined_support']))] as Command[] });
  }
  // A referral for an urgent need, when they agreed to share it, moving on over the weeks.
  const need = urgent[0] ?? (rand() < 0.3 ? needs[0] : undefined);
  if (need !== undefined && rand() < 0.8) {
    const when = firstMet + DAY;
    const agencyId = pick(agencyIds);
    const consentId = uuidv7(when);
    const referralId = uuidv7(when);
    events.push({
      at: when,
      by,
      commands: [
        { name: 'consent.record', args: { id: consentId, clientId, kind: 'share', decision: 'given', method: 'verbal', decidedAt: iso(when), agencyId } },
        { name: 'referral.create', args: { id: referralId, clientId, agencyId, need, urgency: urgent.includes(need) ? 'urgent' : 'soon', consentId, consentedSummary: `Needs help with ${need.replace(/_/g, ' ')}.`, sharedFields: ['alias'], status: 'sent' } },
      ] as Command[],
    });
    const path = pick([['acknowledged', 'booked', 'attended', 'closed'], ['acknowledged', 'booked', 'not_attended'], ['acknowledged'], [], ['declined']]);
    let step = when;
    for (const to of path) {
      step += (2 + Math.floor(rand() * 10)) * DAY;
      if (step > end) break;
      events.push({ at: step, by, commands: [{ name: 'referral.transition', args: { id: referralId, to, at: iso(step) } }] as Command[] });
    }
    // An appointment, accompanied or not, kept, missed (its follow-up opens) or still to come.
    const apptAt = when + (5 + Math.floor(rand() * 40)) * DAY;
    const appointmentId = uuidv7(when);
    events.push({
      at: when + DAY,
      by,
      commands: [{ name: 'appointment.book', args: { id: appointmentId, clientId, agencyId, referralId, at: iso(apptAt), place: 'Front desk', accompaniedBy: rand() < 0.3 ? worker.id : null } }] as Command[],
    });
    if (apptAt < end) {
      const missed = rand() < 0.3;
      events.push({
        at: apptAt + 2 * 3_600_000,
        by,
        commands: [{ name: 'appointment.transition', args: { id: appointmentId, to: missed ? 'missed' : 'attended', at: iso(apptAt + 2 * 3_600_000), ...(missed ? { followUpId: uuidv7(apptAt) } : {}) } }] as Command[],
      });
    }
  }
  if (rand() < 0.25) {
    const due = t + (2 + Math.floor(rand() * 10)) * DAY;
    events.push({ at: t + 3_600_000, by, commands: [{ name: 'followUp.create', args: { id: uuidv7(t), clientId, reason: 'check_in', dueAt: iso(due), assigneeId: worker.id } }] as Command[] });
  }
  if (rand() < 0.2) {
    events.push({ at: t + 2 * 3_600_000, by, commands: [{ name: 'note.add', args: { id: uuidv7(t), clientId, body: 'Mentioned a new place to stay; ask next time how it is going.', level: 'team' } }] as Command[] });
  }
  return events;
}

async function ensureUser(storage: Storage, teamId: string, account: (typeof demoAccounts)[number], at: number): Promise<User> {
  const existing = await getUserByUsername(storage.db, account.username);
  if (existing !== undefined) return existing;
  const user = await buildUser({ teamId, username: account.username, name: account.name, role: account.role, admin: false, password: DEMO_PASSWORD }, at);
  await storage.db.transaction().execute((trx) => insertUserWithRecord(trx, user));
  return user;
}

/**
 * Fills an empty database with the demo team (`people` people over the six months before
 * `nowMs`). Refuses a database that already has people in it other than its first admin.
 */
export async function seedDemo(storage: Storage, nowMs: number, people = 300, seed = 20261130): Promise<DemoSummary> {
  const start = nowMs - 182 * DAY;
  const boot = await bootstrap(storage, DEMO_PASSWORD, start - DAY);
  if (!boot.created) throw new Error('The demo needs an empty database: it would mix fictional people with real ones.');
  const users = [];
  for (const account of demoAccounts) users.push(await ensureUser(storage, boot.teamId, account, start - DAY));
  const [lead, ...rest] = users as [User, ...User[]];
  const workers = rest.filter((u) => u.role === 'outreach_worker');
  const peer = rest.find((u) => u.role === 'peer_volunteer');
  const rand = random(seed);
  const events: Event[] = [];
  for (let i = 0; i < people; i++) events.push(...personEvents(rand, i, start, nowMs - DAY, workers, boot.agencyIds));
  // The peer logs anonymous contacts on drop-in nights.
  const anonymous: Event[] = [];
  for (let t = start; t < nowMs - DAY; t += 7 * DAY) {
    anonymous.push({
      at: t + 20 * 3_600_000,
      by: -1,
      commands: [{ name: 'contact.record', args: { id: uuidv7(t), clientId: null, at: new Date(t + 20 * 3_600_000).toISOString(), area: 'Market', kind: 'drop_in', outcome: 'building_trust', supplies: { condoms: 20, needles: 0, naloxone: 0, food: 5, hygienePacks: 2 } } }] as Command[],
    });
  }
  const devices = await Promise.all(workers.map((w) => openDevice(storage, w, start)));
  const peerDevice = peer === undefined ? undefined : await openDevice(storage, peer, start);
  let mutations = 0;
  for (const event of [...events, ...anonymous].sort((a, b) => a.at - b.at)) {
    const device = event.by === -1 ? peerDevice : devices[event.by];
    if (device !== undefined) mutations += await push(storage, device, event.commands, event.at);
  }

  // Two workers changed the same detail on their phones without signal: the review queue.
  const leadDevice = await openDevice(storage, lead, nowMs - DAY);
  const conflicts = Math.min(3, people);
  const [a, b] = devices as [Device, Device];
  for (let k = 0; k < conflicts; k++) {
    const clientId = uuidv7(nowMs - DAY);
    const when = nowMs - 12 * 3_600_000 + k * 60_000;
    mutations += await push(storage, leadDevice, [{ name: 'client.create', args: { id: clientId, profile: { alias: `${NAMES[k] ?? 'Ash'} (review)`, pronouns: 'she/her' } } }], when);
    const seen = encodeHlc({ wallMs: leadDevice.lastWall, counter: 0, deviceId: leadDevice.auth.device.id });
    mutations += await push(storage, a, [{ name: 'client.update', args: { id: clientId, set: { pronouns: 'they/them' }, seen: { pronouns: seen } } }], when + 20_000);
    mutations += await push(storage, b, [{ name: 'client.update', args: { id: clientId, set: { pronouns: 'she/they' }, seen: { pronouns: seen } } }], when + 10_000);
  }
  mutations += await push(storage, leadDevice, [{ name: 'safetyAlert.raise', args: { id: uuidv7(nowMs), area: 'Canal Street', message: 'A grey van has been following workers after midnight. Go in pairs.', expiresAt: new Date(nowMs + 3 * DAY).toISOString() } }], nowMs - 3_600_000);
  return { people: people + conflicts, mutations, conflicts };
}
