// The routes of ServerPilot API v1 and their business rules: references,
// per-server uniqueness (409), the limits FACTS.md gives (400), cascading
// deletes, SSL state rules and actions. Changes are visible in the store as
// soon as the call returns, as with the real API; the action only says when
// the server itself has caught up.
import { randomBytes } from "node:crypto";
import { ApiError, badRequest, conflict, notFound } from "./serverpilot-errors";
import type { ActionTracker } from "./serverpilot-actions";
import type { DatabaseEngine } from "./serverpilot-real-databases";
import {
  actionView,
  appDetailView,
  appView,
  autosslDomains,
  dbView,
  newId,
  randomAlphanumeric,
  serverView,
  sslView,
  sysuserView,
  unixSeconds,
  type AppRecord,
  type DbRecord,
  type SandboxStore,
  type ServerRecord,
  type SslRecord,
  type SysuserRecord,
} from "./serverpilot-records";
import {
  parseAppCreate,
  parseAppUpdate,
  parseDbCreate,
  parseDbUpdate,
  parseServerCreate,
  parseServerUpdate,
  parseSslRequest,
  parseSysuserCreate,
  parseSysuserUpdate,
  type JsonObject,
} from "./serverpilot-validation";

// Limits of the real service (FACTS.md); the document does not mention them.
export const MAX_SYSUSERS_PER_SERVER = 1000;
export const MAX_APPS_PER_SYSUSER = 1000;
export const MAX_DBS_PER_APP = 1000;

/** Every new server has this system user, and it cannot be deleted. */
export const DEFAULT_SYSUSER = "serverpilot";

/** Where a server "connects from" once its create action has completed. */
const CONNECTED_ADDRESS = "127.0.0.1";

export interface EmulatorState {
  store: SandboxStore;
  actions: ActionTracker;
  databases: DatabaseEngine;
  paidPlan: boolean;
}

export type HttpMethod = "GET" | "POST" | "DELETE";

export interface Route {
  method: HttpMethod;
  /** Matched against the path without query; capture groups are the ids. */
  pattern: RegExp;
  handle(params: string[], body: JsonObject): Promise<unknown>;
}

function lookup<T>(map: Map<string, T>, id: string, what: string): T {
  const record = map.get(id);
  if (record === undefined) throw notFound(`${what} "${id}" not found.`);
  return record;
}

/** A reference in a request body to a resource that does not exist: 404 naming the field. */
function lookupReference<T>(map: Map<string, T>, id: string, field: string, what: string): T {
  const record = map.get(id);
  if (record === undefined) throw notFound(`"${field}": ${what} "${id}" not found.`);
  return record;
}

function placeholderPem(label: string): string {
  return `-----BEGIN ${label}-----\n${randomBytes(48).toString("base64")}\n-----END ${label}-----`;
}

/** What AutoSSL installs: not real key material, but shaped like it. */
function autoSslCertificate(): SslRecord {
  return {
    key: placeholderPem("PRIVATE KEY"),
    cert: placeholderPem("CERTIFICATE"),
    cacerts: placeholderPem("CERTIFICATE"),
    auto: true,
    force: false,
  };
}

export function buildRoutes(state: EmulatorState): Route[] {
  const { store, actions, databases } = state;
  const valuesOf = <T>(map: Map<string, T>) => [...map.values()];

  // ---- cascading removal (children first, each db also in MariaDB) ----------

  async function removeDb(db: DbRecord): Promise<void> {
    await databases.drop(db.name, db.user.name);
    store.dbs.delete(db.id);
  }

  async function removeApp(app: AppRecord): Promise<void> {
    for (const db of valuesOf(store.dbs).filter((d) => d.appid === app.id)) await removeDb(db);
    store.apps.delete(app.id);
  }

  async function removeSysuser(sysuser: SysuserRecord): Promise<void> {
    for (const app of valuesOf(store.apps).filter((a) => a.sysuserid === sysuser.id)) await removeApp(app);
    store.sysusers.delete(sysuser.id);
  }

  async function removeServer(server: ServerRecord): Promise<void> {
    for (const sysuser of valuesOf(store.sysusers).filter((s) => s.serverid === server.id)) await removeSysuser(sysuser);
    // Records a test put in the store out of band may not hang off a sysuser.
    for (const app of valuesOf(store.apps).filter((a) => a.serverid === server.id)) await removeApp(app);
    for (const db of valuesOf(store.dbs).filter((d) => d.serverid === server.id)) await removeDb(db);
    store.servers.delete(server.id);
  }

  // ---- servers ----------------------------------------------------------------

  const servers: Route[] = [
    {
      method: "GET",
      pattern: /^\/v1\/servers$/,
      handle: async () => ({ data: valuesOf(store.servers).map(serverView) }),
    },
    {
      method: "POST",
      pattern: /^\/v1\/servers$/,
      handle: async (_params, body) => {
        const { name } = parseServerCreate(body);
        const server: ServerRecord = {
          id: newId(),
          name,
          autoupdates: true,
          firewall: true,
          deny_unknown_domains: true,
          lastaddress: null,
          lastconn: null,
          datecreated: unixSeconds(),
          apikey: randomAlphanumeric(43),
        };
        store.servers.set(server.id, server);
        const sysuser: SysuserRecord = { id: newId(), name: DEFAULT_SYSUSER, serverid: server.id, password: null };
        store.sysusers.set(sysuser.id, sysuser);
        // The emulated installer "runs" during the action; the server then reports in.
        const actionid = actions.start(server.id, () => {
          if (!store.servers.has(server.id)) return;
          server.lastaddress = CONNECTED_ADDRESS;
          server.lastconn = unixSeconds();
        });
        // The server's own API key is shown only here, never again.
        return { actionid, data: { ...serverView(server), apikey: server.apikey } };
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/servers\/([^/]+)$/,
      handle: async ([id]) => ({ data: serverView(lookup(store.servers, id, "Server")) }),
    },
    {
      method: "POST",
      pattern: /^\/v1\/servers\/([^/]+)$/,
      handle: async ([id], body) => {
        const server = lookup(store.servers, id, "Server");
        Object.assign(server, parseServerUpdate(body));
        const actionid = actions.start(server.id);
        return { actionid, data: serverView(server) };
      },
    },
    {
      method: "DELETE",
      pattern: /^\/v1\/servers\/([^/]+)$/,
      handle: async ([id]) => {
        await removeServer(lookup(store.servers, id, "Server"));
        // As the document shows: no actionid. Forgetting a server needs no work on it.
        return { data: {} };
      },
    },
  ];

  // ---- system users -------------------------------------------------------------

  const sysusers: Route[] = [
    {
      method: "GET",
      pattern: /^\/v1\/sysusers$/,
      handle: async () => ({ data: valuesOf(store.sysusers).map(sysuserView) }),
    },
    {
      method: "POST",
      pattern: /^\/v1\/sysusers$/,
      handle: async (_params, body) => {
        const input = parseSysuserCreate(body);
        const server = lookupReference(store.servers, input.serverid, "serverid", "Server");
        const onServer = valuesOf(store.sysusers).filter((s) => s.serverid === server.id);
        if (onServer.length >= MAX_SYSUSERS_PER_SERVER) {
          throw badRequest(`"serverid": server "${server.id}" already has the maximum of ${MAX_SYSUSERS_PER_SERVER} system users.`);
        }
        if (onServer.some((s) => s.name === input.name)) {
          throw conflict(`"name": a system user named "${input.name}" already exists on server "${server.id}".`);
        }
        const sysuser: SysuserRecord = { id: newId(), name: input.name, serverid: server.id, password: input.password };
        store.sysusers.set(sysuser.id, sysuser);
        return { actionid: actions.start(server.id), data: sysuserView(sysuser) };
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/sysusers\/([^/]+)$/,
      handle: async ([id]) => ({ data: sysuserView(lookup(store.sysusers, id, "System user")) }),
    },
    {
      method: "POST",
      pattern: /^\/v1\/sysusers\/([^/]+)$/,
      handle: async ([id], body) => {
        const sysuser = lookup(store.sysusers, id, "System user");
        sysuser.password = parseSysuserUpdate(body).password;
        return { actionid: actions.start(sysuser.serverid), data: sysuserView(sysuser) };
      },
    },
    {
      method: "DELETE",
      pattern: /^\/v1\/sysusers\/([^/]+)$/,
      handle: async ([id]) => {
        const sysuser = lookup(store.sysusers, id, "System user");
        // The document's 403 is "trying to alter or delete protected resources"; the
        // default user every server is managed through is the obvious one.
        if (sysuser.name === DEFAULT_SYSUSER) {
          throw new ApiError(403, `The default "${DEFAULT_SYSUSER}" system user cannot be deleted.`);
        }
        await removeSysuser(sysuser);
        return { actionid: actions.start(sysuser.serverid), data: {} };
      },
    },
  ];

  // ---- apps -------------------------------------------------------------------------

  const apps: Route[] = [
    {
      method: "GET",
      pattern: /^\/v1\/apps$/,
      handle: async () => ({ data: valuesOf(store.apps).map(appView) }),
    },
    {
      method: "POST",
      pattern: /^\/v1\/apps$/,
      handle: async (_params, body) => {
        const input = parseAppCreate(body);
        const sysuser = lookupReference(store.sysusers, input.sysuserid, "sysuserid", "System user");
        const ofSysuser = valuesOf(store.apps).filter((a) => a.sysuserid === sysuser.id);
        if (ofSysuser.length >= MAX_APPS_PER_SYSUSER) {
          throw badRequest(`"sysuserid": system user "${sysuser.id}" already has the maximum of ${MAX_APPS_PER_SYSUSER} apps.`);
        }
        if (valuesOf(store.apps).some((a) => a.serverid === sysuser.serverid && a.name === input.name)) {
          throw conflict(`"name": an app named "${input.name}" already exists on server "${sysuser.serverid}".`);
        }
        const app: AppRecord = {
          id: newId(),
          datecreated: unixSeconds(),
          name: input.name,
          sysuserid: sysuser.id,
          serverid: sysuser.serverid,
          runtime: input.runtime,
          domains: input.domains,
          ssl: null,
          wordpress: input.wordpress,
        };
        store.apps.set(app.id, app);
        return { actionid: actions.start(app.serverid), data: appView(app) };
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/apps\/([^/]+)$/,
      handle: async ([id]) => ({ data: appDetailView(lookup(store.apps, id, "App"), state.paidPlan) }),
    },
    {
      method: "POST",
      pattern: /^\/v1\/apps\/([^/]+)$/,
      handle: async ([id], body) => {
        const app = lookup(store.apps, id, "App");
        const update = parseAppUpdate(body);
        if (update.runtime !== undefined) app.runtime = update.runtime;
        if (update.domains !== undefined) app.domains = update.domains;
        return { actionid: actions.start(app.serverid), data: appView(app) };
      },
    },
    {
      method: "DELETE",
      pattern: /^\/v1\/apps\/([^/]+)$/,
      handle: async ([id]) => {
        const app = lookup(store.apps, id, "App");
        await removeApp(app);
        return { actionid: actions.start(app.serverid), data: {} };
      },
    },
    {
      method: "POST",
      pattern: /^\/v1\/apps\/([^/]+)\/ssl$/,
      handle: async ([id], body) => {
        const app = lookup(store.apps, id, "App");
        const request = parseSslRequest(body);
        switch (request.kind) {
          case "custom": {
            if (app.ssl?.auto) {
              throw conflict(
                `"key": a custom SSL certificate cannot be added while AutoSSL is enabled; ` +
                  `disable AutoSSL first (DELETE /apps/${app.id}/ssl).`,
              );
            }
            // Replacing a custom certificate keeps ForceSSL as it was.
            app.ssl = { key: request.key, cert: request.cert, cacerts: request.cacerts, auto: false, force: app.ssl?.force ?? false };
            // As the document shows, this answer carries the certificate only.
            return {
              actionid: actions.start(app.serverid),
              data: { key: app.ssl.key, cert: app.ssl.cert, cacerts: app.ssl.cacerts },
            };
          }
          case "auto": {
            if (!state.paidPlan) {
              throw new ApiError(402, `"auto": AutoSSL is restricted to accounts on a paid plan.`);
            }
            if (app.ssl && !app.ssl.auto) {
              throw conflict(
                `"auto": AutoSSL cannot be enabled while the app has a custom SSL certificate; ` +
                  `delete it first (DELETE /apps/${app.id}/ssl).`,
              );
            }
            if (autosslDomains(app).length === 0) {
              throw conflict(`"auto": AutoSSL is not available for app "${app.id}": it has no domain a certificate can cover.`);
            }
            // Enabling AutoSSL when it is already on changes nothing.
            app.ssl ??= autoSslCertificate();
            return { actionid: actions.start(app.serverid), data: sslView(app.ssl) };
          }
          case "force": {
            if (!app.ssl) {
              throw conflict(`"force": ForceSSL can only be changed when app "${app.id}" has SSL enabled.`);
            }
            app.ssl.force = request.force;
            return { actionid: actions.start(app.serverid), data: sslView(app.ssl) };
          }
        }
      },
    },
    {
      method: "DELETE",
      pattern: /^\/v1\/apps\/([^/]+)\/ssl$/,
      handle: async ([id]) => {
        const app = lookup(store.apps, id, "App");
        // Not documented; a missing sub-resource is answered like any missing resource.
        if (!app.ssl) throw notFound(`App "${app.id}" has no SSL to delete.`);
        // Removing SSL also turns ForceSSL off: there is nothing left to force.
        app.ssl = null;
        return { actionid: actions.start(app.serverid), data: {} };
      },
    },
  ];

  // ---- databases ------------------------------------------------------------------------

  const dbs: Route[] = [
    {
      method: "GET",
      pattern: /^\/v1\/dbs$/,
      handle: async () => ({ data: valuesOf(store.dbs).map(dbView) }),
    },
    {
      method: "POST",
      pattern: /^\/v1\/dbs$/,
      handle: async (_params, body) => {
        const input = parseDbCreate(body);
        const app = lookupReference(store.apps, input.appid, "appid", "App");
        const onServer = valuesOf(store.dbs).filter((d) => d.serverid === app.serverid);
        if (onServer.filter((d) => d.appid === app.id).length >= MAX_DBS_PER_APP) {
          throw badRequest(`"appid": app "${app.id}" already has the maximum of ${MAX_DBS_PER_APP} databases.`);
        }
        if (onServer.some((d) => d.name === input.name)) {
          throw conflict(`"name": a database named "${input.name}" already exists on server "${app.serverid}".`);
        }
        if (onServer.some((d) => d.user.name === input.user.name)) {
          throw conflict(`"user.name": a database user named "${input.user.name}" already exists on server "${app.serverid}".`);
        }
        await databases.create(input.name, input.user.name, input.user.password);
        const db: DbRecord = {
          id: newId(),
          name: input.name,
          appid: app.id,
          serverid: app.serverid,
          user: { id: newId(), name: input.user.name, password: input.user.password },
        };
        store.dbs.set(db.id, db);
        return { actionid: actions.start(db.serverid), data: dbView(db) };
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/dbs\/([^/]+)$/,
      handle: async ([id]) => ({ data: dbView(lookup(store.dbs, id, "Database")) }),
    },
    {
      method: "POST",
      pattern: /^\/v1\/dbs\/([^/]+)$/,
      handle: async ([id], body) => {
        const db = lookup(store.dbs, id, "Database");
        const { user } = parseDbUpdate(body);
        if (user.id !== db.user.id) {
          throw badRequest(`"user.id": "${user.id}" is not the user of database "${db.id}" (its user id is "${db.user.id}").`);
        }
        await databases.setPassword(db.user.name, user.password);
        db.user.password = user.password;
        return { actionid: actions.start(db.serverid), data: dbView(db) };
      },
    },
    {
      method: "DELETE",
      pattern: /^\/v1\/dbs\/([^/]+)$/,
      handle: async ([id]) => {
        const db = lookup(store.dbs, id, "Database");
        await removeDb(db);
        return { actionid: actions.start(db.serverid), data: {} };
      },
    },
  ];

  // ---- actions ----------------------------------------------------------------------------

  const actionRoutes: Route[] = [
    {
      method: "GET",
      pattern: /^\/v1\/actions\/([^/]+)$/,
      handle: async ([id]) => ({ data: actionView(lookup(store.actions, id, "Action")) }),
    },
  ];

  return [...servers, ...sysusers, ...apps, ...dbs, ...actionRoutes];
}
