import { z } from "zod";
import { boundedString } from "../../kit/strings";

// The panel's rules for a new database (StoreServerDatabaseRequest and the database service,
// FACTS.md), as zod types whose messages name the rule. Patterns only see values already cut to
// their maximum length.

/** The stored name is s{serverId}_ + the name, and the panel cuts the whole to this length. */
export const MAX_STORED_NAME = 48;

export const numericId = (what: string) =>
  z
    .number()
    .int(`must be ${what}, a whole number`)
    .min(1, `must be ${what}, a positive number`)
    .max(4_294_967_295, `must be ${what}, at most 4294967295`);

const NAME_RULE = "must be 1 to 48 letters, digits, '_' or '-'";
export const databaseName = () => boundedString(MAX_STORED_NAME, NAME_RULE).regex(/^[A-Za-z0-9_-]{1,48}$/, NAME_RULE);

const REMOTE_RULE = "must be 1 to 15 digits, '.' and '%' (an IPv4 address or pattern such as 192.168.% ; % for any)";
export const remote = () => boundedString(15, REMOTE_RULE).regex(/^[0-9%.]{1,15}$/, REMOTE_RULE);

export const storedPrefix = (serverId: number) => `s${serverId}_`;

/** The stored name, as the panel makes it (cut to 48 characters). */
export function storedName(serverId: number, database: string): string {
  return `${storedPrefix(serverId)}${database}`.slice(0, MAX_STORED_NAME);
}

/** The name asked for, from a stored one; a name without this server's prefix is kept whole. */
export function requestedName(serverId: number, stored: string): string {
  const prefix = storedPrefix(serverId);
  return stored.startsWith(prefix) ? stored.slice(prefix.length) : stored;
}

/**
 * A name the panel would cut (its prefix counts against the 48 characters) is refused: the
 * stored name would never read back as the one asked for.
 */
export function nameFitsFailure(serverId: number, database: string): string | undefined {
  const room = MAX_STORED_NAME - storedPrefix(serverId).length;
  if (database.length <= room) return undefined;
  return `must be at most ${room} characters on server ${serverId}: the panel stores it as ${storedPrefix(serverId)}<name> and cuts that to ${MAX_STORED_NAME} characters`;
}
