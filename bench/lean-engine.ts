// The engine's calls the timed rows make, over UnaryGrpcClient: Check and Create for a new
// resource (creates.ts runs them as the engine does); Check and Diff alone for the latency row.
// Requests are built and answers read with the generated messages, and with the plugin's own
// Struct codec: the Go engine's protobuf costs next to nothing beside google-protobuf's, and a
// slow stand-in on a two-core machine would time itself as much as the plugin.
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { structOf as toStruct, withStructCodec } from "../provider/server/struct-codec";
import { urnName as nameOf, urnType as typeOf } from "../provider/kit/urn";
import { urnOf, type PluginProcess, type Props } from "../test/harness/plugin";
import { UnaryGrpcClient } from "./unary-grpc";

export interface CheckedResource {
  urn: string;
  type: string;
  name: string;
  inputs: Struct | undefined;
}

export class LeanEngine {
  private constructor(private readonly client: UnaryGrpcClient) {}

  /** An engine for a plugin the stand-in started (and configured), on a connection of its own. */
  static of(plugin: PluginProcess): LeanEngine {
    return new LeanEngine(new UnaryGrpcClient(`127.0.0.1:${plugin.port}`));
  }

  async check(urn: string, news: Props): Promise<rpc.CheckResponse> {
    const request = new rpc.CheckRequest().setUrn(urn).setType(typeOf(urn)).setName(nameOf(urn)).setNews(toStruct(news));
    return this.call("Check", request, rpc.CheckResponse);
  }

  async diff(urn: string, id: string, olds: Props, news: Props, oldInputs: Props): Promise<rpc.DiffResponse> {
    const request = new rpc.DiffRequest()
      .setUrn(urn)
      .setType(typeOf(urn))
      .setName(nameOf(urn))
      .setId(id)
      .setOlds(toStruct(olds))
      .setNews(toStruct(news))
      .setOldInputs(toStruct(oldInputs));
    return this.call("Diff", request, rpc.DiffResponse);
  }

  /** Check of a resource the program registers for the first time; fails with the failures Check reported. */
  async checkNew(type: string, name: string, inputs: Props): Promise<CheckedResource> {
    const urn = urnOf(type, name);
    const checked = await this.check(urn, inputs);
    const failures = checked.getFailuresList();
    if (failures.length > 0) throw new Error(`${urn} has problems: ${failures.map((f) => `${f.getProperty()}: ${f.getReason()}`).join("; ")}`);
    return { urn, type, name, inputs: checked.getInputs() };
  }

  /** The Create step of a checked resource, with the inputs Check returned. Resolves to the new id. */
  async create(resource: CheckedResource): Promise<string> {
    const request = new rpc.CreateRequest().setUrn(resource.urn).setType(resource.type).setName(resource.name).setProperties(resource.inputs);
    return (await this.call("Create", request, rpc.CreateResponse)).getId();
  }

  private async call<T>(method: string, request: { serializeBinary(): Uint8Array }, answer: { deserializeBinary(bytes: Uint8Array): T }): Promise<T> {
    const bytes = await this.client.call(method, withStructCodec(() => request.serializeBinary()));
    return withStructCodec(() => answer.deserializeBinary(bytes));
  }

  close(): void {
    this.client.close();
  }
}
