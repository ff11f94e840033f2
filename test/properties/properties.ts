// What every answer of Check, Diff, Invoke and Configure must be, whatever the input: an answer
// (no crash, no INTERNAL or UNKNOWN), in time, without a request to any API, with every failure
// naming the input it is about.
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { InputPropertiesError } from "@pulumi/pulumi/proto/errors_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { expect } from "vitest";
import { secrets } from "../../provider/http/redact";
import { propertyPath } from "../../provider/kit/paths";
import { unwrapSecrets } from "../../provider/kit/values";
import { userPath } from "../../provider/server/user-text";
import type { Outcome } from "./provider-under-test";

/** Far above what any of these calls takes even on a loaded machine, far below a hang. */
export const CALL_CAP_MS = 10_000;

export const toStruct = (values: Record<string, unknown>) => Struct.fromJavaScript(values as never);
export const fromStruct = (struct: Struct | undefined) => (struct?.toJavaScript() ?? {}) as Record<string, unknown>;

export interface Failure {
  property: string;
  reason: string;
}

export const failuresOf = (list: rpc.CheckFailure[]): Failure[] => list.map((f) => ({ property: f.getProperty(), reason: f.getReason() }));

/** The property errors a gRPC error carries in its status details (an InputError's). */
export function propertyErrorsOf(error: grpc.ServiceError): Failure[] {
  const raw = error.metadata?.get("grpc-status-details-bin")?.[0];
  if (!raw) return [];
  return Status.deserializeBinary(raw as Uint8Array)
    .getDetailsList()
    .filter((detail) => detail.getTypeName() === "pulumirpc.InputPropertiesError")
    .flatMap((detail) => InputPropertiesError.deserializeBinary(detail.getValue_asU8()).getErrorsList())
    .map((e) => ({ property: e.getPropertyPath(), reason: e.getReason() }));
}

/** An answer, not an error, in time. */
export function answered<Res>(outcome: Outcome<Res>, what: string): Res {
  expect(outcome.ms, `${what} took ${outcome.ms.toFixed(0)} ms`).toBeLessThan(CALL_CAP_MS);
  if (outcome.error) throw new Error(`${what} failed with gRPC ${grpc.status[outcome.error.code]}: ${outcome.error.message.slice(0, 500)}`);
  return outcome.response;
}

/** An error the engine shows as the user's mistake: never INTERNAL or UNKNOWN (a crash). */
export function refused(outcome: Outcome<unknown>, what: string): grpc.ServiceError {
  expect(outcome.ms, `${what} took ${outcome.ms.toFixed(0)} ms`).toBeLessThan(CALL_CAP_MS);
  expect(outcome.error, `${what} answered instead of failing`).toBeDefined();
  const error = outcome.error!;
  expect([grpc.status.INTERNAL, grpc.status.UNKNOWN], `${what}: ${grpc.status[error.code]} ${error.message.slice(0, 500)}`).not.toContain(error.code);
  return error;
}

/**
 * How a top-level key starts a failure's path: cut as Check cuts keys, and masked as the
 * provider masks every text it sends (this process's redactor knows the same secrets: see
 * rememberSent).
 */
function headsOf(key: string): string[] {
  // Over the wire, protobuf's UTF-8 turns a lone surrogate into U+FFFD before the provider sees the key.
  return [key, key.replace(/\p{Surrogate}/gu, "\ufffd")].flatMap((received) => {
    const cut = received.length > 100 ? `${received.slice(0, 99)}…` : received;
    const heads = [propertyPath([cut]), propertyPath([received])];
    return [...heads, ...heads.map(userPath)];
  });
}

/** Makes this process's redactor know what the provider was sent secret, so it masks the same. */
export function rememberSent(values: Record<string, unknown>): void {
  unwrapSecrets(values).secretStrings.forEach((s) => secrets.add(s));
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * True when `path` is the path of (something inside) one of `keys`. A secret of four characters
 * or more is masked wherever it shows, in a path too ("e***Address" after a secret "mail"): a
 * mask stands for any text.
 */
export function namesOneOf(path: string, keys: Iterable<string>): boolean {
  if (path === "") return false;
  const cut = path.endsWith("…");
  const pattern = new RegExp(`^${path.replace(/…$/, "").split("***").map(escaped).join("[^]*")}`);
  for (const key of keys) {
    for (const head of headsOf(key)) {
      if (path === head || path.startsWith(`${head}.`) || path.startsWith(`${head}[`)) return true;
      if (path.includes("***") || cut) {
        if (pattern.test(head) || pattern.test(`${head}.`) || pattern.test(`${head}[`)) return true;
        if (cut && path.startsWith(head)) return true;
      }
    }
  }
  return false;
}

export function expectEveryFailureNamed(failures: Failure[], keys: Iterable<string>, what: string): void {
  const known = [...keys];
  for (const failure of failures) {
    expect(namesOneOf(failure.property, known), `${what}: failure ${JSON.stringify(failure).slice(0, 400)} names none of ${known.join(", ").slice(0, 300)}`).toBe(true);
    expect(failure.reason.length, `${what}: failure of ${failure.property} gives no reason`).toBeGreaterThan(0);
  }
}

export interface DiffSummary {
  changes: number;
  replaces: string[];
  deleteBeforeReplace: boolean;
  detailedDiff: Record<string, number>;
}

export function diffSummary(response: rpc.DiffResponse): DiffSummary {
  const detailedDiff: Record<string, number> = {};
  response.getDetaileddiffMap().forEach((v, k) => (detailedDiff[k] = v.getKind()));
  return { changes: response.getChanges(), replaces: response.getReplacesList(), deleteBeforeReplace: response.getDeletebeforereplace(), detailedDiff };
}
