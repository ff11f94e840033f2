import { z } from "zod";
import type { HttpClient, OperationContext } from "../../http/client";
import { collect, paginate } from "../../http/paginate";
import { secrets } from "../../http/redact";
import { parseAnswer, parseCreatedAnswer } from "../../kit/parse";
import { APPLICATION_API_PATH } from "./api-path";
import { inputErrorOf } from "./errors";

// The Application API's database calls. Answers are parsed at the boundary (kit/parse), in the
// document's shapes and the real panel's (FACTS.md): relationships under `attributes`, a
// password only where it was included, a `host` that may be a null_resource, a reset that
// answers 204 without a body, a list with or without `meta.pagination`.

/** A relationship the key may not read comes as {"object":"null_resource","attributes":null}. */
const passwordRelationship = z
  .object({ object: z.string().optional(), attributes: z.object({ password: z.string() }).nullable().optional() })
  .nullable()
  .optional();

const databaseAttributes = z.object({
  id: z.number().int(),
  server: z.number().int(),
  host: z.number().int(),
  database: z.string(),
  username: z.string(),
  remote: z.string(),
  max_connections: z.number().int().nullable().optional(),
  created_at: z.string().nullable().optional(),
  updated_at: z.string().nullable().optional(),
  relationships: z.object({ password: passwordRelationship, host: z.unknown().optional() }).nullable().optional(),
});

const databaseObject = z.object({ object: z.string().optional(), attributes: databaseAttributes });

// `meta` may be absent, null, or (PHP's empty array) []: only a pagination object in it counts.
const databaseList = z.object({ data: z.array(databaseObject), meta: z.unknown().optional() });
const pagination = z.object({ pagination: z.object({ current_page: z.number().int(), total_pages: z.number().int() }) });

// The server list is not in the database document; the panel's Application API has it, paged
// as its other lists: only the ids are read, to list each server's databases.
const serverList = z.object({ data: z.array(z.object({ attributes: z.object({ id: z.number().int() }) })), meta: z.unknown().optional() });

/** A database as the panel shows it, with its password when the panel included it. */
export interface DatabaseData {
  id: number;
  server: number;
  host: number;
  database: string;
  username: string;
  remote: string;
  maxConnections?: number;
  createdAt?: string;
  updatedAt?: string;
  password?: string;
}

/** The largest page the document allows. */
const PAGE_SIZE = 100;

function databaseData(attributes: z.infer<typeof databaseAttributes>): DatabaseData {
  const password = attributes.relationships?.password?.attributes?.password;
  // Masked from here on: a later error of the same operation may echo it.
  if (password !== undefined) secrets.add(password);
  return {
    id: attributes.id,
    server: attributes.server,
    host: attributes.host,
    database: attributes.database,
    username: attributes.username,
    remote: attributes.remote,
    maxConnections: attributes.max_connections ?? undefined,
    createdAt: attributes.created_at ?? undefined,
    updatedAt: attributes.updated_at ?? undefined,
    password,
  };
}

/** The database id of an answer's `attributes`, when it is one (a positive whole number). */
function attributesId(body: unknown): string | undefined {
  const id = (body as { attributes?: { id?: unknown } } | null | undefined)?.attributes?.id;
  return typeof id === "number" && Number.isSafeInteger(id) && id > 0 ? String(id) : undefined;
}

export interface CreateDatabaseBody {
  database: string;
  remote: string;
  host: number;
}

export class PterodactylClient {
  constructor(readonly http: HttpClient) {}

  private databasesPath(serverId: number): string {
    return `/servers/${serverId}/databases`;
  }

  /** Every database of a server, page after page where the panel pages (the document), in one answer where it does not (the real panel). */
  listDatabases(serverId: number, ctx: OperationContext): Promise<DatabaseData[]> {
    const path = this.databasesPath(serverId);
    return collect(
      paginate<DatabaseData, number>(async (page) => {
        const response = await this.http.get(path, { query: { page: page ?? 1, per_page: PAGE_SIZE, include: "password" } }, ctx);
        const list = parseAnswer(databaseList, response.body, `Pterodactyl API GET ${APPLICATION_API_PATH}${path}`);
        const { current_page: current, total_pages: total } = pagination.safeParse(list.meta).data?.pagination ?? {};
        const next = current !== undefined && total !== undefined && current < total && list.data.length > 0 ? current + 1 : undefined;
        return { items: list.data.map((d) => databaseData(d.attributes)), next };
      }),
    );
  }

  /** The numeric id of every server of the panel, page after page. */
  listServerIds(ctx: OperationContext): Promise<number[]> {
    return collect(
      paginate<number, number>(async (page) => {
        const response = await this.http.get("/servers", { query: { page: page ?? 1, per_page: PAGE_SIZE } }, ctx);
        const list = parseAnswer(serverList, response.body, `Pterodactyl API GET ${APPLICATION_API_PATH}/servers`);
        const { current_page: current, total_pages: total } = pagination.safeParse(list.meta).data?.pagination ?? {};
        const next = current !== undefined && total !== undefined && current < total && list.data.length > 0 ? current + 1 : undefined;
        return { items: list.data.map((s) => s.attributes.id), next };
      }),
    );
  }

  /** undefined when the panel answers 404 (the database or its server is gone). */
  async getDatabase(serverId: number, databaseId: number, ctx: OperationContext): Promise<DatabaseData | undefined> {
    const path = `${this.databasesPath(serverId)}/${databaseId}`;
    const response = await this.http.get(path, { query: { include: "password" }, expect404: true }, ctx);
    if (response.status === 404) return undefined;
    return databaseData(parseAnswer(databaseObject, response.body, `Pterodactyl API GET ${APPLICATION_API_PATH}${path}`).attributes);
  }

  /**
   * Sent once (a POST is never repeated); a refusal naming an input becomes an InputError on it.
   * `accepted` hears the database's id before the rest of the answer is parsed, so a malformed
   * answer cannot lose a database the panel made.
   */
  async createDatabase(serverId: number, body: CreateDatabaseBody, ctx: OperationContext, accepted: (databaseId: number) => void): Promise<DatabaseData> {
    const path = this.databasesPath(serverId);
    let response;
    try {
      response = await this.http.post(path, body, { query: { include: "password" } }, ctx);
    } catch (error) {
      throw inputErrorOf(error);
    }
    const what = `Pterodactyl API POST ${APPLICATION_API_PATH}${path}`;
    return databaseData(parseCreatedAnswer(databaseObject, response.body, what, attributesId, (id) => accepted(Number(id))).attributes);
  }

  /** The new password when the answer carries it (the document); undefined for the real panel's 204. */
  async resetPassword(serverId: number, databaseId: number, ctx: OperationContext): Promise<string | undefined> {
    const path = `${this.databasesPath(serverId)}/${databaseId}/reset-password`;
    const response = await this.http.post(path, undefined, {}, ctx);
    if (response.status === 204 || response.body === undefined || response.body === "") return undefined;
    return databaseData(parseAnswer(databaseObject, response.body, `Pterodactyl API POST ${APPLICATION_API_PATH}${path}`).attributes).password;
  }

  /** false when it was already gone (404), which is not an error. */
  async deleteDatabase(serverId: number, databaseId: number, ctx: OperationContext): Promise<boolean> {
    return (await this.http.delete(`${this.databasesPath(serverId)}/${databaseId}`, { expect404: true }, ctx)).status !== 404;
  }
}
