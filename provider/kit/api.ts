import { HttpClient, type HttpClientOptions } from "../http/client";
import { packageVersion } from "../version";
import type { RefusalRule } from "./refusal-table";

/** One provider configuration variable, declared once: schema, SDK, CheckConfig and Configure read it. */
export interface ConfigVariable {
  /** Key in the `hosting` namespace: `pulumi config set hosting:<key>`. */
  key: string;
  description: string;
  secret?: boolean;
  /** Environment variables read when the key is not set, first found wins. */
  env: string[];
  default?: string;
  /** A resource of this API cannot be used until it has a value. */
  required?: boolean;
  /** The rule the value breaks, or undefined when it is fine. */
  validate?: (value: string) => string | undefined;
}

export type ConfigVariables = Record<string, ConfigVariable>;

/** The values a backend connects with: required and defaulted variables are always strings. */
export type ConfigValues<V extends ConfigVariables> = {
  [K in keyof V]: V[K] extends { required: true } | { default: string } ? string : string | undefined;
};

/** What the kit hands a backend's `connect`: an HTTP client already named, identified and hinted for this API. */
export interface ConnectTools {
  http(options: Omit<HttpClientOptions, "apiName" | "userAgent" | "unauthorizedHint">): HttpClient;
}

export interface ApiDeclaration<V extends ConfigVariables, C> {
  /** "ServerPilot": used in messages. */
  name: string;
  /** What it manages, for the package description: "ServerPilot servers, system users, apps and databases". */
  summary: string;
  keywords: string[];
  config: V;
  /** What the API refuses that the user caused, and what to do about it (kit/refusal-table.ts). */
  refusals?: RefusalRule[];
  /** Builds the typed client resources use; the kit calls it once per configuration. */
  connect(values: ConfigValues<V>, tools: ConnectTools): C;
}

/** An API as the rest of the provider sees it. */
export interface Api<C = unknown> {
  name: string;
  summary: string;
  keywords: string[];
  variables: ConfigVariable[];
  refusals: readonly RefusalRule[];
  connect(values: Record<string, string | undefined>, tools: ConnectTools): C;
  /** Local name in `config` -> variable, for connect. */
  localNames: Record<string, string>;
}

export function defineApi<const V extends ConfigVariables, C>(declaration: ApiDeclaration<V, C>): Api<C> {
  return {
    name: declaration.name,
    summary: declaration.summary,
    keywords: declaration.keywords,
    variables: Object.values(declaration.config),
    refusals: declaration.refusals ?? [],
    localNames: Object.fromEntries(Object.entries(declaration.config).map(([local, v]) => [local, v.key])),
    connect: (values, tools) => declaration.connect(values as ConfigValues<V>, tools),
  };
}

/** "run `pulumi config set --secret hosting:x <value>` or set X" for each variable. */
export function howToSet(variable: ConfigVariable): string {
  return `\`pulumi config set ${variable.secret ? "--secret " : ""}hosting:${variable.key} <value>\` or set ${variable.env.join(" or ")}`;
}

/** Where a 401 is fixed: the API's credentials, by config key and environment variable. */
export function credentialHint(api: Api): string {
  const credentials = api.variables.filter((v) => v.required);
  return `check ${credentials.map((v) => `hosting:${v.key}`).join(" and ")} (or ${credentials.flatMap((v) => v.env).join(" and ")})`;
}

export function userAgent(): string {
  return `pulumi-hosting/${packageVersion()}`;
}
