import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { repoRoot } from './server-process.ts';

/** What the benchmark ran on, for the report: numbers from different machines do not compare. */
export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  /** The Node that runs the server (`npx node`). */
  nodeVersion: string;
  /** Median time of `npx node -p process.version`: included in every start-up figure. */
  npxNodeMs: number;
};

export function describeMachine(): Machine {
  const timings: number[] = [];
  let nodeVersion = process.version;
  for (let run = 0; run < 3; run++) {
    const startedAt = performance.now();
    nodeVersion = execFileSync('npx', ['node', '-p', 'process.version'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    timings.push(performance.now() - startedAt);
  }
  timings.sort((a, b) => a - b);
  return {
    cpus: nproc(),
    cpuModel: os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU',
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    nodeVersion,
    npxNodeMs: timings[1] ?? 0,
  };
}

/** `nproc`: the CPUs this process may use, which can be fewer than the machine has. */
function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return os.availableParallelism();
  }
}
