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
import { GrpcCode, GrpcFailure } from "./grpc-status";
import { PartialStateError } from "./partial-state";
import { userPath, userText } from "./user-text";

/**
 * Turns any error into a gRPC error the engine understands. Messages are scrubbed of secrets;
 * bad input carries the property paths; a half-created resource carries its id and state so
 * the engine records it instead of leaking it.
 */
export function toGrpcError(error: unknown): GrpcFailure {
  const message = userText(error instanceof Error ? error.message : String(error));
  const status = new Status();
  status.setMessage(message);
  const code = codeOf(error);

  if (error instanceof PartialStateError) {
    const detail = new ErrorResourceInitFailed();
    detail.setId(error.id);
    detail.setProperties(Struct.fromJavaScript(error.properties as never));
    detail.setInputs(Struct.fromJavaScript(error.inputs as never));
    detail.setReasonsList([message]);
    status.addDetails(pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed"));
  } else if (error instanceof InputError) {
    const detail = new InputPropertiesError();
    for (const failure of error.failures) {
      const item = new InputPropertiesError.PropertyError();
      item.setPropertyPath(userPath(failure.property));
      item.setReason(userText(failure.reason));
      detail.addErrors(item);
    }
    status.addDetails(pack(detail.serializeBinary(), "pulumirpc.InputPropertiesError"));
  }
  status.setCode(code);
  return new GrpcFailure(code, message, status.getDetailsList().length > 0 ? status.serializeBinary() : undefined);
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
