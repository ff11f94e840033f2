import type { z } from "zod";
import type { CheckFailure } from "./errors";
import type { ProviderFunction, Resource } from "./resource";
import { fitsDeclaration } from "./fits";
import { fieldOf } from "./introspect";
import { propertyPath } from "./paths";
import { firstTooLong } from "./strings";
import { containsUnknown, type PropertyMap } from "./values";
import { unreadableOf, valueAt } from "./write-only";

export interface CheckResult {
  inputs: PropertyMap;
  failures: CheckFailure[];
}

/**
 * Validates the user's inputs against the declaration and fills in defaults. A property that
 * is not known yet (preview) is passed through unchecked; cross-property rules run only when
 * everything is known, so preview never reports a failure that the real values would not have.
 *
 * `olds` are the previous inputs (absent or empty on a create). Only an import's olds, which
 * Read marked with the write-only paths it could not read, waive those paths' requirement.
 */
export function checkInputs(
  declaration: Pick<Resource, "token" | "inputs" | "rules" | "defaults"> | Pick<ProviderFunction, "token" | "inputs">,
  news: PropertyMap,
  olds?: PropertyMap,
): CheckResult {
  const failures: CheckFailure[] = [];
  const inputs: PropertyMap = {};
  for (const key of Object.keys(news)) {
    if (!fieldOf(declaration.inputs, key) && !key.startsWith("__")) {
      failures.push({
        property: pathOf([key]),
        reason: `is not a property of ${declaration.token}; known properties: ${Object.keys(declaration.inputs).join(", ")}`,
      });
    }
  }
  const unreadable = unreadableOf(olds);
  let allKnown = true;
  for (const [key, schema] of Object.entries(declaration.inputs as Record<string, z.ZodType>)) {
    const value = news[key] === null ? undefined : news[key];
    if (containsUnknown(value)) {
      allKnown = false;
      inputs[key] = value;
      continue;
    }
    const tooLong = firstTooLong(value, schema, key);
    if (tooLong) {
      failures.push({ property: tooLong.path, reason: `must be at most ${tooLong.max} characters` });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      if (parsed.data !== undefined) inputs[key] = parsed.data;
      continue;
    }
    const keyFailures = parsed.error.issues
      .map((issue) => ({ property: pathOf([key, ...issue.path]), reason: reasonOf(issue, value) }))
      .filter((failure) => !(unreadable.has(failure.property) && valueAt(news, failure.property) === undefined));
    if (keyFailures.length === 0) inputs[key] = value;
    failures.push(...keyFailures);
  }
  if (failures.length === 0 && allKnown && "defaults" in declaration && declaration.defaults) {
    for (const [key, value] of Object.entries(declaration.defaults(inputs as never))) {
      if (inputs[key] === undefined && value !== undefined) inputs[key] = value;
    }
  }
  if (failures.length === 0 && allKnown && "rules" in declaration && declaration.rules) {
    const previous = olds && Object.keys(olds).length > 0 && fitsDeclaration(declaration.inputs, olds) ? olds : undefined;
    failures.push(...declaration.rules(inputs as never, previous as never));
  }
  return { inputs, failures };
}

/** A key as a message may quote it: a pasted megabyte is not repeated back. */
function shortKey(key: string): string {
  return key.length > 100 ? `${key.slice(0, 99)}…` : key;
}

/** ["domains", 1] -> "domains[1]"; ["user", "name"] -> "user.name"; ["http2", "a.be"] -> 'http2["a.be"]'. */
function pathOf(parts: PropertyKey[]): string {
  return propertyPath(parts.map((p) => (typeof p === "string" ? shortKey(p) : p)));
}

/** zod's default messages speak of types; ours speak of the property. Secrets never appear. */
function reasonOf(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === "invalid_type") {
    // Part by part: a map's key may hold dots ("www.example.com").
    const actual = issue.path.reduce<unknown>((v, part) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[part] : undefined), value);
    if (actual === undefined) return "is required";
    // z.number().int() refuses 1.5 as a type mismatch; to a user it is a number that is not
    // whole, in the field's own words where it has them ("must be a server id, a whole number").
    if (issue.expected === "int" && typeof actual === "number") return issue.message.startsWith("Invalid input") ? "must be a whole number" : issue.message;
    return `must be of type ${issue.expected}`;
  }
  if (issue.code === "invalid_value") return `must be one of ${issue.values.map(String).join(", ")}`;
  if (issue.code === "unrecognized_keys") return `has unknown keys: ${issue.keys.map(shortKey).join(", ")}`;
  // A map's key that breaks its rule: the rule's own words, about the key.
  if (issue.code === "invalid_key") return `the key ${issue.issues.map((i) => i.message).join("; ")}`;
  return issue.message;
}
