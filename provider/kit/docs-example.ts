import type { z } from "zod";
import { metaOf } from "./fields";
import { unwrap } from "./introspect";
import type { Resource } from "./resource";
import { SDK_PACKAGE_NAME } from "./schema";
import { splitToken } from "./resource";

// The example program of a resource's docs: the one its declaration carries, or one derived from
// its required inputs, so a new resource has a program that compiles before anyone writes one.

/** A whole TypeScript program: the imports it needs, then the example's statements. */
export function exampleProgram(resource: Resource): string {
  const body = (resource.example ?? derivedExample(resource)).trim();
  const usesConfig = /\bconfig\./.test(body);
  const usesPulumi = usesConfig || /\bpulumi\./.test(body);
  return [
    ...(usesPulumi ? [`import * as pulumi from "@pulumi/pulumi";`] : []),
    `import * as hosting from "${SDK_PACKAGE_NAME}";`,
    "",
    ...(usesConfig ? ["const config = new pulumi.Config();", ""] : []),
    body,
  ].join("\n");
}

function derivedExample(resource: Resource): string {
  const { module, name } = splitToken(resource.token);
  const variable = name.charAt(0).toLowerCase() + name.slice(1);
  const args = Object.entries(resource.inputs as Record<string, z.ZodType>)
    .filter(([, schema]) => !unwrap(schema).optional)
    .map(([key, schema]) => `  ${key}: ${placeholder(key, schema)},`);
  return [`const ${variable} = new hosting.${module}.${name}("example", {`, ...args, "});", `export const ${variable}Id = ${variable}.id;`].join("\n");
}

/** A value of the declared type: a secret comes from the stack's config, as it should in a program. */
function placeholder(key: string, schema: z.ZodType): string {
  if (metaOf(schema)?.secret) return `config.requireSecret(${JSON.stringify(key)})`;
  const { base } = unwrap(schema);
  switch (base.kind) {
    case "string":
      return JSON.stringify(base.enum?.[0] ?? `my-${key}`);
    case "integer":
    case "number":
      return "1";
    case "boolean":
      return "true";
    case "array":
      return `[${placeholder(key, base.items)}]`;
    case "map":
      return "{}";
    case "object": {
      const fields = Object.entries(base.shape)
        .filter(([, field]) => !unwrap(field).optional)
        .map(([field, fieldSchema]) => `${field}: ${placeholder(field, fieldSchema)}`);
      return `{ ${fields.join(", ")} }`;
    }
  }
}
