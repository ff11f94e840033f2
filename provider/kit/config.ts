import { HttpClient } from "../http/client";
import { credentialHint, howToSet, userAgent, type Api, type ConfigVariable } from "./api";
import type { CheckFailure } from "./errors";
import { configVariablesOf, requestTimeout } from "./provider-config";
import { isUnknown } from "./values";

/**
 * The provider's configuration once Configure has run: program config first, then environment,
 * then defaults. It keeps one client per API, built on first use, so every resource of a
 * deployment shares that API's connections and rate limit.
 */
export class ProviderConfiguration {
  private readonly clients = new Map<Api, unknown>();

  constructor(
    private readonly values: ReadonlyMap<string, string>,
    /** Keys whose value comes from another resource and is not known during preview. */
    private readonly unknown: ReadonlySet<string> = new Set(),
    /** Variables whose value came from the environment, with the variable's name. */
    private readonly fromEnvironment: ReadonlyMap<ConfigVariable, string> = new Map(),
  ) {}

  static resolve(apis: readonly Api[], given: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): ProviderConfiguration {
    const values = new Map<string, string>();
    const unknown = new Set<string>();
    const fromEnvironment = new Map<ConfigVariable, string>();
    for (const variable of configVariablesOf(apis)) {
      if (isUnknown(given[variable.key])) unknown.add(variable.key);
      const configured = stringValue(given[variable.key]);
      const envName = configured === undefined ? variable.env.find((e) => env[e]) : undefined;
      if (envName) fromEnvironment.set(variable, envName);
      const value = configured ?? (envName ? env[envName] : undefined) ?? variable.default;
      if (value !== undefined && value !== "") values.set(variable.key, value);
    }
    return new ProviderConfiguration(values, unknown, fromEnvironment);
  }

  /**
   * The rules that values taken from the environment break: they are held to the same rules as
   * the program's config (a plain-http endpoint would send the credentials in clear).
   */
  environmentProblems(): CheckFailure[] {
    return [...this.fromEnvironment].flatMap(([variable, envName]) => {
      const problem = variable.validate?.(this.values.get(variable.key) ?? "");
      return problem ? [{ property: variable.key, reason: `${problem} (set by ${envName})` }] : [];
    });
  }

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  /** The reason a resource of this API cannot be used yet, naming each missing key and its variable. */
  missingFor(api: Api): string | undefined {
    const missing = api.variables.filter((v) => v.required && !this.values.get(v.key) && !this.unknown.has(v.key));
    if (missing.length === 0) return undefined;
    const lines = missing.map((v) => `hosting:${v.key} is not set: run ${howToSet(v)}`);
    return `${api.name} credentials are missing. ${lines.join("; ")}`;
  }

  /** The API's typed client for this configuration. */
  clientFor<C>(api: Api<C>): C {
    if (!this.clients.has(api)) {
      const values = Object.fromEntries(Object.entries(api.localNames).map(([local, key]) => [local, this.values.get(key)]));
      const hint = credentialHint(api);
      const requestTimeoutMs = Number(this.values.get(requestTimeout.key) ?? requestTimeout.default) * 1000;
      const client = api.connect(values, {
        // The one error a user fixes in their config, not in their program: a 401 says where.
        http: (options) => new HttpClient({ ...options, apiName: api.name, userAgent: userAgent(), unauthorizedHint: hint, requestTimeoutMs }),
      });
      this.clients.set(api, client);
    }
    return this.clients.get(api) as C;
  }
}

/** The short key of a config entry as the engine names it in variables ("hosting:config:x", "hosting:x") or args ("x"). */
export function configKey(key: string): string {
  return key.replace(/^hosting:(config:)?/, "");
}

export function checkConfigValues(variables: readonly ConfigVariable[], given: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const byKey = new Map(variables.map((v) => [v.key, v]));
  for (const [key, value] of Object.entries(given)) {
    if (key === "version" || key.startsWith("__")) continue;
    const variable = byKey.get(key);
    if (!variable) {
      failures.push({ property: key, reason: `unknown configuration key; known keys: ${[...byKey.keys()].join(", ")}` });
      continue;
    }
    // Taken as unset, a list or an object would leave the default endpoint in its place.
    if (value !== null && typeof value === "object") {
      failures.push({ property: key, reason: `must be a string, not ${Array.isArray(value) ? "a list" : "an object"}` });
      continue;
    }
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
  if (value.length > 2048) return "must be a URL of at most 2048 characters";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // A user name and password in it are not repeated.
    return `must be an absolute URL such as https://api.example.com/v1, got "${value.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, "$1***@")}"`;
  }
  if (url.protocol === "https:") return undefined;
  if (url.protocol === "http:" && isLoopback(url.hostname)) return undefined;
  if (url.protocol === "http:") return `plain http:// is accepted only for loopback hosts (127.0.0.1, ::1, localhost); use https:// for ${url.hostname}`;
  return `must use https://, got ${url.protocol}`;
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * An API key or token sent in a header. A pasted one often brings a newline or a space along,
 * which would otherwise come back as a puzzling 401 (or an HTTP error about the header).
 */
export function validateHeaderToken(value: string): string | undefined {
  if (value.length > 4096) return "must be at most 4096 characters (an API key or token, not a file)";
  if (/[\s\x00-\x1f\x7f]/.test(value)) return "must not contain whitespace or control characters (a pasted key often ends in a newline)";
  // Keys and tokens are ASCII. A character beyond it came with the paste (a zero-width space or a
  // typographic quote from a web page or chat): undici refuses such a header with "invalid
  // authorization header", naming no key, and a signed or Basic key just gets a 401.
  const foreign = [...value].findIndex((c) => c > "\x7e");
  if (foreign >= 0) {
    const code = value.codePointAt([...value].slice(0, foreign).join("").length)!.toString(16).toUpperCase().padStart(4, "0");
    return `must be ASCII: character ${foreign + 1} is U+${code}, which a paste from a web page or chat often brings along (a zero-width space, a typographic quote)`;
  }
  return undefined;
}
