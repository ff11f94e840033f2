// Generated provider configurations for CheckConfig and Configure, derived from every API's
// declared config variables: a bad value is refused by its config key, a secret never comes
// back in the answer, and nothing reaches an API.
import fc from "fast-check";
import * as grpc from "@grpc/grpc-js";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConfigVariable } from "../../provider/kit/api";
import { registry } from "../../provider/registry";
import { userPath } from "../../provider/server/user-text";
import type { TestServer } from "../support/http-test-server";
import { awkwardString, hostileValue, hugeString, secretOf, type Json } from "./declared-inputs";
import { answered, failuresOf, propertyErrorsOf, refused, toStruct } from "./properties";
import { inProcessProvider, type ProviderUnderTest } from "./provider-under-test";
import { runs, startApiCounter } from "./settings";

let provider: ProviderUnderTest;
let api: TestServer;

beforeAll(async () => {
  api = await startApiCounter();
  provider = await inProcessProvider();
});

afterAll(async () => {
  await provider?.stop();
  await api?.close();
});

const variables: ConfigVariable[] = registry().apis.flatMap((a) => a.variables);

function fittingValue(variable: ConfigVariable): string {
  if (variable.key.endsWith("Endpoint")) return api.origin;
  if (variable.key === "wispanelApiToken") return "wsp_Generated-Token-1";
  return `generated-${variable.key}-A1`;
}

/** A value for one variable: fitting, a string its rule may refuse, another type, unknown, or secret. */
function valueFor(variable: ConfigVariable): fc.Arbitrary<Json> {
  const plain: fc.Arbitrary<Json> = fc.oneof(
    { arbitrary: fc.constant(fittingValue(variable)), weight: 4 },
    { arbitrary: awkwardString.map((s) => `${fittingValue(variable)}${s}`), weight: 2 },
    { arbitrary: awkwardString, weight: 2 },
    // A megabyte in a secret variable is the redactor's own case: see the report of this suite.
    { arbitrary: variable.secret ? fc.constant("x".repeat(5000)) : hugeString, weight: 1 },
    { arbitrary: fc.constantFrom("http://api.example.com", "ftp://127.0.0.1/", "https://", "not a url", "wsp_", "https://[::1]:2083/x"), weight: 1 },
    { arbitrary: hostileValue(variable.secret ? 3 : 1), weight: 2 },
  );
  // Secrets of ordinary size: a megabyte-long one is the redactor's own case.
  const secret = fc.oneof(fc.constant(fittingValue(variable)), awkwardString, hostileValue(3)).map((v) => secretOf(v) as Json);
  return fc.oneof({ arbitrary: plain, weight: 4 }, { arbitrary: secret, weight: 1 });
}

const configs = () => fc.tuple(
  fc.record(Object.fromEntries(variables.map((v) => [v.key, valueFor(v)]))),
  fc.option(fc.dictionary(awkwardString, hostileValue(1), { maxKeys: 2 }), { freq: 4 }),
);

/** Every string that must not come back: what came secret, and the values of secret variables. */
function secretsOf(config: Record<string, unknown>): string[] {
  const found: string[] = [];
  const walk = (v: unknown, secret: boolean): void => {
    // Shorter ones can be words of the messages themselves ("https://").
    if (typeof v === "string" && secret && v.length >= 10) found.push(v);
    else if (Array.isArray(v)) v.forEach((item) => walk(item, secret));
    else if (v !== null && typeof v === "object") {
      const record = v as Record<string, unknown>;
      const wrapped = "4dabf18193072939515e22adb298388d" in record;
      Object.values(record).forEach((item) => walk(item, secret || wrapped));
    }
  };
  for (const [key, value] of Object.entries(config)) walk(value, variables.find((v) => v.key === key)?.secret === true);
  return found.filter((s) => s !== "1b47061264138c4ac30d75fd1eb44270");
}

/** What the rules say of a value as the provider reads it: the reason it is refused, or undefined. */
function problemOf(key: string, value: unknown): string | undefined {
  const variable = variables.find((v) => v.key === key);
  if (!variable) return "unknown key";
  let unwrapped = value;
  while (unwrapped !== null && typeof unwrapped === "object" && !Array.isArray(unwrapped) && "4dabf18193072939515e22adb298388d" in unwrapped) unwrapped = (unwrapped as { value?: unknown }).value;
  if (unwrapped === null || unwrapped === undefined || unwrapped === "04da6b54-80e4-46f7-96ec-b56ff0331ba9") return undefined;
  if (typeof unwrapped === "object") return "not a string";
  const text = String(unwrapped);
  return text === "" ? undefined : variable.validate?.(text);
}

const noSecretIn = (text: string, secrets: string[], what: string) => {
  for (const secret of secrets) expect(text.includes(secret), `${what} repeats the secret ${JSON.stringify(secret.slice(0, 40))}`).toBe(false);
};

describe("Configure", () => {
  it("accepts what the rules accept, refuses the rest by config key, never repeats a secret, and asks no API", async () => {
    let refusedCount = 0;
    await fc.assert(
      fc.asyncProperty(configs(), async ([declared, extra]) => {
        const config = { ...(extra ?? {}), ...declared } as Record<string, unknown>;
        const problems = Object.entries(config).filter(([k, v]) => k !== "version" && !k.startsWith("__") && problemOf(k, v) !== undefined).map(([k]) => `hosting:${k}`);
        const request = new rpc.ConfigureRequest().setAcceptsecrets(true).setArgs(toStruct(config));
        const before = api.requests.length;
        const outcome = await provider.call<rpc.ConfigureRequest, rpc.ConfigureResponse>("configure", request);
        expect(api.requests.length, "Configure called an API").toBe(before);
        if (problems.length === 0) {
          answered(outcome, "Configure");
          return;
        }
        refusedCount++;
        const error = refused(outcome, "Configure");
        expect(error.code).toBe(grpc.status.INVALID_ARGUMENT);
        const named = propertyErrorsOf(error).map((f) => f.property);
        // Named as the provider writes any text: masked where a secret seen before shows in it.
        // The details travel as protobuf, whose UTF-8 turns a lone surrogate into U+FFFD.
        const onTheWire = (text: string) => userPath(text).replace(/\p{Surrogate}/gu, "\ufffd");
        for (const key of problems.map(onTheWire)) expect(named.includes(key), `Configure did not name ${key.slice(0, 100)}: ${named.join(", ").slice(0, 300)}`).toBe(true);
        const secrets = secretsOf(config);
        noSecretIn(error.message, secrets, "Configure's error");
        for (const failure of propertyErrorsOf(error)) noSecretIn(`${failure.property} ${failure.reason}`, secrets, "Configure's property error");
      }),
      runs(300),
    );
    expect(refusedCount).toBeGreaterThan(0);
  });
});

describe("CheckConfig", () => {
  it("names every refused key and never repeats a secret, even one sent without its secret mark", async () => {
    await fc.assert(
      fc.asyncProperty(configs(), async ([declared, extra]) => {
        const config = { ...(extra ?? {}), ...declared } as Record<string, unknown>;
        const request = new rpc.CheckRequest().setUrn("urn:pulumi:props::props::pulumi:providers:hosting::default").setNews(toStruct(config));
        const response = answered(await provider.call<rpc.CheckRequest, rpc.CheckResponse>("checkConfig", request), "CheckConfig");
        const failures = failuresOf(response.getFailuresList());
        const keys = Object.keys(config).filter((k) => k !== "version" && !k.startsWith("__") && problemOf(k, config[k]) !== undefined);
        for (const key of keys.map(userPath)) expect(failures.some((f) => f.property === key), `CheckConfig did not name ${key.slice(0, 100)}`).toBe(true);
        const secrets = secretsOf(config);
        for (const failure of failures) noSecretIn(failure.reason, secrets, "CheckConfig's failure");
      }),
      runs(300),
    );
  });
});
