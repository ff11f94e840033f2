// The references for the Check and Diff latency row and for the creates without a limit: a
// pulumirpc.ResourceProvider that does nothing of its own, on @grpc/grpc-js with the same
// generated stubs, codecs and listener as the plugin, in a process of its own. Check answers the
// inputs it was sent; Create, given a WisPanel sandbox in BARE_PROVIDER_WISPANEL ({ url, token,
// ca } as JSON), makes the requests the plugin's Database create makes (a POST and the GET that
// reads it back) over a bare undici client. What the plugin takes beyond it is its own cost.
// Started by rpc-latency.ts and throughput.ts; like the plugin, it prints its port first on stdout.
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { listenWithoutDelay } from "../provider/main";
import { useNativeUtf8 } from "../provider/server/protobuf-strings";
import { serviceWithStructCodec, structOf } from "../provider/server/struct-codec";
import { bareWisPanel, type WisPanelAddress } from "./bare-wispanel";

useNativeUtf8();

export const BARE_PROVIDER_WISPANEL = "BARE_PROVIDER_WISPANEL";

type Unary<Req, Res> = (call: grpc.ServerUnaryCall<Req, Res>, callback: grpc.sendUnaryData<Res>) => void;

function wispanelCreate(sandbox: WisPanelAddress): Unary<rpc.CreateRequest, rpc.CreateResponse> {
  const client = bareWisPanel(sandbox);
  return (call, callback) => {
    client.createDatabase(call.request.getProperties()?.toJavaScript() ?? {}).then(
      ({ id, read }) => callback(null, new rpc.CreateResponse().setId(id).setProperties(structOf(read))),
      (error: Error) => callback({ code: grpc.status.UNKNOWN, details: error.message }),
    );
  };
}

if (require.main === module) {
  const sandbox = process.env[BARE_PROVIDER_WISPANEL];
  const server = new grpc.Server({ "grpc.enable_channelz": 0 });
  const check: Unary<rpc.CheckRequest, rpc.CheckResponse> = (call, callback) => {
    const response = new rpc.CheckResponse();
    const news = call.request.getNews();
    if (news) response.setInputs(news);
    callback(null, response);
  };
  const diff: Unary<rpc.DiffRequest, rpc.DiffResponse> = (_call, callback) => callback(null, new rpc.DiffResponse().setChanges(rpc.DiffResponse.DiffChanges.DIFF_NONE));
  server.addService(serviceWithStructCodec(ResourceProviderService), { check, diff, ...(sandbox ? { create: wispanelCreate(JSON.parse(sandbox)) } : {}) });
  void listenWithoutDelay(server).then((port) => process.stdout.write(`${port}\n`));
  process.on("SIGTERM", () => server.tryShutdown(() => process.exit(0)));
}
