import type { z } from "zod";
import type { CheckFailure } from "./errors";
import type { Resource, ProviderFunction } from "./resource";
import { containsUnknown, type PropertyMap } from "./values";
import { valueAt, writeOnlyPaths } from "./write-only";

export interface CheckResult {
  inputs: PropertyMap;
  failures: CheckFailure[];
}

/**
 * Validates the user's inputs against the declaration and fills in defaults. A property that
 * is not known yet (preview) is passed through unchecked; cross-property rules run only when
 * everything is known, so preview never reports a failure that the real values would not have.
 */
export function checkInputs(
  declaration: Pick<Resource, "token" | "inputs" | "rules"> | Pick<ProviderFunction, "token" | "inputs">,
  news: PropertyMap,
  olds?: PropertyMap,
): CheckResult {
  const failures: CheckFailure[] = [];
  const inputs: PropertyMap = {};
  for (const key of Object.keys(news)) {
    if (!(key in declaration.inputs) && !key.startsWith("__")) {
      failures.push({
        property: key,
        reason: `is not a property of ${declaration.token}; known properties: ${Object.keys(declaration.inputs).join(", ")}`,
      });
    }
  }
  const writeOnly = new Set(writeOnlyPaths(declaration.inputs));
  let allKnown = true;
  for (const [key, schema] of Object.entries(declaration.inputs as Record<string, z.ZodType>)) {
    const value = news[key] === null ? undefined : news[key];
    if (containsUnknown(value)) {
      allKnown = false;
      inputs[key] = value;
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      if (parsed.data !== undefined) inputs[key] = parsed.data;
      continue;
    }
    const keyFailures = parsed.error.issues
      .map((issue) => ({ property: [key, ...issue.path].map(String).join(".").replace(/\.(\d+)(?=\.|$)/g, "[$1]"), reason: reasonOf(issue, value) }))
      .filter((failure) => !unknowable(failure.property, news, olds, writeOnly));
    if (keyFailures.length === 0) inputs[key] = value;
    failures.push(...keyFailures);
  }
  if (failures.length === 0 && allKnown && "rules" in declaration && declaration.rules) {
    failures.push(...declaration.rules(inputs as never, olds as never));
  }
  return { inputs, failures };
}

/** zod's default messages speak of types; ours speak of the property. Secrets never appear. */
function reasonOf(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === "invalid_type") {
    const actual = issue.path.length === 0 ? value : valueAt(value as PropertyMap, issue.path.join("."));
    return actual === undefined ? "is required" : `must be of type ${issue.expected}`;
  }
  if (issue.code === "invalid_value") return `must be one of ${issue.values.map(String).join(", ")}`;
  if (issue.code === "unrecognized_keys") return `has unknown keys: ${issue.keys.join(", ")}`;
  return issue.message;
}

/**
 * A required write-only value that neither the program nor the previous inputs have: an
 * imported resource, whose password the API never returns. Requiring it would make import
 * impossible; the program supplies it later and the next update sets it.
 */
function unknowable(path: string, news: PropertyMap, olds: PropertyMap | undefined, writeOnly: Set<string>): boolean {
  return writeOnly.has(path) && olds !== undefined && valueAt(news, path) === undefined && valueAt(olds, path) === undefined;
}
