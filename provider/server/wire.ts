import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { configKey } from "../kit/config";
import type { PropertyChange } from "../kit/diff";
import type { CheckFailure } from "../kit/errors";
import type { PropertyMap } from "../kit/values";
import { structOf } from "./struct-codec";
import { userPath, userText } from "./user-text";

// Conversions between protobuf messages and the plain values the rest of the provider uses.

export function toJs(struct: Struct | undefined): PropertyMap {
  return (struct?.toJavaScript() as PropertyMap | undefined) ?? {};
}

/** A Struct of plain values as JSON would carry them (struct-codec.ts writes it straight from them). */
export function toStruct(values: PropertyMap): Struct {
  return structOf(values);
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
