// One seed for every property test, the same every run unless FC_SEED says otherwise, so that a
// test run is the same on every machine and a red CI is never a roll of the dice; fast-check
// prints the seed, and the path of the smallest failing case, on failure. FC_RUNS multiplies the
// number of cases, for a longer search on one's own machine:
//   FC_SEED=123 npx vitest run test/properties        replays a failure
//   FC_RUNS=20 FC_SEED=$RANDOM npx vitest run         looks twenty times as far, somewhere new
import type { Parameters } from "fast-check";

export const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_250_611;
const SCALE = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 1;

export function runs(numRuns: number): Parameters<unknown> {
  return { seed: SEED, numRuns: Math.max(1, Math.round(numRuns * SCALE)), endOnFailure: false };
}
