/**
 * `npm run ingest` enters here, in plain Node (its TypeScript needs no tsx: this file and
 * unchanged.ts import only Node built-ins). When nothing changed since the last successful run
 * (unchanged.ts decides: sources, errata, themes, the ingest program, every generated file), it
 * prints so and exits — an unchanged corpus costs `npm run build` well under a second. Otherwise
 * it registers tsx and runs the CLI (cli.ts), handing it the decision so nothing is hashed twice.
 */
import { performance } from 'node:perf_hooks';
import { decide, parseArgs, unchangedReport, type Decision } from './unchanged.ts';

const started = performance.now();
let decision: Decision | undefined;
try {
  const args = parseArgs(process.argv.slice(2));
  decision = decide(args);
  if (decision.unchanged && !args.quiet) process.stdout.write(unchangedReport(args, decision, (performance.now() - started) / 1000).join('\n') + '\n');
} catch {
  // A bad option: the CLI says what is wrong.
}
if (!decision?.unchanged) {
  (globalThis as Record<symbol, unknown>)[Symbol.for('cjzl.ingest.decision')] = decision;
  (globalThis as Record<symbol, unknown>)[Symbol.for('cjzl.ingest.checkMs')] = performance.now() - started;
  const { register } = await import('tsx/esm/api');
  register();
  await import('./cli.ts');
}
