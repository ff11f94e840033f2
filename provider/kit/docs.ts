import type { ObjectSpec, PackageSchema, PropertySpec } from "./schema";

// The reference docs, one Markdown page per module, generated from the package schema like the
// SDK, so they can never disagree with what the provider does.

export function generateDocs(schema: PackageSchema): Map<string, string> {
  const pages = new Map<string, string[]>();
  const page = (module: string) => {
    if (!pages.has(module)) {
      pages.set(module, [
        "<!-- Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand. -->",
        "",
        `# hosting:${module}`,
      ]);
    }
    return pages.get(module)!;
  };

  for (const [token, spec] of Object.entries(schema.resources)) {
    const [, module, name] = token.split(":");
    const inputs = new Set(Object.keys(spec.inputProperties));
    page(module).push(
      "",
      `## ${name}`,
      "",
      `\`${token}\``,
      "",
      spec.description ?? "",
      "",
      "### Inputs",
      "",
      ...table({ properties: spec.inputProperties, required: spec.requiredInputs }, schema, true),
      "",
      "### Outputs",
      "",
      ...outputsSection(Object.fromEntries(Object.entries(spec.properties).filter(([k]) => !inputs.has(k))), spec.required, schema),
      "",
      "### Import",
      "",
      "```sh",
      `pulumi import ${token} <name> <id>`,
      "```",
    );
  }
  for (const [token, spec] of Object.entries(schema.functions)) {
    const [, module, name] = token.split(":");
    page(module).push("", `## ${name}`, "", `\`${token}\``, "", spec.description, "", "### Arguments", "", ...table(spec.inputs, schema, false), "", "### Result", "", ...table(spec.outputs, schema, false));
  }
  return new Map([...pages].map(([module, lines]) => [`${module}.md`, lines.join("\n") + "\n"]));
}

/** Outputs beyond the inputs; a resource whose outputs are its inputs says just that. */
function outputsSection(properties: Record<string, PropertySpec>, required: string[] | undefined, schema: PackageSchema): string[] {
  if (Object.keys(properties).length === 0) return ["All inputs; nothing else."];
  return ["All inputs, and:", "", ...table({ properties, required }, schema, false)];
}

function table(spec: ObjectSpec, schema: PackageSchema, showChange: boolean): string[] {
  const entries = Object.entries(spec.properties);
  if (entries.length === 0) return ["None."];
  const required = new Set(spec.required ?? []);
  return [
    `| name | type | ${showChange ? "required | on change | " : ""}description |`,
    `| --- | --- | ${showChange ? "--- | --- | " : ""}--- |`,
    ...entries.map(([key, p]) => {
      const change = p.replaceOnChanges ? "replaces" : "updates in place";
      const marks = [p.secret ? "secret" : "", p.default !== undefined ? `default \`${JSON.stringify(p.default)}\`` : ""].filter(Boolean);
      const description = [p.description ?? "", ...marks.map((m) => `(${m})`), nested(p, schema)].filter(Boolean).join(" ");
      return `| \`${key}\` | ${typeName(p)} | ${showChange ? `${required.has(key) ? "yes" : "no"} | ${change} | ` : ""}${description.replace(/\|/g, "\\|").replace(/\n/g, " ")} |`;
    }),
  ];
}

function typeName(p: PropertySpec): string {
  if (p.$ref) return p.$ref.split(":").pop()!;
  if (p.type === "array") return `${typeName(p.items!)}[]`;
  if (p.type === "object" && p.additionalProperties) return `map of ${typeName(p.additionalProperties)}`;
  return p.type ?? "any";
}

/** The fields of a nested object, inline, so one page tells everything. */
function nested(p: PropertySpec, schema: PackageSchema): string {
  const ref = p.$ref ?? p.items?.$ref ?? p.additionalProperties?.$ref;
  if (!ref) return "";
  const type = schema.types[ref.replace("#/types/", "")];
  const required = new Set(type.required ?? []);
  const fields = Object.entries(type.properties).map(
    ([k, f]) => `\`${k}\` (${typeName(f)}${required.has(k) ? "" : ", optional"}${f.secret ? ", secret" : ""}${f.replaceOnChanges ? ", replaces" : ""})`,
  );
  return `Fields: ${fields.join(", ")}.`;
}
