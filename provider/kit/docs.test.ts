// The "on change" column of every resource's docs says what Diff does: each input, nested fields
// included, is changed alone in a diff of the declaration, and the docs must say "replaces"
// exactly when that diff replaces the resource.
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { registry } from "../registry";
import { diffInputs } from "./diff";
import { generateDocs } from "./docs";
import { unwrap } from "./introspect";
import { splitToken } from "./resource";

/** Two different values of the declared kind, so a change of this field alone can be diffed. */
function twoValues(schema: z.ZodType): [unknown, unknown] | undefined {
  const { base } = unwrap(schema);
  switch (base.kind) {
    case "string":
      return base.enum && base.enum.length > 1 ? [base.enum[0], base.enum[1]] : ["a", "b"];
    case "integer":
    case "number":
      return [1, 2];
    case "boolean":
      return [true, false];
    case "array":
      return [["a"], ["b"]];
    case "map":
      return [{ k: true }, { k: false }];
    default:
      return undefined;
  }
}

/** Each leaf input by path ("user.password"), with the change of it alone. */
function leaves(shape: Record<string, z.ZodType>, path: string[] = []): { path: string[]; values: [unknown, unknown] }[] {
  return Object.entries(shape).flatMap(([key, schema]) => {
    const { base } = unwrap(schema);
    if (base.kind === "object") return leaves(base.shape, [...path, key]);
    const values = twoValues(schema);
    return values ? [{ path: [...path, key], values }] : [];
  });
}

const nest = (path: string[], value: unknown): Record<string, unknown> =>
  path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;

/** The docs' rows of a resource's inputs: field name -> its "on change" cell, per table (top level, then each type's). */
function documentedChanges(page: string, name: string): Map<string, Map<string, string>> {
  const section = page.split(/^## /m).find((s) => s.startsWith(`${name}\n`))!;
  const inputs = section.slice(section.indexOf("### Inputs"), section.indexOf("### Outputs"));
  const tables = new Map<string, Map<string, string>>();
  let current = "";
  for (const line of inputs.split("\n")) {
    const heading = line.match(/^Fields of `(\w+)`:/);
    if (heading) current = heading[1];
    const row = line.match(/^\| `(\w+)` \| ([^|]*) \|(?:[^|]*\|){3} ([^|]*) \|/);
    if (!row) continue;
    if (!tables.has(current)) tables.set(current, new Map());
    tables.get(current)!.set(row[1], row[3].trim());
    const type = row[2].match(/`(\w+)`/);
    if (type) tables.set(`${current}.${row[1]}`, new Map([["type", type[1]]]));
  }
  return tables;
}

describe("the docs' on-change column", () => {
  const source = registry();
  const pages = generateDocs(source);
  for (const resource of source.resources.values()) {
    it(`agrees with Diff for every input of ${resource.token}`, () => {
      const { module, name } = splitToken(resource.token);
      const tables = documentedChanges(pages.get(`${module}.md`)!, name);
      const fields = leaves(resource.inputs);
      expect(fields.length).toBeGreaterThan(0);
      for (const { path, values } of fields) {
        // The table a nested field is in is named by its parent's type.
        let table = "";
        for (const key of path.slice(0, -1)) table = tables.get(`${table}.${key}`)!.get("type")!;
        const documented = tables.get(table)?.get(path.at(-1)!);
        const diff = diffInputs(resource, nest(path, values[0]), nest(path, values[1]));
        expect(Object.keys(diff.detailedDiff).length, path.join(".")).toBeGreaterThan(0);
        expect(documented === "replaces", `${path.join(".")}: docs say "${documented}"`).toBe(diff.replaces.length > 0);
      }
    });
  }
});
