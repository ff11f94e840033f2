// The reference for the throughput row: the same creates' requests (a POST and a GET each) from a
// bare undici client, no provider around it, at the same parallelism against the same sandbox.
// On a machine where each request costs the client more than usual (a loaded or virtualised one),
// this shows how much of the distance to the ideal is the machine's rather than the provider's.
import type { WisPanelSandbox } from "../test/sandbox/wispanel";
import { bareWisPanel } from "./bare-wispanel";
import { inParallel, timed } from "./stats";
import { wispanelDatabase } from "./worlds";

export async function bareClientCreates(sandbox: WisPanelSandbox, count: number, parallel: number): Promise<number> {
  const client = bareWisPanel(sandbox);
  try {
    const { ms } = await timed(() => inParallel(count, parallel, async (i) => void (await client.createDatabase(wispanelDatabase(100_000 + i)))));
    return ms;
  } finally {
    await client.close();
  }
}
