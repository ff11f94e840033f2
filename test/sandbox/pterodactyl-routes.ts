// The document's five database routes, with the rules FACTS.md measured on the real panel
// (name, remote and host validation; s{id}_ prefix cut to 48 characters; u{id}_ users;
// 24-character passwords) and, per mode, the document's answers or the real panel's: a create's
// 200 or 201 + meta.resource, a reset's object or 204, a duplicate's 409 or 400, a 422 without
// or with meta, a list with or without pages.
import { EmulatorError, reply, type Query, type Route } from "./base";
import type { DatabaseEngine } from "./pterodactyl-databases";
import { atomTime, databaseView, generatedPassword, generatedUsername, type DatabaseRecord, type PanelMode, type PanelStore, type ServerRecord } from "./pterodactyl-store";

export interface PanelState {
  mode: PanelMode;
  store: PanelStore;
  databases: DatabaseEngine;
  hostsReadable: boolean;
  /** Document mode: the most items one page holds, whatever per_page asks (at most 100). */
  maxPerPage: number;
  /** Creates still to be answered with a 500 after the database was made (an answer lost). */
  failAfterCreate: number;
  /** The panel's URL, for meta.resource. */
  url: () => string;
}

const NOT_FOUND = "The requested resource could not be found on the server.";
const DATABASE_NAME = /^[A-Za-z0-9_-]{1,48}$/;
const REMOTE = /^[0-9%.]{1,15}$/;
const MAX_STORED_NAME = 48;

export const storedDatabaseName = (serverId: number, name: string) => `s${serverId}_${name}`.slice(0, MAX_STORED_NAME);

/** A panel error: {"errors":[{code, status, detail, meta?}]}; details carry the code and meta. */
export const panelError = (status: number, detail: string, code: string, meta?: object) => new EmulatorError(status, detail, { details: { code, meta } });

interface FieldProblem {
  field: string;
  rule: string;
  detail: string;
}

function validationFailed(mode: PanelMode, problems: FieldProblem[]): EmulatorError {
  const errors = problems.map((p) => ({
    code: "ValidationException",
    status: "422",
    detail: p.detail,
    ...(mode === "panel" ? { meta: { source_field: p.field, rule: p.rule } } : {}),
  }));
  return new EmulatorError(422, problems.map((p) => p.detail).join(" "), { details: { errors } });
}

function includesOf(query: Query): Set<string> {
  const given = query.include;
  const text = Array.isArray(given) ? given.join(",") : (given ?? "");
  return new Set(text.split(",").map((s) => s.trim()).filter(Boolean));
}

function numberParameter(query: Query, name: string, fallback: number): number {
  const given = query[name];
  const text = Array.isArray(given) ? given[0] : given;
  if (text === undefined) return fallback;
  if (!/^\d{1,6}$/.test(text)) throw panelError(422, `The ${name} must be an integer.`, "ValidationException");
  return Number(text);
}

export function panelRoutes(state: PanelState): Route[] {
  const { store, mode } = state;

  /** The real panel takes the numeric id only; the document also names the UUID. */
  function serverOf(given: string): ServerRecord {
    const server = /^\d{1,10}$/.test(given)
      ? store.servers.get(Number(given))
      : mode === "document"
        ? [...store.servers.values()].find((s) => s.uuid === given)
        : undefined;
    if (!server) throw panelError(404, NOT_FOUND, "NotFoundHttpException");
    return server;
  }

  function databaseOf(server: ServerRecord, given: string): DatabaseRecord {
    const db = /^\d{1,10}$/.test(given) ? store.databases.get(Number(given)) : undefined;
    if (!db || db.server !== server.id) throw panelError(404, NOT_FOUND, "NotFoundHttpException");
    return db;
  }

  const show = (db: DatabaseRecord, query: Query, shownAnyway?: ("password" | "host")[]) =>
    databaseView(db, store, { mode, includes: includesOf(query), hostsReadable: state.hostsReadable, shownAnyway });

  function validate(body: unknown): { database: string; remote: string; host: number } {
    const b = (body !== null && typeof body === "object" && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
    const problems: FieldProblem[] = [];
    const { database, remote, host } = b;
    if (database === undefined || database === null || database === "") problems.push({ field: "database", rule: "required", detail: "The database field is required." });
    else if (typeof database !== "string") problems.push({ field: "database", rule: "string", detail: "The database must be a string." });
    else if (database.length > MAX_STORED_NAME) problems.push({ field: "database", rule: "max", detail: "The database may not be greater than 48 characters." });
    else if (!DATABASE_NAME.test(database)) problems.push({ field: "database", rule: "regex", detail: "The database format is invalid." });
    if (remote === undefined || remote === null || remote === "") problems.push({ field: "remote", rule: "required", detail: "The remote field is required." });
    else if (typeof remote !== "string" || !REMOTE.test(remote)) problems.push({ field: "remote", rule: "regex", detail: "The remote format is invalid." });
    if (host === undefined || host === null || host === "") problems.push({ field: "host", rule: "required", detail: "The host field is required." });
    else if (typeof host !== "number" || !Number.isInteger(host)) problems.push({ field: "host", rule: "integer", detail: "The host must be an integer." });
    else if (!store.hosts.has(host)) problems.push({ field: "host", rule: "exists", detail: "The selected host is invalid." });
    if (problems.length > 0) throw validationFailed(mode, problems);
    return { database: database as string, remote: remote as string, host: host as number };
  }

  return [
    {
      // Not in the database document: the panel's server list, paged in both modes as the real
      // panel pages it (its Fractal paginator), with the attributes adoption reads.
      method: "GET",
      pattern: /^\/servers$/,
      handle: ({ query }) => {
        const all = [...store.servers.values()].sort((a, b) => a.id - b.id);
        const size = Math.min(numberParameter(query, "per_page", 50), 100);
        const page = numberParameter(query, "page", 1);
        const data = all.slice((page - 1) * size, page * size).map((s) => ({ object: "server", attributes: { id: s.id, uuid: s.uuid, name: `server ${s.id}` } }));
        const totalPages = Math.max(1, Math.ceil(all.length / size));
        return { object: "list", data, meta: { pagination: { total: all.length, count: data.length, per_page: size, current_page: page, total_pages: totalPages } } };
      },
    },
    {
      method: "GET",
      pattern: /^\/servers\/([^/]+)\/databases$/,
      handle: ({ params, query }) => {
        const server = serverOf(params[0]);
        const all = [...store.databases.values()].filter((d) => d.server === server.id);
        // The real panel sends the whole list whatever page and per_page say.
        if (mode === "panel") return { object: "list", data: all.map((d) => show(d, query)) };
        const perPage = numberParameter(query, "per_page", 50);
        const page = numberParameter(query, "page", 1);
        if (perPage < 1 || perPage > 100) throw validationFailed(mode, [{ field: "per_page", rule: "between", detail: "The per page must be between 1 and 100." }]);
        const size = Math.min(perPage, state.maxPerPage);
        const totalPages = Math.max(1, Math.ceil(all.length / size));
        const data = all.slice((page - 1) * size, page * size).map((d) => show(d, query));
        return {
          object: "list",
          data,
          meta: { pagination: { total: all.length, count: data.length, per_page: size, current_page: page, total_pages: totalPages } },
        };
      },
    },
    {
      method: "GET",
      pattern: /^\/servers\/([^/]+)\/databases\/([^/]+)$/,
      handle: ({ params, query }) => show(databaseOf(serverOf(params[0]), params[1]), query, ["password", "host"]),
    },
    {
      method: "POST",
      pattern: /^\/servers\/([^/]+)\/databases$/,
      handle: async ({ params, body, query }) => {
        const server = serverOf(params[0]);
        const given = validate(body);
        const name = storedDatabaseName(server.id, given.database);
        const existing = [...store.databases.values()].filter((d) => d.server === server.id);
        if (existing.some((d) => d.database === name)) {
          throw mode === "panel"
            ? panelError(400, "A database with that name already exists for this server.", "DuplicateDatabaseNameException")
            : panelError(409, "The database name has already been taken.", "ConflictHttpException");
        }
        if (server.databaseLimit !== null && existing.length >= server.databaseLimit) {
          throw panelError(400, "Operation aborted: creating a new database would put this server over the defined limit.", "TooManyDatabasesException");
        }
        const now = atomTime();
        const db: DatabaseRecord = {
          id: store.nextDatabaseId++,
          server: server.id,
          host: given.host,
          database: name,
          username: generatedUsername(server.id),
          remote: given.remote,
          password: generatedPassword(),
          max_connections: 0,
          created_at: now,
          updated_at: now,
        };
        await state.databases.create(db.database, db.username, db.remote, db.password);
        store.databases.set(db.id, db);
        if (state.failAfterCreate > 0) {
          state.failAfterCreate--;
          throw panelError(500, "An unexpected error was encountered while processing this request, please try again.", "HttpException");
        }
        if (mode === "document") return show(db, query, ["password"]);
        return reply(201, { ...show(db, query), meta: { resource: `${state.url()}/servers/${server.id}/databases/${db.id}` } });
      },
    },
    {
      method: "POST",
      pattern: /^\/servers\/([^/]+)\/databases\/([^/]+)\/reset-password$/,
      handle: async ({ params, query }) => {
        const db = databaseOf(serverOf(params[0]), params[1]);
        const password = generatedPassword();
        await state.databases.setPassword(db.username, db.remote, password);
        db.password = password;
        db.updated_at = atomTime();
        return mode === "document" ? show(db, query, ["password"]) : reply(204);
      },
    },
    {
      method: "DELETE",
      pattern: /^\/servers\/([^/]+)\/databases\/([^/]+)$/,
      handle: async ({ params }) => {
        const db = databaseOf(serverOf(params[0]), params[1]);
        await state.databases.drop(db.database, db.username, db.remote);
        store.databases.delete(db.id);
        return reply(204);
      },
    },
  ];
}
