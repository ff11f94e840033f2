import type { ConfigVariable } from "./api";
import { GENERATED_MARK } from "./docs";
import { PROVIDER_VARIABLES } from "./provider-config";
import type { SchemaSource } from "./schema";

// docs/configuration.md: every configuration key, by API, from the same declarations CheckConfig
// and Configure read.

export function configurationPage(source: SchemaSource): string {
  const sections = [
    { title: "Every API", intro: "Settings of the provider itself: they hold for the requests to every API.", variables: PROVIDER_VARIABLES },
    ...source.apis.map((api) => ({
      title: api.name,
      intro: `${api.summary}. A program that uses no ${api.name} resource or function needs none of these.`,
      variables: api.variables,
    })),
  ];
  return [
    GENERATED_MARK,
    "",
    "# Configuration",
    "",
    "Each key is set on the stack (`pulumi config set hosting:<key> <value>`, with `--secret` for a secret) or, when the stack does not set it, read from its environment variable. A key marked required must have a value before a resource of its API can be used. Every value is a string; a multi-line one (a certificate) comes from standard input: `pulumi config set hosting:<key> < file.pem`.",
    ...sections.flatMap((section) => ["", `## ${section.title}`, "", section.intro, "", ...variableTable(section.variables)]),
    "",
    "## Request logs",
    "",
    "Not a key: how much the plugin says about its HTTP traffic, with credentials and secrets masked. `pulumi up -v=5` (or more) writes one line per request to the CLI's verbose log (method, URL, status, duration, request id); `-v=9` adds the request and answer bodies, cut at 2000 characters. `PULUMI_HOSTING_DEBUG=1` in the environment of `pulumi` sends the same to the engine log at debug level, next to each resource (`pulumi up --debug` shows it).",
    "",
  ].join("\n");
}

function variableTable(variables: readonly ConfigVariable[]): string[] {
  return [
    "| key | environment | default | required | secret | description |",
    "| --- | --- | --- | --- | --- | --- |",
    ...variables.map((v) =>
      [
        `\`hosting:${v.key}\``,
        v.env.map((e) => `\`${e}\``).join(", "),
        v.default === undefined ? "" : `\`${v.default}\``,
        v.required ? "yes" : "no",
        v.secret ? "yes" : "",
        v.description,
      ]
        .map((cell) => cell.replace(/\|/g, "\\|").replace(/\n/g, " "))
        .join(" | "),
    ).map((row) => `| ${row} |`),
  ];
}
