// The reference for the Check and Diff latency row: a pulumirpc.ResourceProvider that does no
// work, on @grpc/grpc-js with the same generated stubs (and the same UTF-8 and Struct codecs) as
// the plugin, in a process of its own. What the plugin takes beyond it is the provider's own cost.
// Started by rpc-latency.ts; like the plugin, it prints its port as the first line of stdout.
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { useNativeUtf8 } from "../provider/server/protobuf-strings";
import { serviceWithStructCodec } from "../provider/server/struct-codec";

useNativeUtf8();

const server = new grpc.Server();
server.addService(serviceWithStructCodec(ResourceProviderService), {
  check: (call: grpc.ServerUnaryCall<rpc.CheckRequest, rpc.CheckResponse>, callback: grpc.sendUnaryData<rpc.CheckResponse>) => {
    const response = new rpc.CheckResponse();
    const news = call.request.getNews();
    if (news) response.setInputs(news);
    callback(null, response);
  },
  diff: (_call: grpc.ServerUnaryCall<rpc.DiffRequest, rpc.DiffResponse>, callback: grpc.sendUnaryData<rpc.DiffResponse>) => {
    callback(null, new rpc.DiffResponse().setChanges(rpc.DiffResponse.DiffChanges.DIFF_NONE));
  },
});
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) throw error;
  process.stdout.write(`${port}\n`);
});
process.on("SIGTERM", () => server.tryShutdown(() => process.exit(0)));
