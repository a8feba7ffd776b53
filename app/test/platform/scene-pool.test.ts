// The scene pool: analyses and scenes made on worker threads are the ones made in-process, errors keep
// their classes and fields across the thread boundary, and the time budget stops a runaway
// composition (ComposeTimeoutError) or gives up on a task that never got a thread (ComposeBusyError).
import test from 'ava';
import { analyze, AnalysisError } from '../../src/analysis/analyze.ts';
import { ComposeBusyError, ComposeTimeoutError } from '../../src/platform/compose/compose-errors.ts';
import { ScenePool } from '../../src/platform/compose/scene-pool.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { mathAssets } from '../../src/render/math.ts';
import { SceneValidationError } from '../../src/scene/validate.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };
const SORT = 'Demonstrate bubble sort on 5 3 8 1';
/** Not in the bundled table: openchemlib takes seconds to build it in 3D. */
const SLOW_MOLECULE = 'Show the molecule CC(C)CCCC(C)C1CCC2C1(CCC3C2CCC4C3(CCC(C4)O)C)C';

/** Until the pool's thread is up: on a loaded machine starting one can take longer than a tight budget. */
async function warmUp(pool: ScenePool): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.compose(SORT, {}, SIZE);
      return;
    } catch (err) {
      if (!(err instanceof ComposeBusyError) || attempt >= 20) throw err;
    }
  }
}

test('an analysis, a scene and typeset formulas made on a thread are the ones made in-process', async (t) => {
  const pool = new ScenePool({ threads: 1, timeBudgetMs: 60_000 });
  try {
    t.deepEqual(await pool.analyze('Show the molecule CCO', {}), analyze('Show the molecule CCO'));
    t.deepEqual(await pool.compose(SORT, {}, SIZE), sceneFromDescription(SORT, SIZE));
    const plot = await pool.compose('Plot y = sin(x)', {}, SIZE, true);
    t.deepEqual(plot.math, mathAssets(plot.scene));
    t.regex(Object.values(plot.math!)[0]!, /^<svg/);
  } finally {
    await pool.close();
  }
});

test('analysis and composition errors arrive as the same classes, with their codes and problems', async (t) => {
  const pool = new ScenePool({ threads: 1, timeBudgetMs: 60_000 });
  try {
    const unknown = await t.throwsAsync(pool.compose(SORT, { template: 'no.such.template' }, SIZE), { instanceOf: AnalysisError });
    t.is(unknown.code, 'unknown_template');
    t.regex(unknown.message, /no\.such\.template/);
    const long = await t.throwsAsync(pool.analyze('x'.repeat(50), { maxLength: 10 }), { instanceOf: AnalysisError });
    t.is(long.code, 'too_long');
    const invalid = await t.throwsAsync(pool.compose(SORT, {}, { ...SIZE, fps: 1000 }), { instanceOf: SceneValidationError });
    t.deepEqual(
      invalid.problems.map((p) => p.path),
      ['fps'],
    );
    t.regex(invalid.message, /^invalid scene spec in template sort\.bubble:\n {2}fps: /);
  } finally {
    await pool.close();
  }
});

test('over the budget: the running task is stopped, the queued one is given up, and the pool carries on', async (t) => {
  const pool = new ScenePool({ threads: 1, timeBudgetMs: 1500 });
  try {
    await warmUp(pool); // the thread is up: the budget times the molecule, not a thread start
    const running = pool.compose(SLOW_MOLECULE, {}, SIZE);
    const queued = pool.compose(SORT, {}, SIZE);
    const timeout = await t.throwsAsync(running, { instanceOf: ComposeTimeoutError });
    t.is(timeout.message, 'composing this scene took longer than 1.5 s (compose.timeBudgetMs); try a smaller molecule or raise the budget');
    const busy = await t.throwsAsync(queued, { instanceOf: ComposeBusyError });
    t.is(busy.message, 'all 1 compose thread (compose.threads) stayed busy with other scenes for 1.5 s; try again shortly');
    t.is((await pool.compose(SORT, {}, SIZE)).scene.width, 1280);
  } finally {
    await pool.close();
  }
});
