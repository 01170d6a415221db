/**
 * Hostile args for every sync command, inside an otherwise valid push. Garbage args are a
 * permanent `invalid_args` rejection (the device shows it in "needs attention"), or a 4xx
 * when the body itself is refused (too big, too deep, NUL) — never a 5xx, never applied.
 */
import fc from 'fast-check';
import { commandArgsSchemas, commandNames } from '../../src/shared/sync/commands';
import type { PushResponse } from '../../src/shared/sync/wire';
import { nextHlc } from '../storage/helpers';
import type { Prerequisites } from './command-fixtures';
import { commandFixtures } from './command-fixtures';
import { garbageFor } from './garbage';
import type { Session, World } from './world';

/** Runs `runs` hostile args per command; returns the failures (empty when all held). */
export async function fuzzCommandArgs(world: World, session: Session, prerequisites: Prerequisites, runs: number): Promise<string[]> {
  const failures: string[] = [];
  let mutationId = 0;
  for (const name of commandNames) {
    const valid = commandFixtures[name].args(prerequisites);
    const property = fc.asyncProperty(garbageFor(commandArgsSchemas[name], valid), async (args) => {
      mutationId += 1;
      const mutation = `{"id":${mutationId},"name":${JSON.stringify(name)},"hlc":${JSON.stringify(nextHlc(session.deviceId))},"args":${args}}`;
      const payload = `{"deviceId":${JSON.stringify(session.deviceId)},"schemaVersion":1,"mutations":[${mutation}]}`;
      const res = await world.inject({ method: 'POST', url: '/api/sync/push', headers: { ...session.headers, 'content-type': 'application/json' }, payload });
      if (res.statusCode >= 400 && res.statusCode < 500) return true;
      if (res.statusCode !== 200) return false;
      const rejections = res.json<PushResponse>().rejections;
      return rejections.length === 1 && rejections[0]?.code === 'invalid_args';
    });
    const result = await fc.check(property, { numRuns: runs, endOnFailure: true });
    if (result.failed) failures.push(`${name}: ${fc.defaultReportMessage(result) ?? 'failed'}`.slice(0, 2000));
  }
  return failures;
}
