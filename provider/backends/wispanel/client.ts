import { z } from "zod";
import type { HttpClient, OperationContext } from "../../http/client";
import { secrets } from "../../http/redact";
import { parseAnswer, parseCreatedAnswer, topLevelId } from "../../kit/parse";
import { refusalsAsInputErrors, type FieldNames } from "./errors";
import { uriComponent } from "../../http/url";

// Typed calls to WisPanel's databases API (/api/v1/databases). Answers are parsed at the
// boundary, so a changed API fails naming the call and the field. A database's id is its full
// name (john_mydb); names and users are sent unprefixed and come back prefixed by the owner.

export const DatabaseData = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  user: z.string(),
  owner: z.string(),
  domain: z.string().nullish(),
  remote_access: z.boolean().nullish(),
  remote_host: z.string().nullish(),
  size_kb: z.number().nullish(),
  created_at: z.string().nullish(),
});
export type DatabaseData = z.infer<typeof DatabaseData>;

/** The create's answer: the prefixed names and the owner, not yet the rest. */
const CreatedData = DatabaseData.pick({ id: true, name: true, user: true, owner: true, created_at: true });

const LoginData = z.object({ url: z.string().min(1), token: z.string().nullish() });
export type LoginData = z.infer<typeof LoginData>;

/** How the inputs are named in WisPanel's bodies and messages. */
export const DATABASE_FIELDS: FieldNames = {
  name: { field: "name", words: /database name|invalid database|database already exists|name field/i },
  user: { field: "user", words: /\buser(name)?\b/i },
  password: { field: "password", words: /password/i },
  domain: { field: "domain", words: /domain/i },
  remoteAccess: { field: "remote_access", words: /remote access|remote_access/i },
  remoteHost: { field: "remote_host", words: /remote host|remote_host/i },
};

const path = (id: string) => `/databases/${uriComponent(id)}`;

export class WisPanelClient {
  constructor(private readonly http: HttpClient) {}

  async listDatabases(ctx: OperationContext): Promise<DatabaseData[]> {
    const response = await this.http.get("/databases", {}, ctx);
    return parseAnswer(z.array(DatabaseData), response.body ?? [], "WisPanel API GET /api/v1/databases");
  }

  /** undefined when the API answers 404. */
  async getDatabase(id: string, ctx: OperationContext): Promise<DatabaseData | undefined> {
    const response = await this.http.get(path(id), { expect404: true }, ctx);
    if (response.status === 404) return undefined;
    return parseAnswer(DatabaseData, response.body, `WisPanel API GET /api/v1${path(id)}`);
  }

  /**
   * Sent once (a POST is never repeated but after a 429 or a refused connection). `accepted` hears
   * the id before the rest of the answer is parsed, so a malformed answer cannot lose it.
   */
  async createDatabase(
    body: { name: string; user: string; password: string; domain?: string },
    ctx: OperationContext,
    accepted: (id: string) => void,
  ): Promise<z.infer<typeof CreatedData>> {
    const response = await refusalsAsInputErrors(DATABASE_FIELDS, () => this.http.post("/databases", body, {}, ctx));
    return parseCreatedAnswer(CreatedData, response.body, `WisPanel API POST /api/v1/databases (create database ${body.name})`, topLevelId, accepted);
  }

  async updateDatabase(id: string, body: { remote_access: boolean; remote_host: string }, ctx: OperationContext): Promise<void> {
    await refusalsAsInputErrors(DATABASE_FIELDS, () => this.http.put(path(id), body, {}, ctx));
  }

  async resetPassword(id: string, password: string, ctx: OperationContext): Promise<void> {
    // Not repeated on a timeout: the panel may have changed it; the next `up` sets it again.
    await refusalsAsInputErrors(DATABASE_FIELDS, () => this.http.post(`${path(id)}/reset-password`, { password }, {}, ctx));
  }

  /** Drops the database and its user; false when it was already gone. */
  async deleteDatabase(id: string, ctx: OperationContext): Promise<boolean> {
    return (await this.http.delete(path(id), { expect404: true }, ctx)).status !== 404;
  }

  /** A single-use phpMyAdmin login; the URL and token are masked in every message from now on. */
  async phpMyAdminLogin(id: string, ctx: OperationContext): Promise<LoginData> {
    const response = await this.http.post(`${path(id)}/phpmyadmin`, undefined, {}, ctx);
    const login = parseAnswer(LoginData, response.body, `WisPanel API POST /api/v1${path(id)}/phpmyadmin`);
    secrets.add(login.url);
    if (login.token) secrets.add(login.token);
    return login;
  }
}
