/**
 * Starts the model test first. It runs for minutes on a worker of its own; Vitest orders a
 * fresh checkout's files by project name and size when it has no timings cached (CI never
 * has), which started it after the other projects and left it to finish alone.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const MODEL_TEST = 'tests/integration/sync-model.test.ts';

const isModelTest = (spec: TestSpecification): boolean => spec.moduleId.endsWith(MODEL_TEST);

export class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter(isModelTest), ...sorted.filter((spec) => !isModelTest(spec))];
  }
}
