/** Types for postgres-cluster.mjs: a throwaway PostgreSQL cluster for tests. */

/** How pg_ctl stops the server: `fast` ends sessions cleanly, `immediate` is a crash. */
export type ShutdownMode = 'smart' | 'fast' | 'immediate';

export interface PostgresCluster {
  /** A superuser URL for the cluster's `postgres` database on 127.0.0.1. */
  readonly url: string;
  readonly port: number;
  /** Starts a stopped cluster and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops the server (the data stays) and waits until it is down. */
  shutdown(mode?: ShutdownMode): Promise<void>;
  /** Stops and starts again, waiting until it accepts connections. */
  restart(mode?: ShutdownMode): Promise<void>;
  /** Stops it at once and removes its files. */
  destroy(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Server settings (`-c key=value`) over the defaults, which turn durability off for speed. */
  readonly settings?: Readonly<Record<string, string>>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number>;

/** The newest PostgreSQL bin directory with initdb and pg_ctl, or null. */
export function findPgBin(): string | null;

/** Starts a throwaway cluster, or returns null when PostgreSQL is not installed. */
export function startPostgres(options?: StartPostgresOptions): Promise<PostgresCluster | null>;
