import { describe, expect, it } from 'vitest';
import { isTransientDatabaseError } from './transient-errors';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('isTransientDatabaseError', () => {
  it.each([
    ['a restart ending sessions (admin_shutdown)', withCode('terminating connection due to administrator command', '57P01')],
    ['an immediate stop (crash_shutdown)', withCode('terminating connection because of crash of another server process', '57P02')],
    ['a database starting up or shutting down', withCode('the database system is starting up', '57P03')],
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    // `localhost` tries ::1 and 127.0.0.1: Node reports both refusals at once.
    ['a refused connection on every address', new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], '')],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['a client whose connection broke', new Error('Client has encountered a connection error and is not queryable')],
    ['a pool waiting too long for a connection', new Error('timeout exceeded when trying to connect')],
    ['a serialization failure', withCode('could not serialize access', '40001')],
    ['a busy SQLite file', withCode('database is locked', 'SQLITE_BUSY')],
    ['a busy SQLite snapshot', withCode('database is locked', 'SQLITE_BUSY_SNAPSHOT')],
    ['a PostgreSQL connection failure (class 08)', withCode('connection failure', '08006')],
  ])('retries %s', (_label, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each([
    ['a constraint violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a bad password', withCode('password authentication failed for user "lantern"', '28P01')],
    ['a missing database', withCode('database "lantern" does not exist', '3D000')],
    ['a plain bug', new TypeError('Cannot read properties of undefined')],
    ['an aggregate of bugs', new AggregateError([new TypeError('x')], '')],
    ['not an error', 'Connection terminated'],
    ['null', null],
    ['undefined', undefined],
    ['an object that only looks like a dropped connection', { message: 'Connection terminated unexpectedly' }],
    ['an empty aggregate', new AggregateError([], '')],
    ['an aggregate of a refusal and a bug', new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED'), new TypeError('x')], '')],
    ['a code that only starts like a connection class', withCode('odd', '08')],
    ['a code that only ends like one', withCode('odd', 'XX008')],
  ])('does not retry %s', (_label, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });
});
