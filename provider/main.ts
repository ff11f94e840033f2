// Serves the provider as the Pulumi engine expects of any plugin (plugin.ts reads the command
// line). The port is the first line of stdout and nothing comes before it. Only gRPC and the
// wire types load before that; the resource declarations load on the first request.
import { createServer, type AddressInfo } from "node:net";
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderService as ServiceDefinition } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { EngineLog } from "./server/engine-log";
import { serviceWithStructCodec } from "./server/struct-codec";
import type { ResourceProviderService } from "./server/resource-provider";

/** How long answers in flight may take to go out after a stop signal. */
const SHUTDOWN_GRACE_MS = 3000;

/**
 * Without an engine address (run by hand), log messages go to stderr. `verbosity` is the
 * engine's `-v=N`: from 5 on, the plugin logs its HTTP requests (server/request-logging.ts).
 */
export async function serve(engineAddress: string | undefined, verbosity = 0): Promise<grpc.Server> {
  const engine = new EngineLog(engineAddress);
  const server = new grpc.Server({
    "grpc.max_receive_message_length": 400 * 1024 * 1024,
    "grpc.max_send_message_length": 400 * 1024 * 1024,
    // Channelz, grpc-js's introspection service, is never served here; its per-call bookkeeping is garbage.
    "grpc.enable_channelz": 0,
  });
  // The service, its declarations, zod and undici load on the first request, not before the port.
  let service: ResourceProviderService | undefined;
  let handlers: grpc.UntypedServiceImplementation | undefined;
  const load = () => {
    if (!handlers) {
      const { ResourceProviderService: Service } = require("./server/resource-provider") as {
        ResourceProviderService: typeof ResourceProviderService;
      };
      service = new Service(engine, verbosity);
      handlers = service.handlers();
    }
    return handlers;
  };
  const lazy = Object.fromEntries(
    Object.keys(ServiceDefinition).map((method) => [
      method,
      (call: unknown, callback: (error: grpc.ServiceError) => void) => {
        const handler = load()[method] as ((call: unknown, callback: unknown) => void) | undefined;
        if (handler) handler(call, callback);
        else callback(Object.assign(new Error(`${method} is not implemented`), { code: grpc.status.UNIMPLEMENTED }) as grpc.ServiceError);
      },
    ]),
  );
  server.addService(serviceWithStructCodec(ServiceDefinition), lazy);
  const port = await listenWithoutDelay(server);
  process.stdout.write(`${port}\n`);
  // The engine's first calls (GetSchema, CheckConfig) follow at once: load while it connects.
  setImmediate(load);
  // The engine stops a plugin with a signal, also while an operation waits on an API: cancel
  // the work (a half-done create is still recorded), let the answers go out, then exit.
  const stop = () => {
    void service?.cancel();
    server.tryShutdown(() => process.exit(0));
    setTimeout(() => {
      server.forceShutdown();
      process.exit(0);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return server;
}

/**
 * Listens on a free loopback port and hands each connection to `server` with Nagle's algorithm
 * off, as Go (the engine's language) sets every TCP connection. grpc-js's own listener leaves it
 * on: an answer written while the previous one is not yet acknowledged waits for that, which
 * cost each call about half a millisecond each way with 16 resources in flight.
 */
export function listenWithoutDelay(server: grpc.Server): Promise<number> {
  const injector = server.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const listener = createServer({ noDelay: true }, (socket) => injector.injectConnection(socket));
  return new Promise((resolve, reject) => {
    listener.once("error", reject);
    listener.listen(0, "127.0.0.1", () => {
      listener.off("error", reject);
      // A connection that fails to be accepted (out of file descriptors) must not end the plugin.
      listener.on("error", (error) => process.stderr.write(`hosting provider: accepting a connection failed: ${error.message}\n`));
      resolve((listener.address() as AddressInfo).port);
    });
  });
}
