import { z } from "zod";
import type { HttpClient, OperationContext } from "../../http/client";
import { parseAnswer } from "../../kit/parse";
import { followJob } from "../../http/job";
import { waitUntilGone } from "../../http/wait";
import { uriComponent } from "../../http/url";

// Typed calls to the ServerPilot API v1. Responses are parsed with zod, so a changed API fails
// loudly at the boundary instead of writing garbage into the state.

export const ServerData = z.object({
  id: z.string(),
  name: z.string(),
  autoupdates: z.boolean(),
  firewall: z.boolean(),
  deny_unknown_domains: z.boolean(),
  lastaddress: z.string().nullable().optional(),
  lastconn: z.number().nullable().optional(),
  datecreated: z.number(),
  /** Only in the create response. */
  apikey: z.string().optional(),
  /** The PHP runtimes the server offers, where ServerPilot reports them (not in the document). */
  available_runtimes: z.array(z.string()).optional(),
});
export type ServerData = z.infer<typeof ServerData>;

export const SysUserData = z.object({ id: z.string(), name: z.string(), serverid: z.string() });
export type SysUserData = z.infer<typeof SysUserData>;

export const SslData = z.object({
  key: z.string().nullable().optional(),
  cert: z.string().nullable().optional(),
  cacerts: z.string().nullable().optional(),
  auto: z.boolean().optional(),
  force: z.boolean().optional(),
});
export type SslData = z.infer<typeof SslData>;

export const AppData = z.object({
  id: z.string(),
  name: z.string(),
  sysuserid: z.string(),
  serverid: z.string(),
  runtime: z.string(),
  domains: z.array(z.string()),
  datecreated: z.number(),
  ssl: SslData.nullable().optional(),
  /** Only in GET /apps/:id, and only on paid plans. */
  autossl: z.object({ available: z.boolean(), domains: z.array(z.string()).optional() }).optional(),
});
export type AppData = z.infer<typeof AppData>;

export const DatabaseData = z.object({
  id: z.string(),
  name: z.string(),
  appid: z.string(),
  serverid: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
});
export type DatabaseData = z.infer<typeof DatabaseData>;

const ActionData = z.object({
  id: z.string(),
  serverid: z.string().optional(),
  status: z.enum(["success", "open", "error"]),
  datecreated: z.number().optional(),
});

/** Every answer is `{data}`, with `actionid` when the call started server work. */
function parseEnvelope<T extends z.ZodType>(data: T, body: unknown, what: string): { actionid?: string; data: z.infer<T> } {
  return parseAnswer(z.object({ actionid: z.string().optional(), data }), body, `ServerPilot API ${what}`) as {
    actionid?: string;
    data: z.infer<T>;
  };
}

/** The id in a create's answer, read before anything else so a malformed answer cannot lose it. */
function idIn(body: unknown): string | undefined {
  const id = (body as { data?: { id?: unknown } } | undefined)?.data?.id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/** A `datecreated` (Unix seconds) as ISO 8601. */
export const unixTime = (seconds: number) => new Date(seconds * 1000).toISOString();

/** Told the new resource's id the moment the API has answered a create. */
export type Accepted = (id: string) => void;

export class ServerPilotClient {
  constructor(private readonly http: HttpClient) {}

  listServers(ctx: OperationContext) {
    return this.list("/servers", ServerData, ctx);
  }
  getServer(id: string, ctx: OperationContext) {
    return this.get(`/servers/${uriComponent(id)}`, ServerData, ctx);
  }
  createServer(body: { name: string }, ctx: OperationContext, accepted: Accepted) {
    return this.send("POST", "/servers", body, ServerData, `create server ${body.name}`, ctx, accepted);
  }
  updateServer(id: string, body: Partial<Pick<ServerData, "firewall" | "autoupdates" | "deny_unknown_domains">>, ctx: OperationContext) {
    return this.mutate("POST", `/servers/${uriComponent(id)}`, body, ServerData, `update server ${id}`, ctx);
  }
  deleteServer(id: string, ctx: OperationContext) {
    return this.remove(`/servers/${uriComponent(id)}`, `delete server ${id}`, ctx);
  }

  listSysUsers(ctx: OperationContext) {
    return this.list("/sysusers", SysUserData, ctx);
  }
  getSysUser(id: string, ctx: OperationContext) {
    return this.get(`/sysusers/${uriComponent(id)}`, SysUserData, ctx);
  }
  createSysUser(body: { serverid: string; name: string; password?: string }, ctx: OperationContext, accepted: Accepted) {
    return this.send("POST", "/sysusers", body, SysUserData, `create system user ${body.name}`, ctx, accepted);
  }
  updateSysUser(id: string, body: { password: string }, ctx: OperationContext) {
    return this.mutate("POST", `/sysusers/${uriComponent(id)}`, body, SysUserData, `update system user ${id}`, ctx);
  }
  deleteSysUser(id: string, ctx: OperationContext) {
    return this.remove(`/sysusers/${uriComponent(id)}`, `delete system user ${id}`, ctx);
  }

  listApps(ctx: OperationContext) {
    return this.list("/apps", AppData, ctx);
  }
  getApp(id: string, ctx: OperationContext) {
    return this.get(`/apps/${uriComponent(id)}`, AppData, ctx);
  }
  createApp(
    body: {
      name: string;
      sysuserid: string;
      runtime: string;
      domains?: string[];
      wordpress?: { site_title: string; admin_user: string; admin_password: string; admin_email: string };
    },
    ctx: OperationContext,
    accepted: Accepted,
  ) {
    return this.send("POST", "/apps", body, AppData, `create app ${body.name}`, ctx, accepted);
  }
  updateApp(id: string, body: { runtime?: string; domains?: string[] }, ctx: OperationContext) {
    return this.mutate("POST", `/apps/${uriComponent(id)}`, body, AppData, `update app ${id}`, ctx);
  }
  deleteApp(id: string, ctx: OperationContext) {
    return this.remove(`/apps/${uriComponent(id)}`, `delete app ${id}`, ctx);
  }
  /** One of the three documented forms: a custom certificate, `{auto: true}`, or `{force}`. */
  setSsl(
    id: string,
    body: { key: string; cert: string; cacerts: string | null } | { auto: true } | { force: boolean },
    what: string,
    ctx: OperationContext,
  ) {
    return this.mutate("POST", `/apps/${uriComponent(id)}/ssl`, body, SslData, what, ctx);
  }
  deleteSsl(id: string, ctx: OperationContext) {
    return this.mutate("DELETE", `/apps/${uriComponent(id)}/ssl`, undefined, z.unknown(), `remove SSL from app ${id}`, ctx);
  }

  listDatabases(ctx: OperationContext) {
    return this.list("/dbs", DatabaseData, ctx);
  }
  getDatabase(id: string, ctx: OperationContext) {
    return this.get(`/dbs/${uriComponent(id)}`, DatabaseData, ctx);
  }
  createDatabase(body: { appid: string; name: string; user: { name: string; password: string } }, ctx: OperationContext, accepted: Accepted) {
    return this.send("POST", "/dbs", body, DatabaseData, `create database ${body.name}`, ctx, accepted);
  }
  updateDatabasePassword(id: string, user: { id: string; password: string }, ctx: OperationContext) {
    return this.mutate("POST", `/dbs/${uriComponent(id)}`, { user }, DatabaseData, `change the password of database ${id}`, ctx);
  }
  deleteDatabase(id: string, ctx: OperationContext) {
    return this.remove(`/dbs/${uriComponent(id)}`, `delete database ${id}`, ctx);
  }

  /** Waits until the action leaves `open`; an `error` status fails naming the action id. */
  async waitForAction(actionId: string, what: string, ctx: OperationContext): Promise<void> {
    await followJob(
      {
        what: `ServerPilot action ${actionId} (${what})`,
        jobId: actionId,
        poll: async (pollCtx) => {
          const response = await this.http.get(`/actions/${uriComponent(actionId)}`, {}, pollCtx);
          const action = parseEnvelope(ActionData, response.body, `GET /actions/${actionId}`).data;
          if (action.status === "error") return { state: "failed", status: "error", detail: "see the action in the ServerPilot dashboard" };
          return action.status === "success" ? { state: "succeeded", value: undefined } : { state: "running", status: action.status };
        },
      },
      ctx,
    );
  }

  private async list<T extends z.ZodType>(path: string, item: T, ctx: OperationContext): Promise<z.infer<T>[]> {
    const response = await this.http.get(path, {}, ctx);
    return parseEnvelope(z.array(item), response.body, `GET ${path}`).data;
  }

  /** undefined when the API answers 404. */
  private async get<T extends z.ZodType>(path: string, schema: T, ctx: OperationContext): Promise<z.infer<T> | undefined> {
    const response = await this.http.get(path, { expect404: true }, ctx);
    if (response.status === 404) return undefined;
    return parseEnvelope(schema, response.body, `GET ${path}`).data;
  }

  /**
   * A modifying call, without waiting for its action. Creates use it: once the API has answered,
   * the resource exists and its id must be recorded even if the action then fails.
   */
  private async send<T extends z.ZodType>(
    method: "POST" | "DELETE",
    path: string,
    body: unknown,
    schema: T,
    what: string,
    ctx: OperationContext,
    accepted?: Accepted,
  ): Promise<{ data: z.infer<T>; what: string; actionId?: string }> {
    const response = await this.http.request({ method, path, body }, ctx);
    const id = accepted && idIn(response.body);
    if (id) accepted!(id);
    const parsed = parseEnvelope(schema, response.body ?? {}, `${method} ${path} (${what})`);
    return { data: parsed.data, what, actionId: parsed.actionid };
  }

  /** A modifying call that returns once its action has succeeded. */
  private async mutate<T extends z.ZodType>(
    method: "POST" | "DELETE",
    path: string,
    body: unknown,
    schema: T,
    what: string,
    ctx: OperationContext,
  ): Promise<{ data: z.infer<T> }> {
    const sent = await this.send(method, path, body, schema, what, ctx);
    await this.settle(sent, ctx);
    return sent;
  }

  /** Waits for the action of a call made with `send`, if it started one. */
  async settle(sent: { what: string; actionId?: string }, ctx: OperationContext): Promise<void> {
    if (sent.actionId) await this.waitForAction(sent.actionId, sent.what, ctx);
  }

  /** Deletes, waits for the action, and returns once the API no longer knows the id. */
  private async remove(path: string, what: string, ctx: OperationContext): Promise<void> {
    const response = await this.http.request({ method: "DELETE", path, expect404: true }, ctx);
    if (response.status === 404) return;
    const actionId = (response.body as { actionid?: string } | undefined)?.actionid;
    if (actionId) await this.waitForAction(actionId, what, ctx);
    await waitUntilGone(
      {
        what: `ServerPilot to forget ${path} (${what})`,
        exists: async (pollCtx) => (await this.http.get(path, { expect404: true }, pollCtx)).status !== 404,
      },
      ctx,
    );
  }
}
