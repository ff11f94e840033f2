// What the emulator stores per resource, and how each resource is shown in API
// responses. Stored records may carry more than the API shows (the server's
// apikey, passwords); the views decide what leaves the emulator.
import { randomInt } from "node:crypto";

export type ActionStatus = "open" | "success" | "error";

export interface ServerRecord {
  id: string;
  name: string;
  autoupdates: boolean;
  firewall: boolean;
  deny_unknown_domains: boolean;
  lastaddress: string | null;
  lastconn: number | null;
  datecreated: number;
  /** Only shown in the create response, as the real API does. */
  apikey: string;
  /**
   * The PHP runtimes apps on this server may use, shown as `available_runtimes`.
   * Null or absent: document mode, no such key and any phpX.Y accepted.
   */
  available_runtimes?: string[] | null;
}

export interface SysuserRecord {
  id: string;
  name: string;
  serverid: string;
  /** Never shown by the API; kept so tests can check what the provider sent. */
  password: string | null;
}

export interface SslRecord {
  key: string;
  cert: string;
  cacerts: string | null;
  auto: boolean;
  force: boolean;
}

export interface WordpressRecord {
  site_title: string;
  admin_user: string;
  admin_password: string;
  admin_email: string;
}

export interface AppRecord {
  id: string;
  datecreated: number;
  name: string;
  sysuserid: string;
  serverid: string;
  runtime: string;
  /** Already normalised (lowercase, sorted): what the API returns. */
  domains: string[];
  ssl: SslRecord | null;
  /** Never shown by the API. */
  wordpress: WordpressRecord | null;
  /**
   * When (ms since the epoch) the AutoSSL certificate for the current domains
   * is issued; absent (a record put in out of band): already issued.
   */
  autosslReadyAt?: number;
}

export interface DbRecord {
  id: string;
  name: string;
  appid: string;
  serverid: string;
  /** The password is never shown by the API. */
  user: { id: string; name: string; password: string };
}

export interface ActionRecord {
  id: string;
  serverid: string;
  status: ActionStatus;
  datecreated: number;
}

export interface SandboxStore {
  servers: Map<string, ServerRecord>;
  sysusers: Map<string, SysuserRecord>;
  apps: Map<string, AppRecord>;
  dbs: Map<string, DbRecord>;
  actions: Map<string, ActionRecord>;
}

export function emptyStore(): SandboxStore {
  return { servers: new Map(), sysusers: new Map(), apps: new Map(), dbs: new Map(), actions: new Map() };
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function randomAlphanumeric(length: number): string {
  let result = "";
  for (let i = 0; i < length; i++) result += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return result;
}

/** Resource and action ids look like the document's: 16 alphanumeric characters. */
export const newId = () => randomAlphanumeric(16);

export const unixSeconds = () => Math.floor(Date.now() / 1000);

export function serverView(server: ServerRecord) {
  return {
    id: server.id,
    name: server.name,
    autoupdates: server.autoupdates,
    firewall: server.firewall,
    deny_unknown_domains: server.deny_unknown_domains,
    lastaddress: server.lastaddress,
    lastconn: server.lastconn,
    datecreated: server.datecreated,
    ...(server.available_runtimes ? { available_runtimes: [...server.available_runtimes] } : {}),
  };
}

export function sysuserView(sysuser: SysuserRecord) {
  return { id: sysuser.id, name: sysuser.name, serverid: sysuser.serverid };
}

export function sslView(ssl: SslRecord) {
  return { key: ssl.key, cert: ssl.cert, cacerts: ssl.cacerts, auto: ssl.auto, force: ssl.force };
}

/** The app as the list, create and update calls show it: no `autossl` key. */
export function appView(app: AppRecord) {
  return {
    id: app.id,
    datecreated: app.datecreated,
    name: app.name,
    sysuserid: app.sysuserid,
    domains: [...app.domains],
    ssl: app.ssl ? sslView(app.ssl) : null,
    serverid: app.serverid,
    runtime: app.runtime,
  };
}

/**
 * Domains an AutoSSL certificate can cover. The real service issues Let's Encrypt
 * certificates through HTTP validation, which cannot cover wildcard names; so,
 * as in the document's example, the certificate's list may be shorter than the
 * app's.
 */
export function autosslDomains(app: AppRecord): string[] {
  return app.domains.filter((domain) => !domain.startsWith("*."));
}

/**
 * Whether an AutoSSL certificate is there to enable: the app has domains it can
 * cover, and the certificate for them has been issued, which in practice takes
 * a while after the domains were set (FACTS.md), not no time at all.
 */
export function autosslAvailable(app: AppRecord, now = Date.now()): boolean {
  return autosslDomains(app).length > 0 && (app.autosslReadyAt ?? 0) <= now;
}

/** The app as GET /apps/:id shows it: `autossl` only on a paid plan, `domains` only when available. */
export function appDetailView(app: AppRecord, paidPlan: boolean) {
  const { serverid, runtime, ...rest } = appView(app);
  if (!paidPlan) return { ...rest, serverid, runtime };
  const autossl = autosslAvailable(app) ? { available: true, domains: autosslDomains(app) } : { available: false };
  return { ...rest, autossl, serverid, runtime };
}

export function dbView(db: DbRecord) {
  return {
    id: db.id,
    name: db.name,
    appid: db.appid,
    serverid: db.serverid,
    user: { id: db.user.id, name: db.user.name },
  };
}

export function actionView(action: ActionRecord) {
  return { id: action.id, serverid: action.serverid, status: action.status, datecreated: action.datecreated };
}
