// The Vitest configuration that mutation testing (stryker.config.mjs) runs: vitest.config.ts's
// Node tests (its 'server' and 'app' projects) as one isolated 'node' project, which holds
// every test of the mutated folders (the jsdom component tests cover no mutated code and
// would only slow each mutant down), less the model-based sync soak: it draws random
// scenarios for minutes, so whether it kills a mutant would change from run to run and every
// sync mutant would wait for it. The score comes from tests that decide the same way every time.
import { configDefaults } from 'vitest/config';
import base from './vitest.config.ts';

// LANTERN_MUTATE_TESTS (comma-separated globs) narrows the run to those test files: a
// quicker, lower-bound score for a folder that the whole suite reaches hundreds of times
// over (`npm run mutate -- --tests <globs>`).
const only = process.env.LANTERN_MUTATE_TESTS?.split(',').filter(Boolean);
const nodeProjects = base.test.projects.filter((p) => p.test.name === 'server' || p.test.name === 'app');

export default {
  ...base,
  test: {
    ...base.test,
    project: 'node',
    exclude: [...configDefaults.exclude, 'tests/integration/sync-model.test.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: only === undefined || only.length === 0 ? nodeProjects.flatMap((p) => p.test.include) : only,
        },
      },
    ],
  },
};
