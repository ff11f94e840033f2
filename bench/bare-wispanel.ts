// A WisPanel Database create as bare as it gets: the POST and the GET that reads it back, over
// one undici Agent, nothing around them. Shared by the bare client (bare-client.ts) and the bare
// provider (bare-provider.ts), so both references make exactly the plugin's requests.
import { createSecureContext } from "node:tls";
import { Agent, request } from "undici";

export interface WisPanelAddress {
  url: string;
  token: string;
  ca: string;
}

export function bareWisPanel(sandbox: WisPanelAddress): { createDatabase(inputs: Record<string, unknown>): Promise<{ id: string; read: Record<string, unknown> }>; close(): Promise<void> } {
  const agent = new Agent({ keepAliveTimeout: 10_000, connect: { secureContext: createSecureContext({ ca: sandbox.ca }) } });
  const headers = { authorization: `Bearer ${sandbox.token}`, "content-type": "application/json", accept: "application/json" };
  const send = async (method: "GET" | "POST", path: string, body?: unknown) => {
    const answer = await request(`${sandbox.url}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), dispatcher: agent });
    const text = await answer.body.text();
    if (answer.statusCode >= 300) throw new Error(`bare client: ${method} ${path} answered ${answer.statusCode}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  return {
    async createDatabase(inputs) {
      const id = `john_${String(inputs.name)}`;
      await send("POST", "/databases", inputs);
      return { id, read: await send("GET", `/databases/${id}`) };
    },
    close: () => agent.close(),
  };
}
