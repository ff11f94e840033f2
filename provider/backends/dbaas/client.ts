import { z } from "zod";
import type { HttpClient, OperationContext } from "../../http/client";
import { followJob } from "../../http/job";
import { waitUntilGone } from "../../http/wait";
import { refusalsAsInputErrors, type RefusalReading } from "../../kit/refusals";
import { parseAnswer, parseCreatedAnswer, topLevelId } from "../../kit/parse";
import { uriComponent } from "../../http/url";

// Typed calls to the DBaaS API (/api/v1). Answers are parsed with zod at the boundary. Errors are
// `{"error":"database not found"}`; a token lacking the databases:write scope gets 403 on writes.

export const DatabaseStatus = z.enum(["provisioning", "running", "stopped", "error", "destroyed"]);
export type DatabaseStatus = z.infer<typeof DatabaseStatus>;

/** A database as GET /databases and GET /databases/{id} show it. */
export const DatabaseData = z.object({
  id: z.string().min(1),
  project_id: z.string().nullish(),
  name: z.string(),
  slug: z.string().nullish(),
  db_type: z.string(),
  version: z.string().nullish(),
  plan_id: z.string().nullish(),
  status: z.string(),
  region: z.string().nullish(),
  storage_gb: z.number().int().nullish(),
  replicas: z.number().int().nullish(),
  created_at: z.string().nullish(),
});
export type DatabaseData = z.infer<typeof DatabaseData>;

/** POST /databases answers with less: id, name, db_type, status, created_at. */
const CreatedData = DatabaseData.partial().extend({ id: z.string().min(1), status: z.string() });

/** GET /databases/{id}/credentials; a Redis has no username, database or ssl_mode. */
export const CredentialsData = z.object({
  host: z.string(),
  port: z.number().int(),
  username: z.string().nullish(),
  password: z.string(),
  database: z.string().nullish(),
  ssl_mode: z.string().nullish(),
  connection_string: z.string(),
});
export type CredentialsData = z.infer<typeof CredentialsData>;

export interface CreateDatabaseBody {
  name: string;
  db_type: string;
  version?: string;
  plan_id: string;
  region: string;
  storage_gb?: number;
  replicas?: number;
}

/** The API's field -> the resource's input, for refusals that name a field. */
const INPUT_OF_FIELD: Record<string, string> = {
  storage_gb: "storageGb",
  db_type: "dbType",
  plan_id: "planId",
  replicas: "replicas",
  version: "version",
  region: "region",
  name: "name",
};

/** A 400 or 422 naming a field is about that input (Pulumi shows it next to the property). */
const REFUSALS: RefusalReading = {
  inputsOf: (line) => {
    const lower = line.toLowerCase();
    const field = Object.keys(INPUT_OF_FIELD).find((f) => lower.includes(f) || lower.includes(INPUT_OF_FIELD[f].toLowerCase()));
    return field && INPUT_OF_FIELD[field];
  },
};

const path = (id: string) => `/databases/${uriComponent(id)}`;

export class DbaasClient {
  constructor(private readonly http: HttpClient) {}

  async listDatabases(ctx: OperationContext): Promise<DatabaseData[]> {
    const response = await this.http.get("/databases", {}, ctx);
    return parseAnswer(z.array(DatabaseData), response.body, "DBaaS API GET /databases");
  }

  /** undefined when the API answers 404 or reports it destroyed. */
  async getDatabase(id: string, ctx: OperationContext): Promise<DatabaseData | undefined> {
    const response = await this.http.get(path(id), { expect404: true }, ctx);
    if (response.status === 404) return undefined;
    const data = parseAnswer(DatabaseData, response.body, `DBaaS API GET ${path(id)}`);
    return data.status === "destroyed" ? undefined : data;
  }

  /** undefined when the API answers 404 (a database gone meanwhile). */
  async getCredentials(id: string, ctx: OperationContext): Promise<CredentialsData | undefined> {
    const response = await this.http.get(`${path(id)}/credentials`, { expect404: true }, ctx);
    if (response.status === 404) return undefined;
    return parseAnswer(CredentialsData, response.body, `DBaaS API GET ${path(id)}/credentials`);
  }

  /**
   * Creates a database; `accepted` hears its id the moment the API has answered, before the
   * answer is parsed any further, so a malformed answer cannot lose it.
   */
  async createDatabase(body: CreateDatabaseBody, ctx: OperationContext, accepted: (id: string) => void) {
    const response = await refusalsAsInputErrors(REFUSALS, () => this.http.post("/databases", body, {}, ctx));
    return parseCreatedAnswer(CreatedData, response.body, "DBaaS API POST /databases", topLevelId, accepted);
  }

  /** Deletes it and returns once the API no longer knows it; one already gone is fine. */
  async deleteDatabase(id: string, ctx: OperationContext): Promise<void> {
    const response = await this.http.delete(path(id), { expect404: true }, ctx);
    if (response.status === 404) return;
    await waitUntilGone(
      { what: `DBaaS database ${id} to be destroyed`, exists: async (pollCtx) => (await this.getDatabase(id, pollCtx)) !== undefined },
      ctx,
    );
  }

  /**
   * Follows a database from `provisioning` until it is running (or stopped: provisioned, then
   * stopped by someone), with progress lines. `error` fails naming the database; so does one
   * that disappears meanwhile.
   */
  waitUntilProvisioned(id: string, what: string, ctx: OperationContext): Promise<DatabaseData> {
    return followJob(
      {
        what: `DBaaS database ${id} (${what})`,
        jobId: id,
        initialDelayMs: 200,
        maxDelayMs: 3000,
        poll: async (pollCtx) => {
          const data = await this.getDatabase(id, pollCtx);
          if (!data) return { state: "failed", status: "destroyed", detail: "the database no longer exists" };
          if (data.status === "running" || data.status === "stopped") return { state: "succeeded", value: data };
          if (data.status === "error") {
            return { state: "failed", status: "error", detail: "the DBaaS reports a provisioning error, which it cannot repair; the next `pulumi up` replaces the database" };
          }
          return { state: "running", status: data.status };
        },
      },
      ctx,
    );
  }
}
