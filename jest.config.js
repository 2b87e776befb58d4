/**
 * One jest run, five projects: `npm test` runs them all; `npx jest --selectProjects unit` runs one
 * (unit, integration, infra, build, e2e).
 * TypeScript goes through @swc/jest (no type-check here: `npm run typecheck` does that). middy and jose ship
 * ESM only, so they are transformed too.
 */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
      module: { type: 'commonjs' },
    },
  ],
};

const common = {
  transform,
  transformIgnorePatterns: ['/node_modules/(?!(@middy|jose)/)'],
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/tests/support/env.ts'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts?(x)'] },
    // A real gateway, middy and dynalite with the demo community start per file: on a busy 2-core machine that can
    // take longer than jest's 5 s default for a hook.
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'], testTimeout: 30_000 },
    { ...common, displayName: 'infra', testMatch: ['<rootDir>/tests/infra/**/*.test.ts'] },
    { ...common, displayName: 'build', testMatch: ['<rootDir>/tests/build/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
};
