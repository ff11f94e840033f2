// The reference for the throughput row: the same creates' requests (a POST and a GET each) from a
// bare undici client, no provider around it, at the same parallelism against the same sandbox.
// On a machine where each request costs the client more than usual (a loaded or virtualised one),
// this shows how much of the distance to the ideal is the machine's rather than the provider's.
import { createSecureContext } from "node:tls";
import { Agent, request } from "undici";
import type { WisPanelSandbox } from "../test/sandbox/wispanel";
import { inParallel, timed } from "./stats";
import { wispanelDatabase } from "./worlds";

export async function bareClientCreates(sandbox: WisPanelSandbox, count: number, parallel: number): Promise<number> {
  const agent = new Agent({ keepAliveTimeout: 10_000, connect: { secureContext: createSecureContext({ ca: sandbox.ca }) } });
  const headers = { authorization: `Bearer ${sandbox.token}`, "content-type": "application/json", accept: "application/json" };
  const send = async (method: "GET" | "POST", path: string, body?: unknown) => {
    const answer = await request(`${sandbox.url}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), dispatcher: agent });
    const text = await answer.body.text();
    if (answer.statusCode >= 300) throw new Error(`bare client: ${method} ${path} answered ${answer.statusCode}: ${text}`);
  };
  try {
    const { ms } = await timed(() =>
      inParallel(count, parallel, async (i) => {
        const inputs = wispanelDatabase(100_000 + i);
        await send("POST", "/databases", inputs);
        await send("GET", `/databases/john_${inputs.name}`);
      }),
    );
    return ms;
  } finally {
    await agent.close();
  }
}
