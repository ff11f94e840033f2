import { z } from "zod";
import type { CheckFailure } from "../../kit/errors";
import { boundedString } from "../../kit/strings";

// The document's rules, as zod types whose messages name the rule, and its table of engines.

/** The document's "Supported Engines" table: each engine's versions, oldest first. */
export const ENGINE_VERSIONS = {
  postgresql: ["14", "15", "16"],
  mysql: ["8.0", "8.4"],
  redis: ["7.0", "7.2"],
  mongodb: ["6.0", "7.0"],
} as const;

export type DbType = keyof typeof ENGINE_VERSIONS;
export const DB_TYPES = Object.keys(ENGINE_VERSIONS) as DbType[];

/** The newest version the table lists for an engine: what a database without `version` gets. */
export function newestVersion(dbType: DbType): string {
  return ENGINE_VERSIONS[dbType].at(-1)!;
}

/** `version` must be one the table lists for `dbType`. */
export function versionFailures(dbType: DbType, version: string | undefined): CheckFailure[] {
  if (version === undefined) return [];
  const versions: readonly string[] = ENGINE_VERSIONS[dbType];
  if (versions.includes(version)) return [];
  return [{ property: "version", reason: `${JSON.stringify(version)} is not a ${dbType} version the DBaaS offers; choose one of ${versions.join(", ")}` }];
}

/** The instance name: the document only says "string"; its slug names the StatefulSet and host, one DNS label. */
export const instanceName = () =>
  boundedString(63, "must be 1 to 63 characters (its slug names the instance's host)")
    .min(1, { message: "must not be empty", abort: true })
    .refine((v) => v.trim() === v, "must not start or end with whitespace")
    .refine((v) => /[a-z0-9]/i.test(v), "must contain a letter or a digit, from which its slug is made");

/** A plan id or a region: required strings the API hands out ("db-s-2vcpu-4gb", "nyc1"). */
export const apiName = (what: string) =>
  boundedString(255)
    .min(1, `must be ${what}`)
    .refine((v) => /^\S+$/.test(v), `must be ${what}, without whitespace`);

/** `storage_gb` and `replicas`: integers, at least 1. */
export const positiveInteger = (what: string, max: number) =>
  z
    .number({ error: "must be a whole number" })
    .int()
    .min(1, `must be at least 1 (${what})`)
    .max(max, `must be at most ${max} (${what})`);
