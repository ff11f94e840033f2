import { Any } from "google-protobuf/google/protobuf/any_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { InputPropertiesError } from "@pulumi/pulumi/proto/errors_pb";
import { ErrorResourceInitFailed } from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import {
  CancelledError,
  DeadlineExceededError,
  NotFoundError,
  UnauthorizedError,
  ForbiddenError,
} from "../http/errors";
import { InputError, RefusalError } from "../kit/errors";
import { GrpcCode, GrpcFailure, truncatedUtf8 } from "./grpc-status";
import { PartialStateError } from "./partial-state";
import { userPath, userText } from "./user-text";

/**
 * Turns any error into a gRPC error the engine understands. Messages are scrubbed of secrets;
 * bad input carries the property paths; a half-created resource carries its id and state so
 * the engine records it instead of leaking it (and its id alone, should its state be too large
 * for the engine to read).
 */
export function toGrpcError(error: unknown): GrpcFailure {
  const message = truncatedUtf8(userText(error instanceof Error ? error.message : String(error)));
  const code = codeOf(error);
  if (error instanceof PartialStateError) {
    const initFailed = (withState: boolean) => {
      const detail = new ErrorResourceInitFailed().setId(error.id).setReasonsList([message]);
      if (withState) detail.setProperties(Struct.fromJavaScript(error.properties as never)).setInputs(Struct.fromJavaScript(error.inputs as never));
      return statusWith(code, message, pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed"));
    };
    return new GrpcFailure(code, message, initFailed(true), initFailed(false));
  }
  if (error instanceof InputError) {
    const detail = new InputPropertiesError();
    for (const failure of error.failures) {
      const item = new InputPropertiesError.PropertyError();
      item.setPropertyPath(userPath(failure.property));
      item.setReason(truncatedUtf8(userText(failure.reason)));
      detail.addErrors(item);
    }
    return new GrpcFailure(code, message, statusWith(code, message, pack(detail.serializeBinary(), "pulumirpc.InputPropertiesError")));
  }
  return new GrpcFailure(code, message);
}

/** A google.rpc.Status as grpc-status-details-bin carries it: its code must be the call's. */
function statusWith(code: GrpcCode, message: string, detail: Any): Uint8Array {
  return new Status().setCode(code).setMessage(message).setDetailsList([detail]).serializeBinary();
}

function pack(bytes: Uint8Array, typeName: string): Any {
  const any = new Any();
  any.pack(bytes, typeName);
  return any;
}

function codeOf(error: unknown): GrpcCode {
  // The engine reads the init failure from an UNKNOWN status.
  if (error instanceof PartialStateError) return GrpcCode.UNKNOWN;
  if (error instanceof InputError) return GrpcCode.INVALID_ARGUMENT;
  if (error instanceof RefusalError) return codeOf(error.cause);
  if (error instanceof CancelledError) return GrpcCode.CANCELLED;
  if (error instanceof DeadlineExceededError) return GrpcCode.DEADLINE_EXCEEDED;
  if (error instanceof NotFoundError) return GrpcCode.NOT_FOUND;
  if (error instanceof UnauthorizedError) return GrpcCode.UNAUTHENTICATED;
  if (error instanceof ForbiddenError) return GrpcCode.PERMISSION_DENIED;
  return GrpcCode.UNKNOWN;
}
