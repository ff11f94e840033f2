import type { ApiBinding, ConfigVariable } from "./kit/api";
import type { CheckFailure } from "./kit/errors";
import { isUnknown } from "./kit/values";

/** Resolved provider configuration: program config first, then environment, then defaults. */
export class ProviderConfig {
  constructor(
    private readonly values: ReadonlyMap<string, string>,
    /** Keys whose value comes from another resource and is not known during preview. */
    private readonly unknown: ReadonlySet<string> = new Set(),
  ) {}

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** The reason a resource of this API cannot be used yet, naming each missing key and its variable. */
  missingFor(api: ApiBinding): string | undefined {
    const missing = api.config.filter(
      (v) => api.required.includes(v.name) && !this.values.get(v.name) && !this.unknown.has(v.name),
    );
    if (missing.length === 0) return undefined;
    const lines = missing.map(
      (v) =>
        `hosting:${v.name} is not set: run \`pulumi config set ${v.secret ? "--secret " : ""}hosting:${v.name} <value>\`` +
        ` or set ${v.env.join(" or ")}`,
    );
    return `${api.name} credentials are missing. ${lines.join("; ")}`;
  }

  static empty(): ProviderConfig {
    return new ProviderConfig(new Map());
  }
}

/** The short key of a config entry as the engine names it in variables ("hosting:config:x", "hosting:x") or args ("x"). */
export function configKey(key: string): string {
  return key.replace(/^hosting:(config:)?/, "");
}

export function resolveConfig(
  variables: readonly ConfigVariable[],
  given: Record<string, unknown>,
  env: NodeJS.ProcessEnv = process.env,
): ProviderConfig {
  const values = new Map<string, string>();
  const unknown = new Set<string>();
  for (const variable of variables) {
    if (isUnknown(given[variable.name])) unknown.add(variable.name);
    const value = stringValue(given[variable.name]) ?? variable.env.map((e) => env[e]).find((v) => v) ?? variable.default;
    if (value !== undefined && value !== "") values.set(variable.name, value);
  }
  return new ProviderConfig(values, unknown);
}

export function checkConfigValues(variables: readonly ConfigVariable[], given: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const known = new Set(variables.map((v) => v.name));
  for (const [key, value] of Object.entries(given)) {
    if (key === "version" || key.startsWith("__")) continue;
    if (!known.has(key)) {
      failures.push({ property: key, reason: `unknown configuration key; known keys: ${[...known].join(", ")}` });
      continue;
    }
    const variable = variables.find((v) => v.name === key)!;
    const text = stringValue(value);
    if (text === undefined) continue; // unknown during preview, or unset
    const problem = variable.validate?.(text);
    if (problem) failures.push({ property: key, reason: problem });
  }
  return failures;
}

function stringValue(value: unknown): string | undefined {
  if (typeof value === "string") return isUnknown(value) ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** Endpoints must be https, except on loopback where the local sandbox serves plain http. */
export function validateEndpoint(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be an absolute URL such as https://api.example.com/v1, got "${value}"`;
  }
  if (url.protocol === "https:") return undefined;
  if (url.protocol === "http:" && isLoopback(url.hostname)) return undefined;
  if (url.protocol === "http:") return `plain http:// is accepted only for loopback hosts (127.0.0.1, ::1, localhost); use https:// for ${url.hostname}`;
  return `must use https://, got ${url.protocol}`;
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
