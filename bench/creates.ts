// What the engine does for `count` new resources of one type, as its deployment executor does it
// (pkg/resource/deploy/deployment_executor.go): registrations are handled one at a time by one
// loop, which calls Check (the step generator) and hands the Create step to one of `parallel`
// step workers (the CLI's --parallel; 16 is a common setting), waiting while all are busy. So
// the next resource's Check runs while earlier Creates are in flight, never inside a worker.
// Failures are kept, not thrown: a benchmark that counts 429s must see the ones that reached the user.
import type { Props } from "../test/harness/plugin";
import type { LeanEngine } from "./lean-engine";
import { timed } from "./stats";

export interface CreateRun {
  ms: number;
  /** The messages of the creates that failed, as the user would read them. */
  failures: string[];
}

export async function createMany(
  engine: LeanEngine,
  type: string,
  inputs: (i: number) => Props,
  options: { count: number; parallel: number; prefix: string },
): Promise<CreateRun> {
  const failures: string[] = [];
  const failed = (error: unknown) => void failures.push(error instanceof Error ? error.message : String(error));
  const { ms } = await timed(async () => {
    const workers = new Set<Promise<void>>();
    for (let i = 0; i < options.count; i++) {
      const checked = await engine.checkNew(type, `${options.prefix}${i}`, inputs(i)).catch(failed);
      if (!checked) continue;
      while (workers.size >= options.parallel) await Promise.race(workers);
      const step: Promise<void> = engine
        .create(checked)
        .then(() => undefined, failed)
        .finally(() => workers.delete(step));
      workers.add(step);
    }
    await Promise.all(workers);
  });
  return { ms, failures };
}

/** The requests that did the work: a 429 is a request bounced, and the one after it is counted instead. */
export const workRequests = (requests: { status: number }[]) => requests.filter((r) => r.status !== 429).length;
