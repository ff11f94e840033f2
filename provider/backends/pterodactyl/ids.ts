/** A ServerDatabase's id: "serverId/databaseId", as `pulumi import` takes it. */
export interface DatabaseId {
  serverId: number;
  databaseId: number;
}

export const databaseIdOf = (serverId: number, databaseId: number) => `${serverId}/${databaseId}`;

export function parseDatabaseId(id: string): DatabaseId {
  const match = /^(\d{1,10})\/(\d{1,10})$/.exec(id);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new Error(`"${id.slice(0, 100)}" is not a server database id: expected serverId/databaseId, both numeric (such as 12/34)`);
  }
  return { serverId: Number(match[1]), databaseId: Number(match[2]) };
}
