import { ListValue, NullValue, Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { configKey } from "../kit/config";
import type { PropertyChange } from "../kit/diff";
import type { CheckFailure } from "../kit/errors";
import type { PropertyMap } from "../kit/values";
import { userPath, userText } from "./user-text";

// Conversions between protobuf messages and the plain values the rest of the provider uses.

export function toJs(struct: Struct | undefined): PropertyMap {
  return (struct?.toJavaScript() as PropertyMap | undefined) ?? {};
}

/**
 * A Struct of plain values as JSON would carry them: undefined properties are left out, and
 * undefined in a list, like a number that is not finite, becomes null. Built directly rather
 * than through a JSON round trip and Struct.fromJavaScript (which rejects undefined): every
 * answer of the plugin carries one, and it was a tenth of a Check's time.
 */
export function toStruct(values: PropertyMap): Struct {
  const struct = new Struct();
  const fields = struct.getFieldsMap();
  for (const key of Object.keys(values)) {
    const value = values[key];
    if (value !== undefined && typeof value !== "function" && typeof value !== "symbol") fields.set(key, toValue(value));
  }
  return struct;
}

function toValue(value: unknown): Value {
  const out = new Value();
  switch (typeof value) {
    case "string":
      return out.setStringValue(value);
    case "boolean":
      return out.setBoolValue(value);
    case "number":
      return Number.isFinite(value) ? out.setNumberValue(value) : out.setNullValue(NullValue.NULL_VALUE);
    case "object":
      if (value === null) return out.setNullValue(NullValue.NULL_VALUE);
      if (Array.isArray(value)) {
        const list = new ListValue();
        list.setValuesList(value.map((item) => (item === undefined || typeof item === "function" ? new Value().setNullValue(NullValue.NULL_VALUE) : toValue(item))));
        return out.setListValue(list);
      }
      return out.setStructValue(toStruct(value as PropertyMap));
    default:
      return out.setNullValue(NullValue.NULL_VALUE);
  }
}

/** Config keys as the engine sends them ("hosting:config:x", "hosting:x") or as args ("x"), made short. */
export function shortKeys(values: PropertyMap): PropertyMap {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [configKey(k), v]));
}

export function toCheckFailure(failure: CheckFailure): rpc.CheckFailure {
  return new rpc.CheckFailure().setProperty(userPath(failure.property)).setReason(userText(failure.reason));
}

const kinds: Record<string, rpc.PropertyDiff.Kind> = {
  add: rpc.PropertyDiff.Kind.ADD,
  update: rpc.PropertyDiff.Kind.UPDATE,
  delete: rpc.PropertyDiff.Kind.DELETE,
  "add-replace": rpc.PropertyDiff.Kind.ADD_REPLACE,
  "update-replace": rpc.PropertyDiff.Kind.UPDATE_REPLACE,
  "delete-replace": rpc.PropertyDiff.Kind.DELETE_REPLACE,
};

export function diffResponse(detailed: Record<string, PropertyChange>, replaces: string[], deleteBeforeReplace: boolean): rpc.DiffResponse {
  const response = new rpc.DiffResponse()
    .setChanges(Object.keys(detailed).length > 0 ? rpc.DiffResponse.DiffChanges.DIFF_SOME : rpc.DiffResponse.DiffChanges.DIFF_NONE)
    .setReplacesList(replaces)
    .setDeletebeforereplace(deleteBeforeReplace)
    .setHasdetaileddiff(true)
    .setDiffsList([...new Set(Object.keys(detailed).map((path) => path.split(/[.[]/)[0]))]);
  const map = response.getDetaileddiffMap();
  for (const [path, change] of Object.entries(detailed)) {
    map.set(path, new rpc.PropertyDiff().setKind(kinds[change.replace ? `${change.kind}-replace` : change.kind]).setInputdiff(true));
  }
  return response;
}
