import autocannon, { type Result } from 'autocannon';
import { registerCleanup, throwIfAborted } from './cleanup.ts';

/** One autocannon run against one URL, reduced to the figures the report shows. */
export type LoadFigures = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  requests: number;
};

export type LoadOptions = {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
};

export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  throwIfAborted();
  const finished = Promise.withResolvers<Result>();
  const instance = autocannon(
    {
      url: options.url,
      method: 'GET',
      connections: options.connections,
      duration: options.durationSeconds,
      headers: options.headers ?? {},
    },
    (error, result) => (error ? finished.reject(error) : finished.resolve(result)),
  );
  const release = registerCleanup({ label: `stop load on ${options.url}`, run: async () => instance.stop() });
  let result: Result;
  try {
    result = await finished.promise;
  } finally {
    await release();
  }
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    requests: result.requests.total,
  };
}
