import fc from 'fast-check';

/**
 * Property tests draw random inputs. On a developer's machine every run draws new ones, so
 * each `npm test` explores further; a failure prints its seed, and `FC_SEED=<seed> npx vitest
 * run <file>` replays it. In CI (`CI=true`) they draw one fixed sequence instead: a pass or a
 * failure there is reproducible, and does not depend on which inputs a clone happened to draw.
 */
const CI_SEED = 20261129;

const chosen = process.env.FC_SEED ?? (process.env.CI ? String(CI_SEED) : undefined);
if (chosen !== undefined) {
  const seed = Number(chosen);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, not "${chosen}"`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
