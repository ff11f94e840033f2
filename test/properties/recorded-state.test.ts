// Update, Delete and Read of a state that an older version of the provider or a hand wrote: every
// recorded input of another type than declared. Each answers, or fails with what is wrong (an id,
// the API's refusal, the inputs the state records wrongly), never with JavaScript's own words for
// a value it did not expect. In this process, against an API that refuses everything.
import * as grpc from "@grpc/grpc-js";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../provider/registry";
import { toStruct } from "../../provider/server/wire";
import type { TestServer } from "../support/http-test-server";
import { inProcessProvider, type ProviderUnderTest } from "./provider-under-test";
import { configPointingAt, configure, startApiCounter } from "./settings";

let provider: ProviderUnderTest;
let api: TestServer;

beforeAll(async () => {
  api = await startApiCounter();
  provider = await inProcessProvider();
  await configure(provider, configPointingAt(api.origin));
});

afterAll(async () => {
  await provider?.stop();
  await api?.close();
});

const JAVASCRIPTS_OWN_WORDS = /Cannot convert|Cannot read propert|is not a function|is not iterable|of undefined|of null/;
const unprintable = { toString: null, valueOf: null };

describe.each([...registry().resources.values()].map((r) => [r.token, r] as const))("%s", (token, resource) => {
  const state = toStruct(Object.fromEntries(Object.keys(resource.inputs).map((key) => [key, unprintable])));
  const urn = `urn:pulumi:stack::project::${token}::recorded`;

  it.each([
    ["update", new rpc.UpdateRequest().setUrn(urn).setType(token).setId("1").setOlds(state).setNews(state).setOldInputs(state)],
    ["delete", new rpc.DeleteRequest().setUrn(urn).setType(token).setId("1").setProperties(state).setOldInputs(state)],
    ["read", new rpc.ReadRequest().setUrn(urn).setType(token).setId("1").setProperties(state).setInputs(state)],
  ] as const)("%s of a state whose inputs are all of another type fails saying what is wrong", async (method, request) => {
    const outcome = await provider.call<unknown, unknown>(method, request);
    if (!outcome.error) return;
    expect(outcome.error.code, outcome.error.details).not.toBe(grpc.status.INTERNAL);
    expect(outcome.error.details).not.toMatch(JAVASCRIPTS_OWN_WORDS);
  });
});
