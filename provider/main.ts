// Serves the provider as the Pulumi engine expects of any plugin (plugin.ts reads the command
// line). The port is the first line of stdout and nothing comes before it. Only gRPC and the
// wire types load before that; the resource declarations load on the first request.
import { EngineLog } from "./server/engine-log";
import { UnaryGrpcServer, type UnaryHandler } from "./server/grpc-server";
import { ENGINE_MAX_MESSAGE_BYTES, PROVIDER_METHODS, servedBy, type ProviderMethodName } from "./server/provider-methods";
import type { ResourceProviderService } from "./server/resource-provider";

/** How long answers in flight may take to go out after a stop signal. */
const SHUTDOWN_GRACE_MS = 3000;

/**
 * Without an engine address (run by hand), log messages go to stderr. `verbosity` is the
 * engine's `-v=N`: from 5 on, the plugin logs its HTTP requests (server/request-logging.ts).
 */
export async function serve(engineAddress: string | undefined, verbosity = 0): Promise<UnaryGrpcServer> {
  const engine = new EngineLog(engineAddress);
  // The service, its declarations, zod and undici load on the first request, not before the port.
  let service: ResourceProviderService | undefined;
  let handlers: Record<ProviderMethodName, UnaryHandler> | undefined;
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
  const lazy = Object.fromEntries(Object.keys(PROVIDER_METHODS).map((name) => [name, (request: never) => load()[name as ProviderMethodName](request)]));
  const server = new UnaryGrpcServer(servedBy(lazy), ENGINE_MAX_MESSAGE_BYTES);
  const port = await server.listen();
  process.stdout.write(`${port}\n`);
  // The engine's first calls (GetSchema, CheckConfig) follow at once: load while it connects.
  setImmediate(load);
  // The engine stops a plugin with a signal, also while an operation waits on an API: cancel
  // the work (a half-done create is still recorded), let the answers go out, then exit.
  const stop = () => {
    void service?.cancel();
    void server.shutdown(SHUTDOWN_GRACE_MS).then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return server;
}
