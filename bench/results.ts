import type { DatabaseKind } from './databases.ts';
import type { LoadFigures } from './load.ts';
import type { Machine } from './machine.ts';

/** What one `npm run bench` found: the shapes run.ts fills in and report.ts writes out. */
export type StartupFigures = {
  /** New data folder / empty database: migrations and demo region included. */
  firstStartMs: number;
  /** Existing data from the first start. */
  coldStartMs: number;
  /** SIGTERM until the idle first server had exited. */
  stopMs: number;
};

export type EndpointResult = { endpoint: string; authenticated: boolean } & LoadFigures;

export type DatabaseResult = {
  kind: DatabaseKind;
  name: string;
  startup: StartupFigures;
  endpoints: EndpointResult[];
  /** Listed endpoints not measured, with why (e.g. not 2xx before the run). */
  skippedEndpoints: { endpoint: string; reason: string }[];
};

export type BenchSettings = {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  personaId: string;
  serverEnv: Record<string, string>;
};

export type BenchRun = {
  startedAt: Date;
  machine: Machine;
  settings: BenchSettings;
  databases: DatabaseResult[];
  skippedDatabases: { kind: DatabaseKind; reason: string }[];
};
