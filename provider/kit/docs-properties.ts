import type { z } from "zod";
import { metaOf } from "./fields";
import { unwrap, type BaseKind } from "./introspect";

// The property tables of the docs, read from the zod declarations the way Diff reads them: a
// field of a nested object replaces the resource when it, or any object it is in, is marked
// replace-on-change, so the docs say what `pulumi preview` will show.

type Shape = Record<string, z.ZodType>;

/** Which columns a table has: a resource's inputs, its outputs, a function's arguments or result. */
export type TableKind = "inputs" | "outputs" | "arguments" | "result";

/** What a change of a field does, as the "on change" column says it. */
const REPLACES = "replaces";
const RECORDED_ONLY = "recorded only (used at creation)";
const UPDATES = "updates in place";
type OnChange = typeof REPLACES | typeof RECORDED_ONLY | typeof UPDATES;

interface NestedType {
  name: string;
  shape: Shape;
  /** What a change of the field that holds it does: its own fields do no less. */
  change: OnChange;
}

/** The table of `shape`, then one table per nested object type it holds, each named by its type. */
export function propertyTables(shape: Shape, kind: TableKind, owner: string): string[] {
  if (Object.keys(shape).length === 0) return ["None."];
  const nested: NestedType[] = [];
  const lines = table(shape, kind, owner, UPDATES, nested);
  const seen = new Set<string>();
  while (nested.length > 0) {
    const type = nested.shift()!;
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    lines.push("", `Fields of \`${type.name}\`:`, "", ...table(type.shape, kind, type.name, type.change, nested));
  }
  return lines;
}

const HEADERS: Record<TableKind, string[]> = {
  inputs: ["name", "type", "required", "default", "secret", "on change", "description"],
  outputs: ["name", "type", "secret", "description"],
  arguments: ["name", "type", "required", "default", "secret", "description"],
  result: ["name", "type", "secret", "description"],
};

function table(shape: Shape, kind: TableKind, owner: string, parentChange: OnChange, nested: NestedType[]): string[] {
  const headers = HEADERS[kind];
  const rows = Object.entries(shape).map(([key, schema]) => {
    const meta = metaOf(schema);
    const { base, optional, defaultValue } = unwrap(schema);
    const change: OnChange =
      parentChange === REPLACES || meta?.replaceOnChanges === true ? REPLACES : parentChange === RECORDED_ONLY || meta?.onlyAtCreate ? RECORDED_ONLY : UPDATES;
    const type = typeName(key, schema, owner, change, nested);
    const cells: Record<string, string> = {
      name: `\`${key}\``,
      type,
      required: optional ? "no" : "yes",
      default: defaultValue === undefined ? "" : `\`${JSON.stringify(defaultValue)}\``,
      secret: meta?.secret ? "yes" : "",
      "on change": change,
      description: describe(meta?.description, base, meta?.writeOnly === true && kind === "inputs"),
    };
    return `| ${headers.map((h) => cells[h].replace(/\|/g, "\\|").replace(/\n/g, " ")).join(" | ")} |`;
  });
  return [`| ${headers.join(" | ")} |`, `| ${headers.map(() => "---").join(" | ")} |`, ...rows];
}

function describe(description: string | undefined, base: BaseKind, writeOnly: boolean): string {
  const parts = [description ?? ""];
  if (base.kind === "string" && base.enum) parts.push(`One of: ${base.enum.map((v) => `\`${v}\``).join(", ")}.`);
  // The reader must know a refresh cannot see it change; most descriptions say so already.
  if (writeOnly && !/refresh keeps/i.test(description ?? "")) parts.push("Write-only: the API never returns it, and refresh keeps the value last applied.");
  return parts.filter(Boolean).join(" ");
}

/** As the schema names it: a nested object is a type of its own, "<Owner><Key>" unless declared. */
function typeName(key: string, schema: z.ZodType, owner: string, change: OnChange, nested: NestedType[]): string {
  const { base } = unwrap(schema);
  switch (base.kind) {
    case "array":
      return `${typeName(key, base.items, owner, change, nested)}[]`;
    case "map":
      return `map of ${typeName(key, base.values, owner, change, nested)}`;
    case "object": {
      const name = metaOf(schema)?.typeName ?? owner + key.charAt(0).toUpperCase() + key.slice(1);
      nested.push({ name, shape: base.shape, change });
      return `\`${name}\``;
    }
    default:
      return base.kind;
  }
}
