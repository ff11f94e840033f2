// The references for the Check and Diff latency row and for the creates without a limit: a
// pulumirpc.ResourceProvider that does nothing of its own, on @grpc/grpc-js with the same
// generated stubs, codecs and listener as the plugin, in a process of its own. Check answers the
// inputs it was sent; Create, given a WisPanel sandbox in BARE_PROVIDER_WISPANEL ({ url, token,
// ca } as JSON), makes the requests the plugin's Database create makes (a POST and the GET that
// reads it back) over a bare undici client. What the plugin takes beyond it is its own cost.
// Started by rpc-latency.ts and throughput.ts; like the plugin, it prints its port first on stdout.
import { createSecureContext } from "node:tls";
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { Agent, request } from "undici";
import { listenWithoutDelay } from "../provider/main";
import { useNativeUtf8 } from "../provider/server/protobuf-strings";
import { serviceWithStructCodec, structOf } from "../provider/server/struct-codec";

useNativeUtf8();

export const BARE_PROVIDER_WISPANEL = "BARE_PROVIDER_WISPANEL";

type Unary<Req, Res> = (call: grpc.ServerUnaryCall<Req, Res>, callback: grpc.sendUnaryData<Res>) => void;

function wispanelCreate(sandbox: { url: string; token: string; ca: string }): Unary<rpc.CreateRequest, rpc.CreateResponse> {
  const agent = new Agent({ keepAliveTimeout: 10_000, connect: { secureContext: createSecureContext({ ca: sandbox.ca }) } });
  const headers = { authorization: `Bearer ${sandbox.token}`, "content-type": "application/json", accept: "application/json" };
  const send = async (method: "GET" | "POST", path: string, body?: unknown) => {
    const answer = await request(`${sandbox.url}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), dispatcher: agent });
    const text = await answer.body.text();
    if (answer.statusCode >= 300) throw new Error(`${method} ${path} answered ${answer.statusCode}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  return (call, callback) => {
    const inputs = call.request.getProperties()?.toJavaScript() ?? {};
    const id = `john_${String(inputs.name)}`;
    send("POST", "/databases", inputs)
      .then(() => send("GET", `/databases/${id}`))
      .then(
        (read) => callback(null, new rpc.CreateResponse().setId(id).setProperties(structOf(read))),
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
