import type { z } from "zod";
import type { Api, ConfigVariable } from "./api";
import { importLines } from "./docs-import";
import { metaOf } from "./fields";
import { configVariablesOf } from "./provider-config";
import { unwrap } from "./introspect";
import { splitToken, type ProviderFunction, type Resource } from "./resource";

// The Pulumi package schema (reference/pulumi-package-metaschema.json), derived from the
// declarations. Users with the Pulumi CLI generate SDKs for other languages from it.

export interface PropertySpec {
  type?: string;
  $ref?: string;
  items?: PropertySpec;
  /** A map's values (type "object"). */
  additionalProperties?: PropertySpec;
  description?: string;
  secret?: boolean;
  replaceOnChanges?: boolean;
  willReplaceOnChanges?: boolean;
  default?: unknown;
  defaultInfo?: { environment: string[] };
}

export interface ObjectSpec {
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
  type?: "object";
}

export interface ResourceSpec extends ObjectSpec {
  inputProperties: Record<string, PropertySpec>;
  requiredInputs: string[];
}

export interface FunctionSpec {
  description: string;
  inputs: ObjectSpec;
  outputs: ObjectSpec;
}

export interface PackageSchema {
  name: string;
  displayName: string;
  version: string;
  description: string;
  keywords: string[];
  license: string;
  publisher: string;
  meta: { moduleFormat: string };
  language: Record<string, unknown>;
  config: { variables: Record<string, PropertySpec> };
  provider: ResourceSpec;
  resources: Record<string, ResourceSpec>;
  functions: Record<string, FunctionSpec>;
  types: Record<string, ObjectSpec & { type: "object" }>;
}

export interface SchemaSource {
  apis: Api[];
  resources: Map<string, Resource>;
  functions: Map<string, ProviderFunction>;
}

export const SDK_PACKAGE_NAME = "@hosting/pulumi";

export function buildSchema(source: SchemaSource, version: string): PackageSchema {
  const types: PackageSchema["types"] = {};
  const configProperties = Object.fromEntries(configVariablesOf(source.apis).map((v) => [v.key, configSpec(v)]));
  const schema: PackageSchema = {
    name: "hosting",
    displayName: "Hosting",
    version,
    description: `Manage hosting control panels and APIs as code: ${listInWords(source.apis.map((api) => api.summary))}.`,
    keywords: ["pulumi", "hosting", ...new Set(source.apis.flatMap((api) => api.keywords)), "category/infrastructure", "kind/native"],
    license: "Apache-2.0",
    publisher: "hosting",
    meta: { moduleFormat: "(.*)" },
    language: { nodejs: { packageName: SDK_PACKAGE_NAME, respectSchemaVersion: true } },
    config: { variables: configProperties },
    provider: {
      description: "The provider type for the hosting package. Every setting falls back to its environment variable.",
      properties: Object.fromEntries(
        Object.entries(configProperties).map(([name, spec]) => [name, { ...spec, defaultInfo: undefined, default: undefined }]),
      ),
      inputProperties: configProperties,
      requiredInputs: [],
      type: "object",
    },
    resources: {},
    functions: {},
    types,
  };
  for (const resource of source.resources.values()) {
    const { module, name } = splitToken(resource.token);
    const context = { module, owner: name, types };
    const inputs = objectSpec(resource.inputs, context);
    const outputs = objectSpec(resource.outputs, context);
    schema.resources[resource.token] = {
      // As the registry's providers do: the import command ends the description, so it shows in the SDK's doc comments too.
      description: [resource.description, "", "## Import", "", ...importLines(resource)].join("\n"),
      properties: { ...inputs.properties, ...outputs.properties },
      required: [...(inputs.required ?? []), ...(outputs.required ?? [])].sort(),
      inputProperties: inputs.properties,
      requiredInputs: inputs.required ?? [],
      type: "object",
    };
  }
  for (const fn of source.functions.values()) {
    const { module, name } = splitToken(fn.token);
    const context = { module, owner: name.charAt(0).toUpperCase() + name.slice(1), types };
    schema.functions[fn.token] = {
      description: fn.description,
      inputs: { ...objectSpec(fn.inputs, context), type: "object" },
      outputs: { ...objectSpec(fn.outputs, context), type: "object" },
    };
  }
  return schema;
}

interface SpecContext {
  module: string;
  owner: string;
  types: PackageSchema["types"];
}

function objectSpec(shape: Record<string, z.ZodType>, context: SpecContext): ObjectSpec {
  const properties: Record<string, PropertySpec> = {};
  const required: string[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    properties[key] = propertySpec(key, schema, context);
    if (!unwrap(schema).optional) required.push(key);
  }
  return { properties, ...(required.length > 0 ? { required: required.sort() } : {}) };
}

function propertySpec(key: string, schema: z.ZodType, context: SpecContext): PropertySpec {
  const meta = metaOf(schema);
  const { base, defaultValue } = unwrap(schema);
  const spec: PropertySpec = { ...typeSpec(key, base, meta?.typeName, context) };
  if (meta?.description) {
    const allowed = base.kind === "string" && base.enum ? ` One of: ${base.enum.map((v) => `\`${v}\``).join(", ")}.` : "";
    spec.description = meta.description + allowed;
  }
  if (meta?.secret) spec.secret = true;
  if (meta?.replaceOnChanges) {
    spec.replaceOnChanges = true;
    spec.willReplaceOnChanges = true;
  }
  if (defaultValue !== undefined && typeof defaultValue !== "object") spec.default = defaultValue;
  return spec;
}

function typeSpec(
  key: string,
  base: ReturnType<typeof unwrap>["base"],
  typeName: string | undefined,
  context: SpecContext,
): PropertySpec {
  switch (base.kind) {
    case "array": {
      const items = unwrap(base.items);
      return { type: "array", items: typeSpec(key, items.base, metaOf(base.items)?.typeName, context) };
    }
    case "map": {
      const values = unwrap(base.values);
      return { type: "object", additionalProperties: typeSpec(key, values.base, metaOf(base.values)?.typeName, context) };
    }
    case "object": {
      const name = typeName ?? context.owner + key.charAt(0).toUpperCase() + key.slice(1);
      const token = `hosting:${context.module}:${name}`;
      context.types[token] = { ...objectSpec(base.shape, { ...context, owner: name }), type: "object" };
      return { $ref: `#/types/${token}` };
    }
    default:
      return { type: base.kind };
  }
}

/** "a", "a and b", "a, b and c" */
function listInWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function configSpec(variable: ConfigVariable): PropertySpec {
  return {
    type: "string",
    description: `${variable.description} Falls back to ${variable.env.map((e) => `\`${e}\``).join(" or ")}.`,
    ...(variable.secret ? { secret: true } : {}),
    ...(variable.default !== undefined ? { default: variable.default } : {}),
    defaultInfo: { environment: variable.env },
  };
}
