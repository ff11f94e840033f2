// The properties of Check, Diff and Invoke for one declaration and one generated input, the
// same whether the provider runs in this process or behind the plugin's gRPC server.
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { expect } from "vitest";
import type { ProviderFunction, Resource } from "../../provider/kit/resource";
import { containsUnknown } from "../../provider/kit/values";
import type { TestServer } from "../support/http-test-server";
import { answered, diffSummary, expectEveryFailureNamed, failuresOf, fromStruct, rememberSent, toStruct, type DiffSummary, type Failure } from "./properties";
import type { ProviderUnderTest } from "./provider-under-test";

const urnOf = (token: string) => `urn:pulumi:props::props::${token}::subject`;

export interface Subject {
  provider: ProviderUnderTest;
  /** Stands in for every API: it must see nothing from Check and Diff. */
  api: TestServer;
}

/** Check answers in time, asks no API, and every failure names an input it was given or declares. */
export async function checkAnswers(
  { provider, api }: Subject,
  resource: Resource,
  news: Record<string, unknown>,
  olds?: Record<string, unknown>,
): Promise<{ inputs: Record<string, unknown>; failures: Failure[] }> {
  const request = new rpc.CheckRequest().setUrn(urnOf(resource.token)).setType(resource.token).setNews(toStruct(news));
  if (olds) request.setOlds(toStruct(olds));
  rememberSent({ news, olds });
  const before = api.requests.length;
  const response = answered(await provider.call<rpc.CheckRequest, rpc.CheckResponse>("check", request), `Check of ${resource.token}`);
  expect(api.requests.slice(before), `Check of ${resource.token} called the API`).toEqual([]);
  const failures = failuresOf(response.getFailuresList());
  expectEveryFailureNamed(failures, [...Object.keys(resource.inputs), ...Object.keys(news)], `Check of ${resource.token}`);
  return { inputs: fromStruct(response.getInputs()), failures };
}

export async function diffOf({ provider, api }: Subject, resource: Resource, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<DiffSummary> {
  const request = new rpc.DiffRequest().setUrn(urnOf(resource.token)).setType(resource.token).setId("id-1").setOlds(toStruct(olds)).setNews(toStruct(news));
  const before = api.requests.length;
  const response = answered(await provider.call<rpc.DiffRequest, rpc.DiffResponse>("diff", request), `Diff of ${resource.token}`);
  expect(api.requests.slice(before), `Diff of ${resource.token} called the API`).toEqual([]);
  const summary = diffSummary(response);
  const declared = Object.keys(resource.inputs);
  for (const path of Object.keys(summary.detailedDiff)) {
    expect(declared.some((key) => path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`)), `Diff of ${resource.token} reports ${path.slice(0, 200)}`).toBe(true);
  }
  for (const replaced of summary.replaces) expect(declared, `Diff of ${resource.token} replaces for ${replaced}`).toContain(replaced);
  return summary;
}

/** Diff answers the same twice, and finds no change between an input and itself once it is known. */
export async function diffAnswers(subject: Subject, resource: Resource, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<void> {
  const first = await diffOf(subject, resource, olds, news);
  expect(await diffOf(subject, resource, olds, news), `Diff of ${resource.token} is not deterministic`).toEqual(first);
  if (!containsUnknown(news)) {
    const same = await diffOf(subject, resource, news, news);
    expect(same.detailedDiff, `Diff of ${resource.token} of an input with itself`).toEqual({});
    expect(same.changes, `Diff of ${resource.token} of an input with itself`).toBe(rpc.DiffResponse.DiffChanges.DIFF_NONE);
  }
}

/**
 * Invoke answers in time; a refused argument names the argument and asks no API. Arguments it
 * accepts go to the API, whose answer (the counter's refusal) is not this test's business.
 */
export async function invokeAnswers({ provider, api }: Subject, fn: ProviderFunction, args: Record<string, unknown>): Promise<void> {
  const request = new rpc.InvokeRequest().setTok(fn.token).setArgs(toStruct(args));
  rememberSent(args);
  const before = api.requests.length;
  const outcome = await provider.call<rpc.InvokeRequest, rpc.InvokeResponse>("invoke", request);
  const asked = api.requests.length > before;
  if (asked) {
    expect(outcome.error, `Invoke of ${fn.token} answered without the API's answer`).toBeDefined();
    return;
  }
  const response = answered(outcome, `Invoke of ${fn.token}`);
  const failures = failuresOf(response.getFailuresList());
  if (!containsUnknown(args)) expect(failures.length, `Invoke of ${fn.token} neither asked the API nor refused ${JSON.stringify(args).slice(0, 300)}`).toBeGreaterThan(0);
  expectEveryFailureNamed(failures, [...Object.keys(fn.inputs), ...Object.keys(args)], `Invoke of ${fn.token}`);
}
