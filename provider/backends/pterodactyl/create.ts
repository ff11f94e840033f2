import { NetworkError, RequestTimeoutError, ServerError } from "../../http/errors";
import type { ResourceContext } from "../../kit/context";
import { InputError } from "../../kit/errors";
import type { CreateDatabaseBody, DatabaseData, PterodactylClient } from "./client";
import { databaseIdOf } from "./ids";
import { storedName } from "./rules";

// A create is sent once (a POST is never repeated). Where its answer was lost (the connection
// broke, it timed out, or the panel failed after making the database), the server's list says
// whether the database was made: one made since just before the POST is this resource, so it
// is neither leaked nor made twice. A name already taken is refused with the id to import.

const IMPORT = "pulumi import hosting:pterodactyl:ServerDatabase <name>";
/** How much older than the POST a database found after a lost answer may look (clocks differ). */
const CLOCK_TOLERANCE_MS = 10 * 60_000;

async function findByName(ctx: ResourceContext<PterodactylClient>, serverId: number, name: string): Promise<DatabaseData | undefined> {
  try {
    return (await ctx.client.listDatabases(serverId, ctx)).find((d) => d.database === name);
  } catch {
    return undefined; // the original error says more than this one
  }
}

const isTakenRefusal = (error: unknown): error is InputError =>
  error instanceof InputError && error.failures.some((f) => f.property === "database" && /already|taken/i.test(f.reason));

function madeSince(data: DatabaseData, startedMs: number): boolean {
  const created = data.createdAt === undefined ? NaN : Date.parse(data.createdAt);
  return Number.isNaN(created) || created >= startedMs - CLOCK_TOLERANCE_MS;
}

export async function createDatabaseOnce(
  ctx: ResourceContext<PterodactylClient>,
  serverId: number,
  body: CreateDatabaseBody,
  accepted: (databaseId: number) => void,
): Promise<DatabaseData> {
  const name = storedName(serverId, body.database);
  const started = Date.now();
  try {
    return await ctx.client.createDatabase(serverId, body, ctx, accepted);
  } catch (error) {
    if (isTakenRefusal(error)) {
      const existing = await findByName(ctx, serverId, name);
      if (!existing) throw error;
      const hint = ` ${name} is database ${databaseIdOf(serverId, existing.id)}; to manage it here, run \`${IMPORT} ${databaseIdOf(serverId, existing.id)}\`.`;
      throw new InputError(error.failures.map((f) => (f.property === "database" ? { ...f, reason: `${f.reason}${hint}` } : f)));
    }
    if (!(error instanceof NetworkError || error instanceof RequestTimeoutError || error instanceof ServerError)) throw error;
    const found = await findByName(ctx, serverId, name);
    if (!found || !madeSince(found, started)) throw error;
    ctx.warn(`the panel's answer to the create was lost (${error.message}), but it had made ${name}: recorded as ${databaseIdOf(serverId, found.id)}`);
    return found;
  }
}
