// The pulumirpc.ResourceProvider methods the plugin serves and their request messages: what the
// generated provider_grpc_pb describes, without loading it. That file makes grpc-js's client
// constructor as it loads, and loading grpc-js took 30 ms of the plugin's start, before the port.
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import type { ServedMethod, UnaryHandler, UnaryMethod } from "./grpc-server";
import { serviceWithStructCodec } from "./struct-codec";

interface RequestMessage {
  deserializeBinary(bytes: Uint8Array): unknown;
}

function method(name: string, request: RequestMessage): UnaryMethod {
  return {
    path: `/pulumirpc.ResourceProvider/${name}`,
    requestDeserialize: (bytes) => request.deserializeBinary(bytes),
    // The answer's bytes as they are: the server copies them into its frame anyway.
    responseSerialize: (answer: { serializeBinary(): Uint8Array }) => {
      const bytes = answer.serializeBinary();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}

/** The largest message either way: the engine's own limit for its provider calls. */
export const ENGINE_MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

/** By the names of ResourceProviderService's handlers; requests read and answers written with the plugin's Struct codec. */
export const PROVIDER_METHODS = serviceWithStructCodec({
  getPluginInfo: method("GetPluginInfo", Empty),
  getSchema: method("GetSchema", rpc.GetSchemaRequest),
  checkConfig: method("CheckConfig", rpc.CheckRequest),
  diffConfig: method("DiffConfig", rpc.DiffRequest),
  configure: method("Configure", rpc.ConfigureRequest),
  invoke: method("Invoke", rpc.InvokeRequest),
  check: method("Check", rpc.CheckRequest),
  diff: method("Diff", rpc.DiffRequest),
  create: method("Create", rpc.CreateRequest),
  read: method("Read", rpc.ReadRequest),
  update: method("Update", rpc.UpdateRequest),
  delete: method("Delete", rpc.DeleteRequest),
  cancel: method("Cancel", Empty),
} satisfies Record<string, UnaryMethod>);

export type ProviderMethodName = keyof typeof PROVIDER_METHODS;

/** The methods `handlers` answer, by path, as UnaryGrpcServer serves them. */
export function servedBy(handlers: Partial<Record<ProviderMethodName, UnaryHandler>>): Map<string, ServedMethod> {
  return new Map(
    Object.entries(handlers).map(([name, handle]) => {
      const method = PROVIDER_METHODS[name as ProviderMethodName];
      return [method.path, { method, handle: handle! }];
    }),
  );
}
