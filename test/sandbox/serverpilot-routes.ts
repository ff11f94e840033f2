// The routes of ServerPilot API v1 and their business rules: references,
// per-server uniqueness (409), the limits FACTS.md gives (400), cascading
// deletes and actions (apps and SSL are in serverpilot-app-routes.ts). Changes
// are visible in the store as soon as the call returns, as with the real API;
// the action only says when the server itself has caught up.
import type { Route as BaseRoute } from "./base";
import type { ActionTracker } from "./serverpilot-actions";
import { appRoutes } from "./serverpilot-app-routes";
import { recordedSecret } from "../harness/scan-record";
import { cascade } from "./serverpilot-cascade";
import { ApiError, badRequest, conflict, shown } from "./serverpilot-errors";
import type { JsonObject } from "./serverpilot-fields";
import { lookup, lookupReference } from "./serverpilot-lookup";
import type { DatabaseEngine } from "./serverpilot-real-databases";
import {
  actionView,
  dbView,
  newId,
  randomAlphanumeric,
  serverView,
  sysuserView,
  unixSeconds,
  type DbRecord,
  type SandboxStore,
  type ServerRecord,
  type SysuserRecord,
} from "./serverpilot-records";
import {
  parseDbCreate,
  parseDbUpdate,
  parseServerCreate,
  parseServerUpdate,
  parseSysuserCreate,
  parseSysuserUpdate,
} from "./serverpilot-validation";

// Limits of the real service (FACTS.md); the document does not mention them.
export const MAX_SYSUSERS_PER_SERVER = 1000;
export const MAX_DBS_PER_APP = 1000;

/** Every new server has this system user, and it cannot be deleted. */
export const DEFAULT_SYSUSER = "serverpilot";

/** Where a server "connects from" once its create action has completed. */
const CONNECTED_ADDRESS = "127.0.0.1";

/** What the routes share; the sandbox's setters change it while it runs. */
export interface EmulatorState {
  store: SandboxStore;
  actions: ActionTracker;
  databases: DatabaseEngine;
  paidPlan: boolean;
  /** Copied onto each new server; null: document mode. */
  availableRuntimes: readonly string[] | null;
  /** How long after an app gets its domains its AutoSSL certificate is issued. */
  autoSslDelayMs: number;
}

/** A route of the base, with ServerPilot's bodies (always a JSON object) and no principal. */
export type Route = BaseRoute<void, JsonObject>;

export function buildRoutes(state: EmulatorState): Route[] {
  const { store, actions, databases } = state;
  const valuesOf = <T>(map: Map<string, T>) => [...map.values()];
  const { removeDb, removeSysuser, removeServer } = cascade(store, databases);

  // ---- servers ----------------------------------------------------------------

  const servers: Route[] = [
    {
      method: "GET",
      pattern: /^\/servers$/,
      handle: async () => ({ data: valuesOf(store.servers).map(serverView) }),
    },
    {
      method: "POST",
      pattern: /^\/servers$/,
      handle: async ({ body }) => {
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
          apikey: recordedSecret(`ServerPilot sandbox: the apikey of server ${name}`, randomAlphanumeric(43)),
          available_runtimes: state.availableRuntimes ? [...state.availableRuntimes] : null,
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
      pattern: /^\/servers\/([^/]+)$/,
      handle: async ({ params: [id] }) => ({ data: serverView(lookup(store.servers, id, "Server")) }),
    },
    {
      method: "POST",
      pattern: /^\/servers\/([^/]+)$/,
      handle: async ({ params: [id], body }) => {
        const server = lookup(store.servers, id, "Server");
        Object.assign(server, parseServerUpdate(body));
        const actionid = actions.start(server.id);
        return { actionid, data: serverView(server) };
      },
    },
    {
      method: "DELETE",
      pattern: /^\/servers\/([^/]+)$/,
      handle: async ({ params: [id] }) => {
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
      pattern: /^\/sysusers$/,
      handle: async () => ({ data: valuesOf(store.sysusers).map(sysuserView) }),
    },
    {
      method: "POST",
      pattern: /^\/sysusers$/,
      handle: async ({ body }) => {
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
      pattern: /^\/sysusers\/([^/]+)$/,
      handle: async ({ params: [id] }) => ({ data: sysuserView(lookup(store.sysusers, id, "System user")) }),
    },
    {
      method: "POST",
      pattern: /^\/sysusers\/([^/]+)$/,
      handle: async ({ params: [id], body }) => {
        const sysuser = lookup(store.sysusers, id, "System user");
        sysuser.password = parseSysuserUpdate(body).password;
        return { actionid: actions.start(sysuser.serverid), data: sysuserView(sysuser) };
      },
    },
    {
      method: "DELETE",
      pattern: /^\/sysusers\/([^/]+)$/,
      handle: async ({ params: [id] }) => {
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

  // ---- databases ------------------------------------------------------------------------

  const dbs: Route[] = [
    {
      method: "GET",
      pattern: /^\/dbs$/,
      handle: async () => ({ data: valuesOf(store.dbs).map(dbView) }),
    },
    {
      method: "POST",
      pattern: /^\/dbs$/,
      handle: async ({ body }) => {
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
      pattern: /^\/dbs\/([^/]+)$/,
      handle: async ({ params: [id] }) => ({ data: dbView(lookup(store.dbs, id, "Database")) }),
    },
    {
      method: "POST",
      pattern: /^\/dbs\/([^/]+)$/,
      handle: async ({ params: [id], body }) => {
        const db = lookup(store.dbs, id, "Database");
        const { user } = parseDbUpdate(body);
        if (user.id !== db.user.id) {
          throw badRequest(`"user.id": ${shown(user.id)} is not the user of database "${db.id}" (its user id is "${db.user.id}").`);
        }
        await databases.setPassword(db.user.name, user.password);
        db.user.password = user.password;
        return { actionid: actions.start(db.serverid), data: dbView(db) };
      },
    },
    {
      method: "DELETE",
      pattern: /^\/dbs\/([^/]+)$/,
      handle: async ({ params: [id] }) => {
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
      pattern: /^\/actions\/([^/]+)$/,
      handle: async ({ params: [id] }) => ({ data: actionView(lookup(store.actions, id, "Action")) }),
    },
  ];

  return [...servers, ...sysusers, ...appRoutes(state), ...dbs, ...actionRoutes];
}
