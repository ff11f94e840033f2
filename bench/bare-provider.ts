// The references for the Check and Diff latency row and for the creates without a limit: a
// pulumirpc.ResourceProvider that does nothing of its own, on the plugin's gRPC server with the
// same generated stubs and codecs, in a process of its own. Check answers the
// inputs it was sent; Create, given a WisPanel sandbox in BARE_PROVIDER_WISPANEL ({ url, token,
// ca } as JSON), makes the requests the plugin's Database create makes (a POST and the GET that
// reads it back) over a bare undici client. What the plugin takes beyond it is its own cost.
// Started by rpc-latency.ts and throughput.ts; like the plugin, it prints its port first on stdout.
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { UnaryGrpcServer, type UnaryHandler } from "../provider/server/grpc-server";
import { GrpcCode, GrpcFailure } from "../provider/server/grpc-status";
import { ENGINE_MAX_MESSAGE_BYTES, servedBy, type ProviderMethodName } from "../provider/server/provider-methods";
import { useNativeUtf8 } from "../provider/server/protobuf-strings";
import { structOf } from "../provider/server/struct-codec";
import { bareWisPanel, type WisPanelAddress } from "./bare-wispanel";

useNativeUtf8();

export const BARE_PROVIDER_WISPANEL = "BARE_PROVIDER_WISPANEL";

function wispanelCreate(sandbox: WisPanelAddress): (request: rpc.CreateRequest) => Promise<rpc.CreateResponse> {
  const client = bareWisPanel(sandbox);
  return (request) =>
    client.createDatabase(request.getProperties()?.toJavaScript() ?? {}).then(
      ({ id, read }) => new rpc.CreateResponse().setId(id).setProperties(structOf(read)),
      (error: Error) => Promise.reject(new GrpcFailure(GrpcCode.UNKNOWN, error.message)),
    );
}

if (require.main === module) {
  const sandbox = process.env[BARE_PROVIDER_WISPANEL];
  const check = async (request: rpc.CheckRequest) => {
    const response = new rpc.CheckResponse();
    const news = request.getNews();
    if (news) response.setInputs(news);
    return response;
  };
  const diff = async () => new rpc.DiffResponse().setChanges(rpc.DiffResponse.DiffChanges.DIFF_NONE);
  const handlers: Partial<Record<ProviderMethodName, UnaryHandler>> = { check, diff, ...(sandbox ? { create: wispanelCreate(JSON.parse(sandbox)) } : {}) };
  const server = new UnaryGrpcServer(servedBy(handlers), ENGINE_MAX_MESSAGE_BYTES);
  void server.listen().then((port) => process.stdout.write(`${port}\n`));
  process.on("SIGTERM", () => void server.shutdown(1000).then(() => process.exit(0)));
}
