/**
 * Shared by the benchmarks (bench:scale, bench:build): run a child process with a time limit
 * while sampling the resident memory of its whole process tree, and small size helpers.
 *
 * Peak memory = the largest SUM of VmRSS over the child and all its descendants, sampled every
 * 200 ms from /proc (Linux; elsewhere the figure is reported as unavailable). Shared pages are
 * counted once per process, as `ps`/`top` do.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PAGE = 4096;

/** pid → ppid for every process (from /proc/<pid>/stat; the command name may hold spaces and parentheses). */
function parents(): Map<number, number[]> {
  const kids = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = kids.get(ppid) ?? [];
      list.push(Number(d));
      kids.set(ppid, list);
    } catch {
      // the process ended meanwhile
    }
  }
  return kids;
}

/** Sum of resident memory (bytes) of pid and its descendants; 0 when /proc is not there. */
export function treeRss(pid: number): number {
  if (!existsSync('/proc/self/statm')) return 0;
  const kids = parents();
  let sum = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      sum += Number(readFileSync(`/proc/${p}/statm`, 'utf8').split(' ')[1]) * PAGE;
    } catch {
      // gone
    }
    stack.push(...(kids.get(p) ?? []));
  }
  return sum;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  peakRss: number;
  timedOut: boolean;
  /** stdout + stderr, each line prefixed with the ms since start it arrived at ("[12345] …"). */
  lines: { ms: number; text: string }[];
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Called every ~15 s with the elapsed ms, current tree RSS and the last output line. */
  onTick?: (ms: number, rss: number, last: string) => void;
}

/** Runs cmd in its own process group; on time-out the whole group is killed. */
export function runMeasured(cmd: string, args: string[], o: RunOptions): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: o.cwd, env: o.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: RunResult['lines'] = [];
    let peak = 0;
    let timedOut = false;
    let last = '';
    const take = (buf: { rest: string }) => (chunk: Buffer) => {
      const text = buf.rest + chunk.toString('utf8');
      const parts = text.split('\n');
      buf.rest = parts.pop()!;
      const ms = performance.now() - t0;
      for (const p of parts) {
        lines.push({ ms, text: p });
        if (p.trim()) last = p;
      }
    };
    const out = { rest: '' };
    const err = { rest: '' };
    child.stdout.on('data', take(out));
    child.stderr.on('data', take(err));
    const sample = () => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    };
    const sampler = setInterval(sample, 200);
    let nextTick = 15_000;
    const ticker = setInterval(() => {
      const ms = performance.now() - t0;
      if (ms >= nextTick) {
        nextTick += 15_000;
        o.onTick?.(ms, child.pid ? treeRss(child.pid) : 0, last);
      }
    }, 1000);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, o.timeoutMs);
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearInterval(ticker);
      clearTimeout(timer);
      const ms = performance.now() - t0;
      for (const b of [out, err]) if (b.rest) lines.push({ ms, text: b.rest });
      resolvePromise({ code, signal, ms, peakRss: peak, timedOut, lines });
    });
  });
}

/** Total size (bytes) and file count of a folder, recursively (symlinks not followed). */
export function dirSize(dir: string, filter: (path: string) => boolean = () => true): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile() && filter(p)) {
        bytes += statSync(p).size;
        files++;
      }
    }
  }
  return { bytes, files };
}

export const MiB = (b: number) => `${(b / 1048576).toFixed(b < 10 * 1048576 ? 2 : 1)} MiB`;
export const GiB = (b: number) => `${(b / 1073741824).toFixed(2)} GiB`;
export const KiB = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A child env without the Vite/Vitest variables (a child astro build would read BASE_URL). */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*|VITE_.*|NODE_OPTIONS)$/.test(k)));
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

const LOCK = '/tmp/cjzl-build.lock';

/**
 * Holds the team's build lock (flock on /tmp/cjzl-build.lock, as tests/setup/build.ts) until
 * release(), so no other build overlaps a measurement; `log` hears when it has to wait.
 * CJZL_NO_BUILD_LOCK=1 (or no /usr/bin/flock) skips it.
 */
export async function holdLock(log: (s: string) => void): Promise<() => void> {
  if (!existsSync('/usr/bin/flock') || process.env.CJZL_NO_BUILD_LOCK) return () => {};
  const p = spawn('/usr/bin/flock', ['-w', '7200', LOCK, 'sh', '-c', 'echo locked; exec cat'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting = setTimeout(() => log(`  waiting for the build lock ${LOCK} (another build is running)…`), 1000);
  try {
    await new Promise<void>((ok, fail) => {
      p.stdout.once('data', () => ok());
      p.once('exit', (c) => fail(new Error(`could not take the build lock ${LOCK} (flock exited ${c})`)));
    });
  } finally {
    clearTimeout(waiting);
  }
  return () => p.stdin.end();
}
