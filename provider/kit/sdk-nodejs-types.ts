// The TypeScript text of the SDK's types, from the package schema's properties: an input wraps
// each field in pulumi.Input, an output is plain, doc comments carry the descriptions.
import type { ObjectSpec, PropertySpec } from "./schema";

export function objectFields(spec: ObjectSpec, kind: "input" | "output" | "plain", readonly = false, indent = "    "): string[] {
  const required = new Set(spec.required ?? []);
  return Object.entries(spec.properties).flatMap(([key, p]) => [
    doc(p.description, indent),
    `${indent}${readonly ? "readonly " : ""}${key}${required.has(key) ? "" : "?"}: ${tsType(p, kind)};`,
  ]);
}

export function tsType(p: PropertySpec, kind: "input" | "output" | "plain"): string {
  const wrap = (t: string) => (kind === "input" ? `pulumi.Input<${t}>` : t);
  if (p.$ref) {
    const [, module, name] = p.$ref.replace("#/types/", "").split(":");
    return wrap(`${kind === "input" ? "inputs" : "outputs"}.${module}.${name}`);
  }
  switch (p.type) {
    case "array":
      return wrap(`${tsType(p.items!, kind)}[]`);
    case "object":
      return wrap(`{ [key: string]: ${tsType(p.additionalProperties!, kind)} }`);
    case "integer":
    case "number":
      return wrap("number");
    case "boolean":
      return wrap("boolean");
    default:
      return wrap("string");
  }
}

export function doc(text: string | undefined, indent: string): string {
  if (!text) return "";
  const lines = text.split("\n");
  return [`${indent}/**`, ...lines.map((l) => `${indent} * ${l}`.trimEnd()), `${indent} */`].join("\n");
}

export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
export const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
