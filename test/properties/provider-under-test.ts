// The provider as the property tests call it: the same ResourceProviderService handlers the
// plugin's gRPC server calls, either in this process (fast: thousands of cases) or through the
// real plugin process over gRPC (the wire path). Both answer a request with its response or
// its gRPC error, and how long it took.
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import type { LogRequest } from "@pulumi/pulumi/proto/engine_pb";
import { EngineLog } from "../../provider/server/engine-log";
import type { UnaryHandler } from "../../provider/server/grpc-server";
import { GrpcFailure } from "../../provider/server/grpc-status";
import { ResourceProviderService } from "../../provider/server/resource-provider";
import { PluginProcess } from "../harness/plugin";
import { CALL_CAP_MS } from "./properties";

export type Outcome<Res> = { response: Res; error?: undefined; ms: number } | { response?: undefined; error: grpc.ServiceError; ms: number };

export interface ProviderUnderTest {
  call<Req, Res>(method: string, request: Req): Promise<Outcome<Res>>;
  /** Every message the provider sent to the engine's log. */
  readonly logs: string[];
  stop(): Promise<void>;
}

/** A real Engine log service on 127.0.0.1, as the CLI runs it: the provider's warnings arrive here. */
async function startEngine(logs: string[]): Promise<{ address: string; server: grpc.Server }> {
  const server = new grpc.Server();
  server.addService(EngineService, {
    log: (call: grpc.ServerUnaryCall<LogRequest, Empty>, callback: grpc.sendUnaryData<Empty>) => {
      logs.push(call.request.getMessage());
      callback(null, new Empty());
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  return { address: `127.0.0.1:${port}`, server };
}


function timed<Res>(start: (done: (error: grpc.ServiceError | null, response?: Res) => void) => void): Promise<Outcome<Res>> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // A call that never answers fails as a hang instead of stalling the test.
    const hang = setTimeout(() => reject(new Error(`no answer after ${CALL_CAP_MS} ms`)), CALL_CAP_MS);
    start((error, response) => {
      clearTimeout(hang);
      const ms = performance.now() - started;
      resolve(error ? { error, ms } : { response: response as Res, ms });
    });
  });
}

export async function inProcessProvider(): Promise<ProviderUnderTest> {
  const logs: string[] = [];
  const engine = await startEngine(logs);
  const log = new EngineLog(engine.address);
  const handlers = new ResourceProviderService(log).handlers();
  return {
    logs,
    call: <Req, Res>(method: string, request: Req) =>
      timed<Res>((done) => (handlers as Record<string, UnaryHandler>)[method]!(request as never).then((response) => done(null, response as Res), (error: unknown) => done(asClientError(error)))),
    stop: async () => {
      log.close();
      engine.server.forceShutdown();
    },
  };
}

/** A failure as the engine's gRPC client reports it: code, message and the status details in the metadata. */
function asClientError(error: unknown): grpc.ServiceError {
  if (!(error instanceof GrpcFailure)) throw new Error(`a handler rejected with something other than a GrpcFailure: ${String(error)}`);
  const metadata = new grpc.Metadata();
  if (error.statusDetails) metadata.set("grpc-status-details-bin", Buffer.from(error.statusDetails));
  return Object.assign(new Error(`${error.code} ${grpc.status[error.code]}: ${error.message}`), { code: error.code as number, details: error.message, metadata });
}

export async function pluginProvider(): Promise<ProviderUnderTest> {
  const plugin = await PluginProcess.start();
  const client = plugin.client as unknown as Record<string, (req: unknown, done: (e: grpc.ServiceError | null, r: unknown) => void) => void>;
  return {
    get logs() {
      return plugin.logs.map((entry) => entry.message);
    },
    call: <Req, Res>(method: string, request: Req) => timed<Res>((done) => client[method].call(plugin.client, request, done as never)),
    stop: () => plugin.stop(),
  };
}
