// The panel's records as the emulator keeps them, and how each mode shows them: the document's
// shapes (relationships shown as its examples show them) or the real panel's (FACTS.md: only
// what `include` asks for, a host the key may not read as a null_resource).
import { randomInt } from "node:crypto";
import { recordedSecret } from "../harness/scan-record";

export type PanelMode = "document" | "panel";

export interface ServerRecord {
  id: number;
  uuid: string;
  /** How many databases the server may have; null: no limit. */
  databaseLimit: number | null;
}

export interface HostRecord {
  id: number;
  name: string;
  host: string;
  port: number;
  username: string;
  node: number;
}

export interface DatabaseRecord {
  id: number;
  server: number;
  host: number;
  database: string;
  username: string;
  remote: string;
  password: string;
  max_connections: number;
  created_at: string;
  updated_at: string;
}

export interface PanelStore {
  servers: Map<number, ServerRecord>;
  hosts: Map<number, HostRecord>;
  databases: Map<number, DatabaseRecord>;
  nextDatabaseId: number;
}

/** As Carbon's toAtomString: seconds, with the offset written out. */
export const atomTime = (ms = Date.now()) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.000Z$/, "+00:00");

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
// What the panel's randomStringWithSpecialCharacters draws from, quotes and backslash aside.
const WITH_SPECIALS = `${ALPHANUMERIC}!@#$%^&*()-_=+[]{}<>?.,;:`;

const randomFrom = (alphabet: string, length: number) => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");

/** u{serverId}_ and 10 random characters. */
export const generatedUsername = (serverId: number) => `u${serverId}_${randomFrom(ALPHANUMERIC, 10)}`;
/** 24 random characters with specials, always with at least one of each kind. */
export const generatedPassword = () =>
  recordedSecret("Pterodactyl sandbox: a database password it made", `${randomFrom(WITH_SPECIALS, 21)}${randomFrom("!@#%^&*", 1)}${randomFrom("0123456789", 1)}${randomFrom("aZ", 1)}`);

export function emptyStore(servers: ServerRecord[], hosts: HostRecord[]): PanelStore {
  return { servers: new Map(servers.map((s) => [s.id, s])), hosts: new Map(hosts.map((h) => [h.id, h])), databases: new Map(), nextDatabaseId: 1 };
}

export interface ShowOptions {
  mode: PanelMode;
  includes: Set<string>;
  /** Whether the API key may read database hosts (the real panel shows a null_resource if not). */
  hostsReadable: boolean;
  /** The document's examples show these relationships whether asked for or not. */
  shownAnyway?: ("password" | "host")[];
}

function hostView(host: HostRecord | undefined) {
  if (!host) return { object: "null_resource", attributes: null };
  return {
    object: "database_host",
    attributes: { ...host, created_at: "2024-01-01T00:00:00+00:00", updated_at: "2024-01-01T00:00:00+00:00" },
  };
}

/** The attributes of a database as the panel shows them (the password never among them). */
export function databaseView(db: DatabaseRecord, store: PanelStore, options: ShowOptions) {
  const { password, ...attributes } = db;
  const wanted = new Set([...options.includes, ...(options.mode === "document" ? (options.shownAnyway ?? []) : [])]);
  const relationships: Record<string, unknown> = {};
  if (wanted.has("password")) relationships.password = { object: "database_password", attributes: { password } };
  if (wanted.has("host")) relationships.host = hostView(options.hostsReadable ? store.hosts.get(db.host) : undefined);
  return { object: "server_database", attributes: Object.keys(relationships).length > 0 ? { ...attributes, relationships } : attributes };
}
