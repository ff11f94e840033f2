// What changed in a resource, as `pulumi preview --diff` shows it: each changed property with its
// old and new value (`~firewall: true => false`), secrets as [secret] and values not known until
// the apply as "(known after apply)", never the wire's sentinels.
import { isSecret, UNKNOWN } from "../support/secrets";
import { formatPropertyPath, parsePropertyPath, valueAt, type Found, type PropertyPath } from "./property-path";
import type { Props } from "./plugin";

export type ChangeKind = "add" | "update" | "delete";

export interface PropertyChange {
  path: string;
  kind: ChangeKind;
  replaces: boolean;
  old: Found;
  new: Found;
}

/** A value for people: secrets masked, unknowns named, strings quoted. */
export function showValue(found: Found): string {
  if (!found.found) return "(none)";
  if (found.secret) return "[secret]";
  return show(found.value);
}

function show(value: unknown): string {
  if (isSecret(value)) return "[secret]";
  if (value === UNKNOWN) return "(known after apply)";
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).map(([key, v]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${show(v)}`).join(", ")}}`;
  }
  return value === undefined ? "(none)" : JSON.stringify(value);
}

export function showChange(change: PropertyChange): string {
  const symbol = change.replaces ? "+-" : change.kind === "add" ? "+" : change.kind === "delete" ? "-" : "~";
  if (change.kind === "add") return `${symbol}${change.path}: ${showValue(change.new)}`;
  if (change.kind === "delete") return `${symbol}${change.path}: ${showValue(change.old)}`;
  return `${symbol}${change.path}: ${showValue(change.old)} => ${showValue(change.new)}`;
}

/**
 * The provider's detailed diff with the values behind each path. As the engine displays it:
 * old values from the stored outputs (the inputs when the outputs lack the path), new values
 * from the checked inputs.
 */
export function changesFromDetailedDiff(
  detailedDiff: Record<string, string>,
  old: { outputs: Props; inputs: Props },
  newInputs: Props,
): PropertyChange[] {
  return Object.entries(detailedDiff).map(([text, kind]) => {
    const path = parsePropertyPath(text);
    const fromOutputs = valueAt(old.outputs, path);
    return {
      path: text,
      kind: kind.split("-")[0] as ChangeKind,
      replaces: kind.endsWith("-replace"),
      old: fromOutputs.found ? fromOutputs : valueAt(old.inputs, path),
      new: valueAt(newInputs, path),
    };
  });
}

/** Every leaf that differs between two states, as refresh reports drift. Secret wrappers alone are no change. */
export function changesBetween(before: Props, after: Props): PropertyChange[] {
  const changes: PropertyChange[] = [];
  const walk = (b: unknown, a: unknown, path: PropertyPath, secret: boolean) => {
    const hidden = secret || isSecret(b) || isSecret(a);
    const oldValue = isSecret(b) ? (b as { value: unknown }).value : b;
    const newValue = isSecret(a) ? (a as { value: unknown }).value : a;
    if (sameValue(oldValue, newValue)) return;
    if (isObject(oldValue) && isObject(newValue)) {
      for (const key of new Set([...Object.keys(oldValue), ...Object.keys(newValue)])) {
        if (!(key in newValue)) walkMissing(oldValue[key], [...path, key], "delete", hidden);
        else if (!(key in oldValue)) walkMissing(newValue[key], [...path, key], "add", hidden);
        else walk(oldValue[key], newValue[key], [...path, key], hidden);
      }
    } else if (Array.isArray(oldValue) && Array.isArray(newValue) && oldValue.length === newValue.length) {
      oldValue.forEach((item, i) => walk(item, newValue[i], [...path, i], hidden));
    } else {
      changes.push({
        path: formatPropertyPath(path),
        kind: "update",
        replaces: false,
        old: { found: true, value: oldValue, secret: hidden },
        new: { found: true, value: newValue, secret: hidden },
      });
    }
  };
  const walkMissing = (value: unknown, path: PropertyPath, kind: "add" | "delete", secret: boolean) => {
    const shown = { found: true, value, secret: secret || isSecret(value) };
    const none = { found: false, secret };
    changes.push({ path: formatPropertyPath(path), kind, replaces: false, old: kind === "delete" ? shown : none, new: kind === "add" ? shown : none });
  };
  walk(before, after, [], false);
  return changes;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  const unwrap = (v: unknown): unknown => (isSecret(v) ? unwrap((v as { value: unknown }).value) : v);
  a = unwrap(a);
  b = unwrap(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => key in a && key in b && sameValue(a[key], b[key]));
  }
  return a === b;
}
