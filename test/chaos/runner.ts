// One seeded chaos run: a program the seed picks, taken through create, an update in place, a
// replacement, refresh and destroy with seeded faults on in every sandbox. A step that fails is
// run once more with faults off, from the state recorded, and must then succeed. After every
// step what exists (each sandbox's own state, MariaDB, PostgreSQL, Redis) must be exactly what
// the engine stand-in recorded, and another `up` must change nothing; after destroy nothing is
// left. A failing seed says how to replay it and shows every fault the sandboxes injected.
import { afterAll, beforeAll, expect, it } from "vitest";
import { Deployment, type ResourceState } from "../harness/deployment";
import { seededRandom } from "../sandbox/base";
import { inventory, linesOf, subtract, type InventoryScope } from "./inventory";
import type { IdOf, ProgramPart, ProgramResource, Random } from "./programs";
import { sparedFaults } from "./spared-faults";
import { SLOW_MS, startChaosWorld, type ApiName, type ChaosWorld } from "./world";

export interface ChaosSuite {
  /** The test file, for the replay line. */
  file: string;
  /** The APIs whose sandboxes the world starts, once for the file. */
  apis: readonly ApiName[];
  /** Made once the world is up, before any fault: what every run's program hangs off. */
  prepare?: (world: ChaosWorld) => Promise<void>;
  /** The parts a run's program is made of; a seed picks one or more of them. */
  parts: ProgramPart[];
  seeds: number[];
  /** Default 0.1. */
  rate?: number;
  scope?: () => InventoryScope;
}

/** customTimeouts (seconds) of each step with faults on: what a hung action or job costs. */
const CHAOS_STEP_TIMEOUT = 3;
/** When the step is repeated with faults off. */
const REPEAT_TIMEOUT = 30;
const CAUSE = /\b(HTTP )?50[023]\b|\b429\b|timed out|connection|socket|closed|rate.limit|action|job|provisioning|deadline|status "?error|lost|answer/i;

/** A step still running after this long has hung: the run fails with its report instead of a bare test timeout. */
const STEP_LIMIT_MS = 60_000;

class StepHung extends Error {}

async function within<T>(ms: number, run: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new StepHung(`did not end within ${ms / 1000} s`)), ms)));
  try {
    return await Promise.race([run, limit]);
  } finally {
    clearTimeout(timer);
  }
}

class StepFailure extends Error {
  constructor(
    readonly resource: string,
    readonly cause: string,
  ) {
    // As the Pulumi CLI shows an error: under the resource's type and name.
    super(`${resource}: ${cause}`);
  }
}

function describeResource(urn: string): string {
  if (!urn.includes("::")) return urn;
  const [, , type, name] = urn.split("::");
  return `${type} (${name})`;
}

async function attributed<T>(urn: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new StepFailure(describeResource(urn), error instanceof Error ? error.message : String(error));
  }
}

/** Dependencies first, in the order the part made them. */
function ordered(resources: ProgramResource[]): ProgramResource[] {
  const done = new Set<string>();
  const out: ProgramResource[] = [];
  const visit = (r: ProgramResource) => {
    if (done.has(r.name)) return;
    done.add(r.name);
    for (const name of r.dependsOn) visit(resources.find((x) => x.name === name)!);
    out.push(r);
  };
  resources.forEach(visit);
  return out;
}

const pick = <T>(random: Random, items: T[]): T | undefined => (items.length ? items[Math.floor(random() * items.length)] : undefined);

/** The parts a seed's program takes: one, or with several parts sometimes two. */
function programOf(suite: ChaosSuite, random: Random, tag: string): ProgramResource[] {
  const first = Math.floor(random() * suite.parts.length);
  const chosen = [suite.parts[first]];
  if (suite.parts.length > 1 && random() < 0.5) chosen.push(suite.parts[(first + 1) % suite.parts.length]);
  return ordered(chosen.flatMap((part) => part(random, tag)));
}

/**
 * CHAOS_SEED=n replays one seed; CHAOS_SEEDS=from-to runs others to look for more; CHAOS_RATE
 * overrides the suite's rate for either.
 */
function seedsToRun(suite: ChaosSuite): number[] {
  if (process.env.CHAOS_SEED) return [Number(process.env.CHAOS_SEED)];
  const range = /^(\d+)-(\d+)$/.exec(process.env.CHAOS_SEEDS ?? "");
  if (!range) return suite.seeds;
  const [from, to] = [Number(range[1]), Number(range[2])];
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

export function describeChaos(suite: ChaosSuite): void {
  let world: ChaosWorld;
  beforeAll(async () => {
    world = await startChaosWorld(suite.apis);
    await suite.prepare?.(world);
  });
  afterAll(async () => {
    await world?.stop();
  });
  const seeds = seedsToRun(suite);
  for (const seed of seeds) it(`seed ${seed}`, () => runSeed(suite, world, seed), 180_000);
}

async function runSeed(suite: ChaosSuite, world: ChaosWorld, seed: number): Promise<void> {
  const random = seededRandom(seed);
  const tag = `c${seed}`;
  const program = programOf(suite, random, tag);
  const d = new Deployment(world.plugin, `chaos${seed}`);
  const urnOf = (r: ProgramResource) => d.urn(r.type, r.name);
  const byName = new Map(program.map((r) => [r.name, r]));
  const id: IdOf = (name) => d.state.get(urnOf(byName.get(name)!))?.id ?? "";
  const stage = new Map<string, "create" | "update" | "replace">(program.map((r) => [r.name, "create"]));
  const inputsOf = (r: ProgramResource) => r[stage.get(r.name)!]!(id);
  const scope = suite.scope?.() ?? {};
  // What an earlier run left under way (its job, say) must not land after this run has counted.
  await world.quiesce();
  const baseline = await inventory(world, scope);
  const faultsFrom = world.faultCounts();
  /** Lines of resources the API cannot delete, once recorded: destroy leaves them. */
  const forgotten = new Set<string>();
  const failures: string[] = [];

  const up = async (timeout: number) => {
    for (const r of program) await attributed(urnOf(r), () => d.register(r.type, r.name, inputsOf(r), { timeout }));
  };
  const refresh = async () => {
    for (const urn of [...d.state.keys()]) await attributed(urn, () => d.refresh(urn));
  };
  const destroy = async (timeout: number) => {
    await attributed("pending deletes", () => d.deletePending({ timeout }));
    for (const urn of [...d.state.keys()].reverse()) await attributed(urn, () => d.delete(urn, { timeout }));
  };
  const updatable = program.filter((r) => r.update);
  const leaves = program.filter((r) => r.replace && !program.some((other) => other.dependsOn.includes(r.name)));
  const updated = pick(random, updatable);
  const replaced = pick(random, leaves);
  const steps: Array<{ title: string; before?: () => void; run: (timeout: number) => Promise<void>; converges: boolean }> = [
    { title: `create ${program.map((r) => r.name).join(", ")}`, run: up, converges: true },
    ...(updated ? [{ title: `update ${updated.name} in place`, before: () => stage.set(updated.name, "update"), run: up, converges: true }] : []),
    ...(replaced ? [{ title: `replace ${replaced.name}`, before: () => stage.set(replaced.name, "replace"), run: up, converges: true }] : []),
    { title: "refresh", run: () => refresh(), converges: true },
    { title: "destroy", run: destroy, converges: false },
  ];

  const report = (step: string, problem: string) =>
    [
      `chaos seed ${seed}, step "${step}": ${problem}`,
      `replay: CHAOS_SEED=${seed} npx vitest run ${suite.file}`,
      `program: ${program.map((r) => `${r.type} (${r.name})`).join(", ")}`,
      "step failures with faults on:",
      ...(failures.length ? failures.map((f) => `  ${f}`) : ["  none"]),
      "faults injected:",
      ...world.faultsSince(faultsFrom).map((f) => `  ${f}`),
    ].join("\n");

  for (const [index, step] of steps.entries()) {
    step.before?.();
    world.chaos({ seed: seed * 1000 + index, rate: Number(process.env.CHAOS_RATE) || suite.rate || 0.1, slowMs: SLOW_MS, retryAfterSeconds: 1 }, sparedFaults);
    let failed: StepFailure | undefined;
    try {
      await within(STEP_LIMIT_MS, step.run(CHAOS_STEP_TIMEOUT));
    } catch (error) {
      if (error instanceof StepHung) {
        const recent = world.lastRequests(12).map((r) => `  ${r}`).join("\n");
        throw new Error(report(step.title, `with faults on, the step ${error.message}; the last requests served:\n${recent}`));
      }
      if (!(error instanceof StepFailure)) throw error;
      failed = error;
      failures.push(`${step.title}: ${error.message}`);
    } finally {
      world.chaosOff();
    }
    if (failed) {
      if (!CAUSE.test(failed.cause)) throw new Error(report(step.title, `a failure does not say its cause: ${failed.message}`));
      try {
        await within(STEP_LIMIT_MS, recordFinishedJobs(d));
        await within(STEP_LIMIT_MS, step.run(REPEAT_TIMEOUT));
      } catch (error) {
        throw new Error(report(step.title, `the repeated up failed too: ${error instanceof Error ? error.message : error}`));
      }
    }
    const unfinished = [...d.state.values()].filter((s) => s.initErrors?.length);
    if (unfinished.length) throw new Error(report(step.title, `still unfinished: ${unfinished.map((s) => `${describeResource(s.urn)} (${s.initErrors})`).join("; ")}`));
    const problem = await disagreement(world, scope, baseline, [...d.state.values(), ...d.pendingDeletes], program, forgotten);
    if (problem) throw new Error(report(step.title, problem));
    if (step.converges) {
      for (const r of program) {
        if (!d.state.has(urnOf(r))) continue;
        const again = await d.register(r.type, r.name, inputsOf(r), { timeout: REPEAT_TIMEOUT });
        if (again.op !== "same") throw new Error(report(step.title, `another up does not leave ${r.type} (${r.name}) as it is: ${again.op} ${JSON.stringify(again.diff?.detailedDiff)}`));
      }
    }
  }
  expect(d.state.size).toBe(0);
  if (process.env.CHAOS_VERBOSE) console.log(`seed ${seed}: ${program.length} resources, ${world.faultsSince(faultsFrom).length} faults, ${failures.length} steps repeated\n  ${failures.join("\n  ")}`);
}

/**
 * A Combell create whose job outlived its timeout is recorded under the job, and an update cannot
 * change an id: as README and the provider's error say, `pulumi refresh` records it under its
 * real id once the job has finished. A user who refreshes before then sees it still pending.
 */
async function recordFinishedJobs(d: Deployment): Promise<void> {
  const pending = () => [...d.state.values()].filter((s) => s.id.startsWith("provisioning-job:"));
  for (let look = 0; pending().length > 0; look++) {
    if (look > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    for (const s of pending()) await attributed(s.urn, () => d.refresh(s.urn));
  }
}

/** Why what exists is not what the state records, or undefined when they agree. */
async function disagreement(
  world: ChaosWorld,
  scope: InventoryScope,
  baseline: string[],
  states: ResourceState[],
  program: ProgramResource[],
  forgotten: Set<string>,
): Promise<string | undefined> {
  const forgets = new Set(program.filter((r) => r.forgotten).map((r) => r.type));
  for (const s of states) if (forgets.has(s.type)) linesOf(s).forEach((line) => forgotten.add(line));
  const expected = [...new Set([...states.flatMap(linesOf), ...forgotten])].sort();
  const actual = subtract(await inventory(world, scope), baseline);
  const orphans = subtract(actual, expected);
  const missing = subtract(expected, actual);
  if (!orphans.length && !missing.length) return undefined;
  return [
    "what exists is not what the state records",
    `  only in the sandboxes (orphans or duplicates): ${orphans.join(", ") || "none"}`,
    `  only in the state (recorded, not there): ${missing.join(", ") || "none"}`,
  ].join("\n");
}
