// A small client for tests to call the WisPanel sandbox directly (out-of-band changes, the
// sandbox's own checks), trusting the sandbox's CA. Nothing here comes from provider/.
import { Agent, request } from "undici";
import type { WisPanelSandbox } from "./wispanel";

export interface Answer {
  status: number;
  body: any;
  headers: Record<string, string | string[] | undefined>;
}

export type Call = (method: string, path: string, body?: unknown, token?: string | null) => Promise<Answer>;

/** Calls below /api/v1 with the first user's key (another with `token`, none with null). */
export function wispanelClient(sandbox: WisPanelSandbox): Call & { close(): Promise<void> } {
  const agent = new Agent({ connect: { ca: sandbox.ca } });
  const call = async (method: string, path: string, body?: unknown, token: string | null = sandbox.token): Promise<Answer> => {
    const headers: Record<string, string> = { accept: "application/json" };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await request(`${sandbox.url}/api/v1${path}`, {
      method: method as "GET",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher: agent,
    });
    const text = await response.body.text();
    return { status: response.statusCode, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };
  return Object.assign(call, { close: () => agent.close() });
}
