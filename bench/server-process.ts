import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { registerCleanup, throwIfAborted } from './cleanup.ts';
import { groupAlive, signalGroup, signalInnermost, waitUntil } from './process-group.ts';

/**
 * One Nära server as a child process (`npx node src/server/main.ts`) on a free
 * port, timed from spawn until /readyz answers 200. It is always stopped: by
 * stop(), or by the cleanup registry on failure and Ctrl-C.
 */
export type ServerProcess = {
  baseUrl: string;
  /** Spawn until /readyz = 200, in ms. */
  startupMs: number;
  /** SIGTERM to the server and wait for it to exit; resolves with the time it took, in ms. Idempotent. */
  stop: () => Promise<number>;
};

export const repoRoot = path.resolve(import.meta.dirname, '..');

const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const OUTPUT_LINES_KEPT = 40;
/** Variables the benchmark decides itself; never inherited from the caller's shell. */
const CONTROLLED_VARIABLES = ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'NODE_ENV', 'DEMO_MODE'];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startServer(label: string, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CONTROLLED_VARIABLES) delete childEnv[name];
  Object.assign(childEnv, env, { PORT: String(port), HOST: '127.0.0.1' });

  throwIfAborted();
  const startedAt = performance.now();
  // detached: a process group of its own, so Ctrl-C reaches only us and we decide how it stops.
  const child = spawn('npx', ['node', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: childEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error(`${label}: could not spawn npx`);

  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim() !== ''));
    output.splice(0, Math.max(0, output.length - OUTPUT_LINES_KEPT));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const stopOnce = async (): Promise<number> => {
    const stopAt = performance.now();
    if (!groupAlive(pgid)) return 0;
    signalInnermost(pgid, 'SIGTERM');
    if (await waitUntil(() => !groupAlive(pgid), STOP_TIMEOUT_MS)) return performance.now() - stopAt;
    process.stderr.write(`${label}: no exit ${STOP_TIMEOUT_MS / 1000} s after SIGTERM; killing it.\n`);
    signalGroup(pgid, 'SIGKILL');
    if (!(await waitUntil(() => !groupAlive(pgid), 5_000))) throw new Error(`${label}: process group ${pgid} survived SIGKILL`);
    return performance.now() - stopAt;
  };
  let stopped: Promise<number> | undefined;
  const stop = () => (stopped ??= stopOnce());
  const release = registerCleanup({
    label: `stop ${label} (process group ${pgid})`,
    run: async () => {
      await stop();
    },
    runSync: () => signalGroup(pgid, 'SIGKILL'),
  });

  const deadline = startedAt + START_TIMEOUT_MS;
  for (;;) {
    if (exited || performance.now() > deadline) {
      await release();
      const why = exited ? `exited with code ${child.exitCode ?? child.signalCode}` : `not ready after ${START_TIMEOUT_MS / 1000} s`;
      throw new Error(`${label}: server ${why}. Its last output:\n${output.join('\n')}`);
    }
    if (await isReady(baseUrl)) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const startupMs = performance.now() - startedAt;
  return {
    baseUrl,
    startupMs,
    stop: async () => {
      const ms = await stop();
      await release();
      return ms;
    },
  };
}

async function isReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false; // not listening yet
  }
}
