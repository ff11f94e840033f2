// The DBaaS document's rules for POST /databases (and the sandbox's PATCH), as the sandbox
// refuses them: 400 with `{"error": "..."}` naming the field.
import { EmulatorError } from "./base";

export const ENGINE_VERSIONS: Record<string, string[]> = {
  postgresql: ["14", "15", "16"],
  mysql: ["8.0", "8.4"],
  redis: ["7.0", "7.2"],
  mongodb: ["6.0", "7.0"],
};

export interface CreateBody {
  name: string;
  db_type: string;
  version: string;
  plan_id: string;
  region: string;
  storage_gb: number;
  replicas: number;
}

const refuse = (message: string) => new EmulatorError(400, message);

function requiredString(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (value === undefined || value === null || value === "") throw refuse(`${key} is required`);
  if (typeof value !== "string") throw refuse(`${key} must be a string`);
  return value;
}

export function positiveInteger(body: Record<string, unknown>, key: string, fallback: number | undefined): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) throw refuse(`${key} must be a positive integer`);
  return value;
}

export function validateCreate(raw: unknown): CreateBody {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw refuse("request body must be a JSON object");
  const body = raw as Record<string, unknown>;
  const name = requiredString(body, "name");
  const dbType = requiredString(body, "db_type");
  const versions = ENGINE_VERSIONS[dbType];
  if (!versions) throw refuse(`db_type must be one of ${Object.keys(ENGINE_VERSIONS).join(", ")}`);
  const version = body.version === undefined || body.version === null ? versions.at(-1)! : body.version;
  if (typeof version !== "string" || !versions.includes(version)) {
    throw refuse(`version ${JSON.stringify(version)} is not supported for ${dbType} (supported: ${versions.join(", ")})`);
  }
  return {
    name,
    db_type: dbType,
    version,
    plan_id: requiredString(body, "plan_id"),
    region: requiredString(body, "region"),
    storage_gb: positiveInteger(body, "storage_gb", 10)!,
    replicas: positiveInteger(body, "replicas", 1)!,
  };
}

/** "Main Postgres!" -> "main-postgres". */
export function slugOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "db";
}
