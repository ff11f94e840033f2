// A DBaaS API emulator for tests, on the sandbox base, as the document (seeds/004) and FACTS.md
// describe it: /api/v1/databases with create, list, get, delete and /credentials; errors
// `{"error":"database not found"}`; Bearer tokens with the scopes databases:read and
// databases:write (a read-only token gets 403 on writes); PATCH for partial updates (not in the
// document: tests use it to change a database out of band); no rate limit. A created database
// is `provisioning` for a configurable time, then `running` with a real instance behind it
// (dbaas-instances.ts), or `error` when a test asks for that outcome. A delete takes a moment
// too: the database is listed until it is gone.
import { randomBytes } from "node:crypto";
import { Chaos, EmulatorError, reply, startEmulator, type ChaosControls, type EmulatorDefinition, type InjectedFault, type ServedRequest } from "./base";
import { Instances, type Credentials, type InstanceBackends } from "./dbaas-instances";
import { positiveInteger, slugOf, validateCreate } from "./dbaas-validation";
import { recordSecret } from "../harness/scan-record";

export type { InjectedFault, ServedRequest };

export interface DatabaseRecord {
  id: string;
  project_id: string;
  name: string;
  slug: string;
  db_type: string;
  version: string;
  plan_id: string;
  status: string;
  region: string;
  storage_gb: number;
  replicas: number;
  created_at: string;
  credentials?: Credentials;
}

export interface DbaasSandboxOptions extends InstanceBackends {
  port?: number;
  /** How long a new database stays `provisioning`; default 300 ms. */
  provisioningMs?: number;
  /** How long a deleted database is still listed; default 100 ms. */
  deleteMs?: number;
}

/** Chaos covers provisioning too: a new database may end in `error` or stay `provisioning` until chaos is off. */
export interface DbaasSandbox extends ChaosControls {
  /** The origin, e.g. "http://127.0.0.1:41234"; the API is under /api/v1. */
  readonly url: string;
  /** Scopes databases:read and databases:write. */
  readonly token: string;
  /** Scope databases:read only. */
  readonly readOnlyToken: string;
  readonly store: Map<string, DatabaseRecord>;
  readonly requests: ServedRequest[];
  readonly instances: Instances;
  injectFault(fault: InjectedFault): void;
  setProvisioningDelay(ms: number): void;
  /** The next database created ends in `error` instead of `running`. */
  failNextProvisioning(): void;
  /** Ends a database's provisioning now (as if its delay had passed). */
  provisionNow(id: string): Promise<void>;
  close(): Promise<void>;
}

type Scope = "databases:read" | "databases:write";

const view = (record: DatabaseRecord) => {
  const { credentials: _hidden, ...shown } = record;
  return shown;
};

export async function startDbaasSandbox(options: DbaasSandboxOptions = {}): Promise<DbaasSandbox> {
  const token = `dbaas_${randomBytes(20).toString("hex")}`;
  const readOnlyToken = `dbaas_${randomBytes(20).toString("hex")}`;
  recordSecret("DBaaS sandbox: its API token", token);
  recordSecret("DBaaS sandbox: its read-only API token", readOnlyToken);
  const scopes = new Map<string, Scope[]>([
    [token, ["databases:read", "databases:write"]],
    [readOnlyToken, ["databases:read"]],
  ]);
  const store = new Map<string, DatabaseRecord>();
  const instances = new Instances(options);
  const timers = new Set<NodeJS.Timeout>();
  /** Instances being created, so a delete drops one only once it exists. */
  const creating = new Map<string, Promise<Credentials>>();
  /** Deleted while provisioning: no instance is made for them. */
  const deleting = new Set<string>();
  let provisioningMs = options.provisioningMs ?? 300;
  const deleteMs = options.deleteMs ?? 100;
  let failNext = false;
  let closed = false;
  // The document enforces no rate limit; a 429 from a proxy in front says Retry-After.
  const chaos = new Chaos();

  const later = (ms: number, run: () => Promise<void>) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (closed) return resolve();
        run().catch(() => undefined).finally(resolve);
      }, ms);
      timers.add(timer);
    });

  /** `provisioning` -> `running` with a real instance behind it, or -> `error`. Runs once. */
  async function provision(id: string, fail: boolean): Promise<void> {
    const record = store.get(id);
    if (!record || deleting.has(id) || record.status !== "provisioning" || creating.has(id)) return;
    if (fail) return void (record.status = "error");
    const made = instances.create(id, record.db_type, record.slug);
    creating.set(id, made);
    try {
      record.credentials = await made;
      if (record.status === "provisioning") record.status = "running";
    } catch {
      record.status = "error";
    } finally {
      creating.delete(id);
    }
  }

  const find = (id: string) => {
    const record = store.get(id);
    if (!record) throw new EmulatorError(404, "database not found");
    return record;
  };

  const definition: EmulatorDefinition<Scope[]> = {
    name: "DBaaS",
    basePath: "/api/v1",
    errorBody: (_status, message) => ({ error: message }),
    authenticate(request) {
      const header = request.headers.authorization ?? "";
      const match = /^Bearer (\S+)$/.exec(header);
      const granted = match ? scopes.get(match[1]) : undefined;
      if (!granted) throw new EmulatorError(401, "unauthorized", { headers: { "WWW-Authenticate": 'Bearer realm="dbaas"' } });
      const needed: Scope = request.method === "GET" || request.method === "HEAD" ? "databases:read" : "databases:write";
      if (!granted.includes(needed)) throw new EmulatorError(403, `forbidden: this token lacks the ${needed} scope`);
      return granted;
    },
    routes: [
      { method: "GET", pattern: /^\/databases\/?$/, handle: () => [...store.values()].map(view) },
      {
        method: "POST",
        pattern: /^\/databases\/?$/,
        handle({ body }) {
          const valid = validateCreate(body);
          const id = `db_${randomBytes(4).toString("hex")}`;
          const record: DatabaseRecord = {
            id,
            project_id: "proj_default",
            ...valid,
            slug: slugOf(valid.name),
            status: "provisioning",
            created_at: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
          };
          store.set(id, record);
          const chaotic = failNext ? "fail" : chaos.asyncOutcome("database", `/api/v1/databases/${id}`);
          failNext = false;
          // A hung database stays `provisioning` until chaos is off, then takes the usual time.
          const start = chaotic === "hang" ? chaos.whenCalm() : Promise.resolve();
          void start.then(() => later(provisioningMs, () => provision(id, chaotic === "fail")));
          return reply(201, { id, name: record.name, db_type: record.db_type, status: record.status, created_at: record.created_at });
        },
      },
      { method: "GET", pattern: /^\/databases\/([^/]+)\/?$/, handle: ({ params }) => view(find(params[0])) },
      {
        method: "PATCH",
        pattern: /^\/databases\/([^/]+)\/?$/,
        handle({ params, body }) {
          const record = find(params[0]);
          const changes = (body ?? {}) as Record<string, unknown>;
          record.storage_gb = positiveInteger(changes, "storage_gb", record.storage_gb)!;
          record.replicas = positiveInteger(changes, "replicas", record.replicas)!;
          if (typeof changes.plan_id === "string" && changes.plan_id) record.plan_id = changes.plan_id;
          if (changes.status === "stopped" || changes.status === "running") record.status = changes.status;
          return view(record);
        },
      },
      {
        method: "DELETE",
        pattern: /^\/databases\/([^/]+)\/?$/,
        handle({ params }) {
          const record = find(params[0]);
          deleting.add(record.id);
          const inFlight = creating.get(record.id)?.catch(() => undefined) ?? Promise.resolve();
          void inFlight.then(() =>
            // Gone from the API only once nothing stands behind it: a delete the provider sees
            // finished must leave no database or user on the server.
            later(deleteMs, async () => {
              await instances.drop(record.id, record.db_type, record.credentials).finally(() => store.delete(record.id));
            }),
          );
          return reply(204);
        },
      },
      {
        method: "GET",
        pattern: /^\/databases\/([^/]+)\/credentials\/?$/,
        handle({ params }) {
          const record = find(params[0]);
          if (!record.credentials || (record.status !== "running" && record.status !== "stopped")) {
            throw new EmulatorError(409, `database is ${record.status}, not running: it has no credentials yet`);
          }
          return record.credentials;
        },
      },
    ],
  };

  const emulator = await startEmulator(definition, { port: options.port, chaos });
  return {
    url: `http://127.0.0.1:${emulator.port}`,
    token,
    readOnlyToken,
    store,
    requests: emulator.requests,
    chaos: emulator.chaos,
    chaosOff: emulator.chaosOff,
    faultLog: emulator.faultLog,
    instances,
    injectFault: (fault) => emulator.injectFault(fault),
    setProvisioningDelay(ms) {
      provisioningMs = ms;
    },
    failNextProvisioning() {
      failNext = true;
    },
    provisionNow: (id) => provision(id, false),
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      await emulator.close();
      await instances.close();
    },
  };
}
