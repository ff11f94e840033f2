import { ErrorResourceInitFailed } from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { describe, expect, it } from "vitest";
import { InputError } from "../kit/errors";
import { toGrpcError } from "./grpc-errors";
import { GrpcCode, MAX_ERROR_MESSAGE_BYTES } from "./grpc-status";
import { PartialStateError } from "./partial-state";

const initFailureOf = (bytes: Uint8Array | undefined) => {
  const status = Status.deserializeBinary(bytes!);
  const any = status.getDetailsList()[0]!;
  expect(any.getTypeUrl()).toBe("type.googleapis.com/pulumirpc.ErrorResourceInitFailed");
  return { status, detail: ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8()) };
};

describe("toGrpcError", () => {
  it("gives a half-created resource's id, state and reason, and a compact form with its id and reason only", () => {
    const failure = toGrpcError(new PartialStateError("db-1", { name: "forum", big: "x".repeat(1000) }, { name: "forum" }, "created db-1, but then: the read timed out"));
    expect(failure.code).toBe(GrpcCode.UNKNOWN);
    const whole = initFailureOf(failure.statusDetails);
    expect(whole.status.getCode()).toBe(GrpcCode.UNKNOWN);
    expect(whole.detail.getId()).toBe("db-1");
    expect(whole.detail.getProperties()?.toJavaScript()).toMatchObject({ name: "forum" });
    const compact = initFailureOf(failure.compactStatusDetails);
    expect(compact.detail.getId()).toBe("db-1");
    expect(compact.detail.getReasonsList()).toEqual(["created db-1, but then: the read timed out"]);
    expect(compact.detail.hasProperties()).toBe(false);
    expect(failure.compactStatusDetails!.length).toBeLessThan(failure.statusDetails!.length / 5);
  });

  it("cuts a message, and each bad input's reason, to what the engine is sent", () => {
    const failure = toGrpcError(new InputError([{ property: "name", reason: "é".repeat(100_000) }]));
    expect(failure.code).toBe(GrpcCode.INVALID_ARGUMENT);
    expect(Buffer.byteLength(failure.message)).toBeLessThanOrEqual(MAX_ERROR_MESSAGE_BYTES);
    expect(failure.statusDetails!.length).toBeLessThan(2 * MAX_ERROR_MESSAGE_BYTES + 1000);
    expect(toGrpcError(new Error("a".repeat(1_000_000))).message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE_BYTES);
  });
});
