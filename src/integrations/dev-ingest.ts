/**
 * `npm run dev` picks up notices: an Astro integration that watches content/sources/ and
 * content/errata.yaml through the Vite dev server's watcher and, on a change, runs the ingest in this
 * process (scripts/ingest/run.ts runIngest + scripts/ingest/write.ts, the same steps as
 * `npm run ingest`). The records it writes under content/ are reloaded by the content layer (the
 * collections' glob loaders watch content/; refreshContent is called as well), then the browser
 * reloads: a dropped notice's pages appear without a restart.
 *
 * A refused file (or a malformed errata.yaml) and every warning of the report is printed in the
 * terminal and sent to the browser's error overlay, naming the file and line; nothing is written
 * when a file is refused (as with the CLI). The next good run clears the overlay (full reload).
 *
 * Only in `astro dev` (astro:server:setup); `astro build` is untouched (npm run build runs the CLI).
 */
import { resolve, sep } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
// Imported here, not on demand: the module runner that loads astro.config.mjs is closed once the
// config is read, so a dynamic import() from this file would fail later.
import { tsImport } from 'tsx/esm/api';

export interface DevIngestOptions {
  /** Folder of the notices (default content/sources, from the project root). */
  sources?: string;
  /** Errata file (default content/errata.yaml). */
  errata?: string;
  /** Where content/ is written (default the project root). */
  out?: string;
  /** Wait this long after the last change before ingesting (a copy of several files is one run). */
  debounceMs?: number;
}

interface Problem {
  file: string;
  line?: number;
  message: string;
  kind: 'ERROR' | 'WARNING';
}

type IngestApi = typeof import('../../scripts/ingest/dev-api');
let api: Promise<IngestApi> | undefined;

/**
 * The ingest modules, loaded once with tsx (the astro config's loader does not resolve the ingest's
 * extensionless TypeScript imports). Loaded on first use: `astro build` never loads them.
 */
function ingestApi(): Promise<IngestApi> {
  api ??= tsImport(new URL('../../scripts/ingest/dev-api.ts', import.meta.url).href, import.meta.url) as Promise<IngestApi>;
  return api;
}

/** The dev-server side: run, report, reload. Exported for tests. */
export function devIngestRunner(server: ViteDevServer, logger: AstroIntegrationLogger, root: string, options: DevIngestOptions, refreshContent?: () => Promise<void>) {
  const sources = resolve(root, options.sources ?? 'content/sources');
  const errataPath = resolve(root, options.errata ?? 'content/errata.yaml');
  const out = resolve(root, options.out ?? '.');
  const hot = server.environments?.client?.hot ?? server.hot;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let overlayShown = false;

  const overlay = (problems: Problem[]) => {
    overlayShown = true;
    const message = problems.map((p) => `${p.kind} ${p.message}`).join('\n\n');
    hot.send({
      type: 'error',
      err: {
        name: problems.some((p) => p.kind === 'ERROR') ? 'Ingest refused a notice' : 'Ingest warning',
        message,
        stack: '',
        plugin: 'cjzl-dev-ingest',
        // No `loc`: Astro's overlay would highlight the file by its extension (.pdf, .ofd… are not
        // languages); every message names its file and line itself.
      },
    });
  };

  async function ingestOnce(reason: string): Promise<void> {
    const started = Date.now();
    const { runIngest, loadErrata, writeOutput, formatWarning, isIngestError } = await ingestApi();
    logger.info(`ingest (${reason}) …`);
    let report;
    try {
      report = await runIngest({ sources, errata: loadErrata(errataPath) });
    } catch (e) {
      const errors = e instanceof AggregateError ? e.errors : [e];
      const problems: Problem[] = errors.map((err) =>
        isIngestError(err) ? { kind: 'ERROR', file: err.file, line: err.line, message: err.message } : { kind: 'ERROR', file: '', message: (err as Error)?.stack ?? String(err) },
      );
      for (const p of problems) logger.error(`${p.kind} ${p.message}`);
      logger.error(`ingest stopped: ${problems.length} error(s); nothing was written (content/ is unchanged). Fix or remove the file; the next change runs the ingest again.`);
      overlay(problems);
      return;
    }
    const plan = writeOutput(report, out);
    const docs = report.collections.documents ?? 0;
    logger.info(`ingest: ${report.files.length} source file(s), ${docs} document(s); wrote ${plan.changed.length} file(s), removed ${plan.stale.length} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    const low = report.files.filter((f) => f.coverage.ratio < 1);
    const problems: Problem[] = [
      ...report.warnings.map((w) => ({ kind: 'WARNING' as const, file: w.file, line: w.line, message: formatWarning(w).replace(/^WARNING /, '') })),
      ...low.flatMap((f) => f.coverage.missing.map((m) => ({ kind: 'WARNING' as const, file: f.file, line: m.line, message: `${f.file}:${m.line} is missing from the output (coverage below 100%): ${m.text.slice(0, 80)}` }))),
    ];
    for (const p of problems) logger.warn(`${p.kind} ${p.message}`);
    if (plan.changed.length || plan.stale.length) await refreshContent?.();
    if (problems.length) overlay(problems);
    else if (plan.changed.length || plan.stale.length || overlayShown) {
      // New records, or the problem shown before is gone: reload (this also closes the overlay).
      overlayShown = false;
      hot.send({ type: 'full-reload', path: '*' });
    }
  }

  /** Runs the ingest now, or once more after the running one (never two at a time). */
  function run(reason: string): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = ingestOnce(reason)
      .catch((e) => logger.error(`ingest failed: ${(e as Error)?.stack ?? String(e)}`))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void run('changed while ingesting');
        }
      });
    return running;
  }

  const watched = (path: string) => path === errataPath || path.startsWith(sources + sep);
  const onChange = (event: string) => (path: string) => {
    const abs = resolve(path);
    if (!watched(abs)) return;
    const name = abs === errataPath ? 'content/errata.yaml' : abs.slice(sources.length + 1);
    if (/(?:^|[\\/])(?:\.|~\$)/.test(name)) return; // editor backups and hidden files are not sources
    clearTimeout(timer);
    timer = setTimeout(() => void run(`${event} ${name}`), options.debounceMs ?? 300);
  };
  server.watcher.add([sources, errataPath]);
  for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, onChange(event));
  return { run, sources, errataPath };
}

export default function devIngest(options: DevIngestOptions = {}): AstroIntegration {
  let root = process.cwd();
  let runner: ReturnType<typeof devIngestRunner> | undefined;
  return {
    name: 'cjzl-dev-ingest',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = decodeURIComponent(config.root.pathname);
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        runner = devIngestRunner(server, logger, root, options, refreshContent ? () => refreshContent({}) : undefined);
        logger.info(`watching ${runner.sources} and ${runner.errataPath}: a dropped notice is ingested and its pages appear (refusals and warnings: here and in the browser overlay)`);
      },
      // Once at start: notices dropped while the server was stopped are picked up too (writes only what changed).
      'astro:server:start': () => {
        void runner?.run('start');
      },
    },
  };
}
