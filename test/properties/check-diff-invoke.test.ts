// Thousands of generated inputs for every resource's Check and Diff and every function's
// Invoke, derived from the declarations in the registry: a new resource is covered as soon as
// it is declared. In this process, against the handlers the plugin's gRPC server calls.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registry } from "../../provider/registry";
import type { TestServer } from "../support/http-test-server";
import { declaredInputs, fittingInputs } from "./declared-inputs";
import { inProcessProvider, type ProviderUnderTest } from "./provider-under-test";
import { checkAnswers, diffAnswers, invokeAnswers, type Subject } from "./resource-properties";
import { configPointingAt, configure, runs, startApiCounter } from "./settings";

let subject: Subject;

beforeAll(async () => {
  const api: TestServer = await startApiCounter();
  const provider: ProviderUnderTest = await inProcessProvider();
  await configure(provider, configPointingAt(api.origin));
  subject = { provider, api };
});

afterAll(async () => {
  await subject?.provider.stop();
  await subject?.api.close();
});

const resources = [...registry().resources.values()];
const functions = [...registry().functions.values()];

describe.each(resources.map((r) => [r.token, r] as const))("%s", (_token, resource) => {
  it("Check answers every input in time, without the API, naming the field of every failure; its result checks again unchanged", async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(declaredInputs(resource.inputs), fc.option(declaredInputs(resource.inputs), { freq: 3 }), async (news, olds) => {
        const first = await checkAnswers(subject, resource, news, olds ?? undefined);
        if (first.failures.length > 0) return;
        accepted++;
        const again = await checkAnswers(subject, resource, first.inputs, olds ?? undefined);
        expect(again.failures).toEqual([]);
        expect(again.inputs).toEqual(first.inputs);
      }),
      runs(100),
    );
    expect(accepted, "no generated input was accepted: the generator no longer reaches the rules").toBeGreaterThan(0);
  });

  it("Diff is deterministic and finds nothing between checked inputs and themselves", async () => {
    await fc.assert(
      fc.asyncProperty(fittingInputs(resource.inputs), declaredInputs(resource.inputs), async (fitting, other) => {
        const checked = (await checkAnswers(subject, resource, fitting)).inputs;
        await diffAnswers(subject, resource, checked, checked);
        await diffAnswers(subject, resource, checked, (await checkAnswers(subject, resource, other)).inputs);
        // The engine's olds come from a state file any earlier version (or a hand) wrote.
        await diffAnswers(subject, resource, other, checked);
      }),
      runs(40),
    );
  });

  it("Diff answers when the recorded inputs are values that cannot even be printed", async () => {
    // A state a hand wrote: every input an object without toString, alone, in a list or a map,
    // plain or secret. Neither a field's normalisation (a lowercased domain) nor the words a
    // resource has for a replacement (the DBaaS name in its warning) are written for such values.
    const unprintable = { toString: null, valueOf: null };
    const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });
    const keys = Object.keys(resource.inputs);
    const recordedValue = fc.tuple(fc.constantFrom(unprintable, [unprintable], [[unprintable]], { k: unprintable }), fc.boolean()).map(([value, secretly]) => (secretly ? secret(value) : value));
    await fc.assert(
      fc.asyncProperty(fittingInputs(resource.inputs), fc.tuple(...keys.map(() => recordedValue)), async (fitting, values) => {
        const checked = (await checkAnswers(subject, resource, fitting)).inputs;
        await diffAnswers(subject, resource, Object.fromEntries(keys.map((key, i) => [key, values[i]])), checked);
      }),
      runs(20),
    );
  });
});

describe.each(functions.map((f) => [f.token, f] as const))("%s", (_token, fn) => {
  it("Invoke refuses bad arguments by name, in time, without the API", async () => {
    await fc.assert(
      fc.asyncProperty(declaredInputs(fn.inputs), async (args) => invokeAnswers(subject, fn, args)),
      runs(40),
    );
  });
});
