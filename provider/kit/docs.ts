import type { z } from "zod";
import { exampleProgram } from "./docs-example";
import { importLines } from "./docs-import";
import { propertyTables } from "./docs-properties";
import { splitToken, type ProviderFunction, type Resource } from "./resource";
import type { SchemaSource } from "./schema";

// The reference docs, one Markdown page per module, generated from the declarations like the
// schema and the SDK, so they can never disagree with what the provider does.

export const GENERATED_MARK = "<!-- Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand. -->";

export function generateDocs(source: SchemaSource): Map<string, string> {
  const pages = new Map<string, string[]>();
  const page = (module: string) => {
    if (!pages.has(module)) pages.set(module, [GENERATED_MARK, "", `# hosting:${module}`]);
    return pages.get(module)!;
  };
  for (const resource of source.resources.values()) page(splitToken(resource.token).module).push(...resourceSection(resource));
  for (const fn of source.functions.values()) page(splitToken(fn.token).module).push(...functionSection(fn));
  return new Map([...pages].map(([module, lines]) => [`${module}.md`, lines.join("\n") + "\n"]));
}

function resourceSection(resource: Resource): string[] {
  const { name } = splitToken(resource.token);
  const outputs = resource.outputs as Record<string, z.ZodType>;
  return [
    "",
    `## ${name}`,
    "",
    `\`${resource.token}\``,
    "",
    resource.description,
    "",
    "### Example",
    "",
    "```typescript",
    exampleProgram(resource),
    "```",
    "",
    "### Inputs",
    "",
    ...(resource.managesOnlySetInputs ? ["Only the inputs a program sets are managed: one left unset, or no longer set, stays as it is in the API.", ""] : []),
    ...(resource.defaults ? ["Some defaults depend on other inputs: the descriptions say which.", ""] : []),
    ...propertyTables(resource.inputs, "inputs", name),
    "",
    "### Outputs",
    "",
    ...(Object.keys(outputs).length === 0
      ? ["All inputs; nothing else."]
      : ["All inputs, and these, which only the API sets:", "", ...propertyTables(outputs, "outputs", name)]),
    "",
    "### Import",
    "",
    ...importLines(resource),
    "",
    "### Destroy",
    "",
    resource.destroy ?? `Deletes it in ${resource.api.name}.`,
  ];
}

function functionSection(fn: ProviderFunction): string[] {
  const { name } = splitToken(fn.token);
  const owner = name.charAt(0).toUpperCase() + name.slice(1);
  return [
    "",
    `## ${name}`,
    "",
    `\`${fn.token}\``,
    "",
    fn.description,
    "",
    "### Arguments",
    "",
    ...propertyTables(fn.inputs, "arguments", owner),
    "",
    "### Result",
    "",
    ...propertyTables(fn.outputs, "result", owner),
  ];
}
