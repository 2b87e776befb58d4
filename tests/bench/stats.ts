/**
 * Timing and statistics for `npm run bench`: batches of requests, CPU beside throughput, and medians with their
 * spread over interleaved rounds (so drift of a shared machine lands on both sides of a ratio alike).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const median = (xs: number[]): number => quantile(xs, 0.5);

export const quantile = (xs: number[], q: number): number => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.ceil(at)]! - s[lo]!) * (at - lo);
};

/** The spread of a series as `min–max`, which with 5–9 rounds says more than a standard deviation would. */
export const spread = (xs: number[], digits = 2): string => `${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)}`;

export const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** CPU milliseconds (user + system) this process has used so far. */
export const ownCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface Batch {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** CPU milliseconds per request of each process watched (caller first). */
  cpu: Record<string, number>;
}

/** Something whose CPU can be read before and after a batch: this process, or a child over IPC. */
export interface CpuSource {
  name: string;
  cpuMs: () => Promise<number>;
}

export const selfCpu: CpuSource = { name: 'caller', cpuMs: async () => ownCpuMs() };

// A full collection before each batch, so garbage left by the previous one (or by preparing this one) is not
// collected on this batch's time.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Runs `op(i)` for i = 0…n-1, `concurrency` at a time, and stops early at `limitMs`. `op` resolves true when the
 * answer was the expected one; anything else (or a throw) is an error. CPU of every source is read around it.
 */
export const runBatch = async (
  op: (i: number) => Promise<boolean>,
  opts: { n: number; concurrency: number; limitMs: number; cpu: CpuSource[] },
): Promise<Batch> => {
  collectGarbage();
  const before = await Promise.all(opts.cpu.map((c) => c.cpuMs()));
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: unknown;
  const deadline = performance.now() + opts.limitMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.n && performance.now() < deadline) {
        const i = next++;
        const t0 = performance.now();
        const ok = await op(i).catch((err) => {
          firstError ??= err;
          return false;
        });
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await Promise.all(opts.cpu.map((c) => c.cpuMs()));
  if (firstError && process.env.BENCH_DEBUG) console.error(firstError);
  const requests = latencies.length;
  return {
    requests,
    errors,
    seconds,
    rps: requests / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    cpu: Object.fromEntries(opts.cpu.map((c, k) => [c.name, (after[k]! - before[k]!) / Math.max(1, requests)])),
  };
};

/** One operation measured on two sides (ours and its raw counterpart) over several rounds. */
export interface Pair {
  name: string;
  ours: Batch[];
  raw: Batch[];
}

/**
 * Runs `rounds` rounds; in each, ours and raw back to back, in alternating order (so neither always gets the
 * warmer or the quieter half). Each side prepares its inputs before its batch starts timing.
 */
export const interleave = async (
  name: string,
  rounds: number,
  sides: { ours: () => Promise<Batch>; raw: () => Promise<Batch> },
): Promise<Pair> => {
  const pair: Pair = { name, ours: [], raw: [] };
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      pair.ours.push(await sides.ours());
      pair.raw.push(await sides.raw());
    } else {
      pair.raw.push(await sides.raw());
      pair.ours.push(await sides.ours());
    }
  }
  return pair;
};

/** Throughput of ours ÷ raw, one value per round (each round's two sides ran next to each other). */
export const ratios = (p: Pair): number[] => p.ours.map((o, i) => o.rps / p.raw[i]!.rps);

export const summary = (batches: Batch[]) => ({
  rps: median(batches.map((b) => b.rps)),
  p50: median(batches.map((b) => b.p50)),
  p99: median(batches.map((b) => b.p99)),
  errors: batches.reduce((n, b) => n + b.errors, 0),
  requests: batches.reduce((n, b) => n + b.requests, 0),
  cpu: (name: string) => median(batches.map((b) => b.cpu[name] ?? NaN)),
});

/** A markdown table, columns right-aligned except the first. */
export const table = (head: string[], rows: (string | number)[][]): string =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
