// @ts-check
/**
 * Mutation testing (issue 11): `npm run mutation` plants one mistake at a time in `shared/` and `functions/src/`
 * and runs the tests that cover it; a mistake no test notices is a survivor. Not part of `npm test` (too slow
 * for every run). Scope a run with `npm run mutation -- --mutate 'functions/src/teams/**'`.
 *
 * - Only the jest `unit` and `integration` projects run (never infra, build or e2e). They run as one flat jest
 *   config, because Stryker's per-test coverage hooks into the top-level test environment and jest projects
 *   would each keep their own.
 * - Reports (HTML, JSON) and the incremental file go to `reports/mutation/<scope>/` (git-ignored), one folder
 *   per `--mutate` scope (`all` without one): a rerun of the same scope after a change tests only the mutants
 *   whose code or covering tests changed (`--force` redoes all).
 * - The sandbox (a copy of the project per run, node_modules linked) is made under the system's temp folder.
 *   Integration tests start dynalite, s3rver and the gateway on port 0 and temporary folders from os.tmpdir(),
 *   so several sandboxes run side by side; `tests/integration/idempotency-crash.test.ts` spawns the gateway
 *   from the sandbox's own files, and the active mutant reaches that child through the environment.
 */
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
/** @type {{ projects: Array<Record<string, any>> }} */
const jestConfig = require('./jest.config.js');

const project = (name) => {
  const p = jestConfig.projects.find((x) => x.displayName === name);
  if (!p) throw new Error(`jest project ${name} not found in jest.config.js`);
  return p;
};
const unit = project('unit');
const integration = project('integration');
const { displayName: _unitName, testMatch: _unitMatch, ...common } = unit;

/**
 * The `--mutate` patterns of this run (`npm run mutation -- --mutate 'shared/**'`), if any. A run scoped to
 * `shared/` alone is judged by the unit tests only: `shared/` is pure code (rules and endpoint contracts) whose
 * every rule has unit tests. Every other run uses unit + integration tests.
 *
 * Static mutants (code run once at import: the zod schemas of `shared/api`, the rule tables) are left out by
 * default (`ignoreStatic`, reported as Ignored): each one reruns every test that imports its file, with no
 * per-test coverage to narrow it. `shared/` alone has over 2,000 of them, hours on 2 cores even with the unit
 * tests only. Set `STRYKER_STATIC=1` for a scoped run to judge them too (the incremental file keeps the results,
 * so it is paid once per change). An environment variable, because Stryker 9.6's CLI takes no value for
 * `--ignoreStatic`: `--ignoreStatic false` is read as a config file named `false`.
 */
const mutateArg = (() => {
  const argv = process.argv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--mutate' || a === '-m') return argv[i + 1] ?? '';
    if (a.startsWith('--mutate=')) return a.slice('--mutate='.length);
  }
  return undefined;
})();
const sharedOnly =
  mutateArg !== undefined &&
  mutateArg
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .every((p) => p.startsWith('shared/') || p.startsWith('!'));
/** Each scope keeps its own reports and incremental file, so a rerun of one folder reuses that folder's results. */
const scope =
  (mutateArg ?? '')
    .replace(/\*+/g, '')
    // `shared/**/*.ts` and `shared/**` are one scope: `shared`
    .replace(/\.tsx?(?=,|$)/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'all';
const out = `reports/mutation/${scope}`;
const testMatch = sharedOnly ? [...unit.testMatch] : [...unit.testMatch, ...integration.testMatch];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    // Replaces the file's five projects by the two that may run here, flattened into one config. `projects: []`,
    // not `undefined`: Stryker hands its options to the test runner process as JSON, where an `undefined` key
    // vanishes, and jest.config.js's five projects (infra included) would run again for every mutant.
    // 30 s per test and hook instead of 5: a busy machine must not fail a test (and so "kill" a mutant) by itself.
    config: {
      ...common,
      projects: [],
      testMatch,
      ...(sharedOnly ? {} : { setupFilesAfterEnv: integration.setupFilesAfterEnv }),
      testTimeout: 30_000,
    },
    enableFindRelatedTests: true,
  },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },

  mutate: [
    'shared/**/*.ts',
    'functions/src/**/*.ts',
    // type declarations, and files that only re-export: nothing to mutate (there are no generated sources)
    '!**/*.d.ts',
    '!shared/index.ts',
    '!functions/src/uploads/index.ts',
  ],
  ignorePatterns: ['miniprogram/dist', 'miniprogram/.swc', 'cdk.out', '.data', '.bench', 'coverage', 'reports', 'tests/e2e', 'tests/build'],

  coverageAnalysis: 'perTest',
  ignoreStatic: process.env.STRYKER_STATIC !== '1',
  incremental: true,
  incrementalFile: `${out}/stryker-incremental.json`,
  // Outside the project, so that jest runs in the project meanwhile do not crawl the sandbox's copy of it.
  tempDirName: join(tmpdir(), 'gongzhi-stryker'),
  cleanTempDir: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${out}/mutation.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  clearTextReporter: { allowEmojis: false, logTests: false, reportMutants: true, skipFull: true },

  // The build machine (and CI) has 2 cores; `--concurrency N` where there are more.
  concurrency: 2,
  // The first run of every covering test (unit + integration, in band) takes 5 minutes on 2 idle cores, and over
  // 20 on 2 busy ones.
  dryRunTimeoutMinutes: 45,
  // A mutant's run also starts a store and a gateway per integration file, which the tests' own times do not
  // count: allow for that on a busy machine before calling it a timeout (the 30 s per test and hook above
  // still ends a test that hangs).
  timeoutMS: 90_000,
  timeoutFactor: 2,
  thresholds: { high: 90, low: 80, break: null },
};
