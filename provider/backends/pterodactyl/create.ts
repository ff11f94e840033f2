import type { OperationContext } from "../../http/context";
import type { ResourceContext } from "../../kit/context";
import { InputError } from "../../kit/errors";
import { createOnce } from "../../kit/lost-create";
import type { CreateDatabaseBody, DatabaseData, PterodactylClient } from "./client";
import { databaseIdOf } from "./ids";
import { storedName } from "./rules";

// A create is sent once, and one whose answer was lost is found in the server's list
// (kit/lost-create.ts). A name already taken is refused with the id to import.

const IMPORT = "pulumi import hosting:pterodactyl:ServerDatabase <name>";

async function findByName(client: PterodactylClient, look: OperationContext, serverId: number, name: string): Promise<DatabaseData | undefined> {
  try {
    return (await client.listDatabases(serverId, look)).find((d) => d.database === name);
  } catch {
    return undefined; // the original error says more than this one
  }
}

const isTakenRefusal = (error: unknown): error is InputError =>
  error instanceof InputError && error.failures.some((f) => f.property === "database" && /already|taken/i.test(f.reason));

export async function createDatabaseOnce(
  ctx: ResourceContext<PterodactylClient>,
  serverId: number,
  body: CreateDatabaseBody,
  accepted: (databaseId: number) => void,
): Promise<DatabaseData> {
  const name = storedName(serverId, body.database);
  try {
    return await createOnce(ctx, {
      api: "the panel",
      subject: `database ${name} of server ${serverId}`,
      token: "hosting:pterodactyl:ServerDatabase",
      importId: `${serverId}/<database id>`,
      create: () => ctx.client.createDatabase(serverId, body, ctx, accepted),
      candidates: async (look) => {
        const found = await findByName(ctx.client, look, serverId, name);
        return found ? [found] : [];
      },
      createdAt: (found) => found.createdAt,
      describe: (found) => `${name}: recorded as ${databaseIdOf(serverId, found.id)}`,
    });
  } catch (error) {
    if (!isTakenRefusal(error)) throw error;
    const existing = await findByName(ctx.client, ctx, serverId, name);
    if (!existing) throw error;
    const hint = ` ${name} is database ${databaseIdOf(serverId, existing.id)}; to manage it here, run \`${IMPORT} ${databaseIdOf(serverId, existing.id)}\`.`;
    throw new InputError(
      error.failures.map((f) => (f.property === "database" ? { ...f, reason: `${f.reason}${hint}` } : f)),
      { cause: error.cause },
    );
  }
}
