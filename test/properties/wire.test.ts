// A few hundred of the generated cases through the real plugin process over gRPC: the wire
// path (protobuf structs, UTF-8, status details) keeps every property the in-process suite pins.
import fc from "fast-check";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../provider/registry";
import type { TestServer } from "../support/http-test-server";
import { declaredInputs, fittingInputs, secretOf } from "./declared-inputs";
import { propertyErrorsOf, refused, toStruct } from "./properties";
import { pluginProvider } from "./provider-under-test";
import { checkAnswers, diffAnswers, invokeAnswers, type Subject } from "./resource-properties";
import { configPointingAt, configure, runs, startApiCounter } from "./settings";

let subject: Subject;

beforeAll(async () => {
  const api: TestServer = await startApiCounter();
  const provider = await pluginProvider();
  await configure(provider, configPointingAt(api.origin));
  subject = { provider, api };
});

afterAll(async () => {
  await subject?.provider.stop();
  await subject?.api.close();
});

describe("through the plugin process", () => {
  it("Check and Diff of every resource keep their properties", async () => {
    for (const resource of registry().resources.values()) {
      await fc.assert(
        fc.asyncProperty(declaredInputs(resource.inputs), fittingInputs(resource.inputs), async (news, fitting) => {
          await checkAnswers(subject, resource, news);
          const checked = (await checkAnswers(subject, resource, fitting)).inputs;
          await diffAnswers(subject, resource, checked, checked);
        }),
        runs(8),
      );
    }
  });

  it("Invoke of every function refuses bad arguments by name", async () => {
    for (const fn of registry().functions.values()) {
      await fc.assert(fc.asyncProperty(declaredInputs(fn.inputs), async (args) => invokeAnswers(subject, fn, args)), runs(4));
    }
  });

  it("Configure refuses a value of another type by its key, without repeating a secret", async () => {
    const keys = registry().apis.flatMap((a) => a.variables.map((v) => v.key)).filter((key) => key !== "serverpilotApiKey");
    const listOrObject = fc.oneof(fc.array(fc.integer(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.boolean(), { maxKeys: 2 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...keys), listOrObject, async (key, value) => {
        const secret = "Zq7-not-to-be-repeated-secret";
        const request = new rpc.ConfigureRequest().setAcceptsecrets(true).setArgs(toStruct({ [key]: value, serverpilotApiKey: secretOf(`${secret}\n`) }));
        const error = refused(await subject.provider.call("configure", request), "Configure");
        expect(propertyErrorsOf(error).map((f) => f.property)).toEqual(expect.arrayContaining([`hosting:${key}`]));
        expect(error.message).not.toContain(secret);
      }),
      runs(20),
    );
    await configure(subject.provider, configPointingAt(subject.api.origin));
  });
});
