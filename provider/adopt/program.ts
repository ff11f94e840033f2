import type { PropertyMap } from "../kit/values";
import type { Adopted } from "./adopted";

// The TypeScript program that declares what was adopted, as `pulumi import` writes one: each
// resource with the inputs Read returned and `protect: true`, referring to the others it uses,
// and every secret input read from the stack's config.

export interface ProgramOptions {
  /** The SDK's module specifier; "@hosting/pulumi" for a user's project. */
  sdk: string;
  /** Also `import: "<id>"` on each resource, for `pulumi up` to adopt them without `pulumi import`. */
  importIds: boolean;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function programText(resources: readonly Adopted[], options: ProgramOptions): string {
  const commands = resources.flatMap((r) => r.configInputs.map((c) => configSetCommand(r.configKeys.get(c.path)!, c.secret)));
  const lines = [
    "// Written by hosting-adopt from what the account has; every resource is protected from deletion.",
    ...(commands.length > 0 ? ["// This file holds none of these values (the API never returns some, and secrets stay out of files): set each before `pulumi up`.", ...commands.map((c) => `//   ${c}`)] : []),
    `import * as pulumi from "@pulumi/pulumi";`,
    `import * as hosting from ${JSON.stringify(options.sdk)};`,
    "",
    ...(commands.length > 0 ? ["const config = new pulumi.Config();", ""] : []),
  ];
  for (const resource of resources) {
    const opts = [`protect: true`, ...(options.importIds ? [`import: ${JSON.stringify(resource.id)}`] : [])];
    const args = literal(programInputs(resource), "");
    lines.push(`const ${resource.variable} = new hosting.${resource.module}.${resource.kind}(${JSON.stringify(resource.name)}, ${args}, { ${opts.join(", ")} });`);
  }
  return `${lines.join("\n")}\n`;
}

/** A piece of program text, put in place as it is (a reference, a config read). */
class Code {
  constructor(readonly text: string) {}
}

/** The inputs with references and config reads in place of ids and secrets. */
function programInputs(resource: Adopted): PropertyMap {
  const inputs = structuredClone(resource.inputs);
  for (const reference of resource.references) {
    const target = `${reference.target.variable}.${reference.property}`;
    inputs[reference.key] = new Code(reference.numeric ? `${target}.apply(Number)` : target);
  }
  for (const { path, secret, kind } of resource.configInputs) {
    const parts = path.split(".");
    let parent = inputs;
    for (const part of parts.slice(0, -1)) parent = parent[part] as PropertyMap;
    const read = `require${secret ? "Secret" : ""}${kind === "string" ? "" : kind === "number" ? "Number" : "Boolean"}`;
    parent[parts.at(-1)!] = new Code(`config.${read}(${JSON.stringify(resource.configKeys.get(path))})`);
  }
  return inputs;
}

export function configSetCommand(key: string, secret: boolean): string {
  return `pulumi config set ${secret ? "--secret " : ""}${key} <value>`;
}

function literal(value: unknown, indent: string): string {
  if (value instanceof Code) return value.text;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inner = indent + "  ";
    return `[\n${value.map((v) => `${inner}${literal(v, inner)},`).join("\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const inner = indent + "  ";
    return `{\n${entries.map(([k, v]) => `${inner}${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${literal(v, inner)},`).join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}
