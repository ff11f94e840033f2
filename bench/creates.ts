// What the engine does for `count` new resources of one type: Check, then Create, `parallel` steps
// at a time (the CLI's --parallel; 16 is a common setting). Failures are kept, not thrown: a
// benchmark that counts 429s must see the ones that reached the user.
import type { Props } from "../test/harness/plugin";
import { inParallel, timed } from "./stats";

export interface CreateRun {
  ms: number;
  /** The messages of the creates that failed, as the user would read them. */
  failures: string[];
}

/** What registers a new resource: the lean engine of the timed rows, or the engine stand-in's Deployment. */
export interface Registers {
  register(type: string, name: string, inputs: Props): Promise<unknown>;
}

export async function createMany(
  engine: Registers,
  type: string,
  inputs: (i: number) => Props,
  options: { count: number; parallel: number; prefix: string },
): Promise<CreateRun> {
  const failures: string[] = [];
  const { ms } = await timed(() =>
    inParallel(options.count, options.parallel, async (i) => {
      try {
        await engine.register(type, `${options.prefix}${i}`, inputs(i));
      } catch (error) {
        failures.push(error instanceof Error ? error.message : String(error));
      }
    }),
  );
  return { ms, failures };
}

/** The requests that did the work: a 429 is a request bounced, and the one after it is counted instead. */
export const workRequests = (requests: { status: number }[]) => requests.filter((r) => r.status !== 429).length;
