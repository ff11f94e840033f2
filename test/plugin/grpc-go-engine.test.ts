// The plugin called by grpc-go, the engine's own gRPC library, as the Pulumi CLI calls it: the
// answers, the failures with their details (bad input, a half-created resource), and the methods
// the engine tries and expects UNIMPLEMENTED for.
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { InputPropertiesError } from "@pulumi/pulumi/proto/errors_pb";
import * as plugin from "@pulumi/pulumi/proto/plugin_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageVersion } from "../../provider/version";
import { urnOf } from "../harness/plugin";
import { wispanelConfig, startWisPanelEnvironment, type WisPanelEnvironment } from "../support/wispanel-environment";
import { GoEngine, type GoAnswer } from "../support/go-engine";

const DATABASE = "hosting:wispanel:Database";
const OK = 0;
const INVALID_ARGUMENT = 3;
const UNKNOWN = 2;
const UNIMPLEMENTED = 12;

let env: WisPanelEnvironment;
let engine: GoEngine;

beforeAll(async () => {
  env = await startWisPanelEnvironment();
  engine = GoEngine.connect(env.plugin.port);
});

afterAll(async () => {
  await engine?.close();
  await env?.stop();
});

const ok = (answer: GoAnswer) => {
  expect(answer.code, answer.message).toBe(OK);
  return answer.response ?? new Uint8Array();
};

function detailOf<T>(answer: GoAnswer, type: string, decode: (bytes: Uint8Array) => T): T {
  const status = Status.deserializeBinary(answer.details!);
  expect(status.getCode()).toBe(answer.code);
  const any = status.getDetailsList().find((d) => d.getTypeUrl().endsWith(`/${type}`));
  expect(any, `details of type ${type}`).toBeDefined();
  return decode(any!.getValue_asU8());
}

async function checked(name: string, inputs: Record<string, unknown>): Promise<rpc.CheckResponse> {
  const request = new rpc.CheckRequest().setUrn(urnOf(DATABASE, name)).setType(DATABASE).setName(name).setNews(Struct.fromJavaScript(inputs as never));
  return rpc.CheckResponse.deserializeBinary(ok(await engine.call("Check", request.serializeBinary())));
}

function create(name: string, inputs: Struct | undefined): Promise<GoAnswer> {
  return engine.call("Create", new rpc.CreateRequest().setUrn(urnOf(DATABASE, name)).setType(DATABASE).setName(name).setProperties(inputs).serializeBinary());
}

describe("the plugin, called by grpc-go", () => {
  it("answers GetPluginInfo, GetSchema and Configure", async () => {
    expect(plugin.PluginInfo.deserializeBinary(ok(await engine.call("GetPluginInfo", new Empty().serializeBinary()))).getVersion()).toBe(packageVersion());
    const schema = rpc.GetSchemaResponse.deserializeBinary(ok(await engine.call("GetSchema", new rpc.GetSchemaRequest().serializeBinary())));
    expect(JSON.parse(schema.getSchema()).name).toBe("hosting");
    const configure = new rpc.ConfigureRequest().setAcceptsecrets(true);
    for (const [key, value] of Object.entries(wispanelConfig(env.sandbox))) configure.getVariablesMap().set(key, value);
    expect(rpc.ConfigureResponse.deserializeBinary(ok(await engine.call("Configure", configure.serializeBinary()))).getAcceptsecrets()).toBe(true);
  });

  it("answers the methods the engine tries before falling back UNIMPLEMENTED", async () => {
    for (const method of ["Handshake", "Parameterize", "GetMapping", "GetMappings", "Construct", "Call", "Attach"]) {
      expect((await engine.call(method, new Uint8Array())).code, method).toBe(UNIMPLEMENTED);
    }
  });

  it("checks, creates, reads and deletes a database", async () => {
    const inputs = (await checked("forum", { name: "goforum", user: "goforum", password: "s3cret-Passw0rd" })).getInputs();
    const created = rpc.CreateResponse.deserializeBinary(ok(await create("forum", inputs)));
    expect(created.getId()).toBe("john_goforum");
    expect(env.sandbox.store.has("john_goforum")).toBe(true);
    const read = new rpc.ReadRequest().setUrn(urnOf(DATABASE, "forum")).setType(DATABASE).setId(created.getId()).setProperties(created.getProperties()).setInputs(inputs);
    expect(rpc.ReadResponse.deserializeBinary(ok(await engine.call("Read", read.serializeBinary()))).getId()).toBe("john_goforum");
    const remove = new rpc.DeleteRequest().setUrn(urnOf(DATABASE, "forum")).setType(DATABASE).setId(created.getId()).setProperties(created.getProperties()).setOldInputs(inputs);
    ok(await engine.call("Delete", remove.serializeBinary()));
    expect(env.sandbox.store.has("john_goforum")).toBe(false);
  });

  it("fails a create the panel refuses INVALID_ARGUMENT, with the property named in InputPropertiesError", async () => {
    const inputs = (await checked("taken", { name: "gotaken", user: "gotaken", password: "s3cret-Passw0rd" })).getInputs();
    ok(await create("taken", inputs));
    const again = await create("taken-again", inputs);
    expect(again.code).toBe(INVALID_ARGUMENT);
    const errors = detailOf(again, "pulumirpc.InputPropertiesError", (b) => InputPropertiesError.deserializeBinary(b)).getErrorsList();
    expect(errors.map((e) => e.getPropertyPath())).toContain("name");
    expect(again.message).toContain("409");
  });

  it("fails a create that broke after the panel made the database UNKNOWN, with its id and state in ErrorResourceInitFailed", async () => {
    const inputs = (await checked("half", { name: "gohalf", user: "gohalf", password: "s3cret-Passw0rd" })).getInputs();
    env.sandbox.injectFault({ method: "GET", path: /\/databases\/john_gohalf$/, status: 404, times: 1 });
    const answer = await create("half", inputs);
    expect(answer.code).toBe(UNKNOWN);
    const initFailed = detailOf(answer, "pulumirpc.ErrorResourceInitFailed", (b) => rpc.ErrorResourceInitFailed.deserializeBinary(b));
    expect(initFailed.getId()).toBe("john_gohalf");
    expect(initFailed.getProperties()?.toJavaScript()).toMatchObject({ fullName: "john_gohalf" });
    expect(initFailed.getReasonsList().join(" ")).toContain("404");
  });

  it("carries a request of a megabyte and more, and its refusal naming the field", async () => {
    const long = "x".repeat(1_500_000);
    const answer = rpc.CheckResponse.deserializeBinary(ok(await engine.call("Check", new rpc.CheckRequest().setUrn(urnOf(DATABASE, "long")).setType(DATABASE).setNews(Struct.fromJavaScript({ name: long, user: "u", password: "s3cret-Passw0rd" })).serializeBinary())));
    expect(answer.getFailuresList().map((f) => f.getProperty())).toContain("name");
  });
});
