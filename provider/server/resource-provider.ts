import type * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct, Value } from "google-protobuf/google/protobuf/struct_pb";
import * as plugin from "@pulumi/pulumi/proto/plugin_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { checkConfigValues, configKey, ProviderConfig, resolveConfig } from "../config";
import { secrets } from "../http/redact";
import { checkInputs } from "../kit/check";
import type { ResourceContext } from "../kit/context";
import { diffInputs, type PropertyChange } from "../kit/diff";
import { InputError, ResourceInitError } from "../kit/errors";
import { reconcileInputs } from "../kit/reconcile";
import type { Resource } from "../kit/resource";
import { buildSchema } from "../kit/schema";
import { declaredSecretStrings, wrapDeclaredSecrets } from "../kit/secrets";
import { UNKNOWN, unwrapSecrets, type PropertyMap } from "../kit/values";
import { unreadablePaths, UNREADABLE_KEY, valueAt } from "../kit/write-only";
import { registry } from "../registry";
import { packageVersion } from "../version";
import type { EngineLog } from "./engine-log";
import { toGrpcError } from "./grpc-errors";
import { diffResponse, shortKeys, toCheckFailure, toJs, toStruct } from "./wire";

type Call<Req> = grpc.ServerUnaryCall<Req, unknown>;
type Callback<Res> = grpc.sendUnaryData<Res>;

/** Default deadlines when the program sets no customTimeouts. */
const DEFAULT_TIMEOUT_SECONDS = { create: 20 * 60, update: 20 * 60, delete: 20 * 60, read: 5 * 60 };

/**
 * The pulumirpc.ResourceProvider service. It speaks the wire format (structs, secrets, unknowns,
 * detailed diffs, init errors) and hands plain values to the declarations in the registry.
 */
export class ResourceProviderService {
  private config = ProviderConfig.empty();
  /** Aborted by Cancel: every wait and request in flight stops. */
  private cancellation = new AbortController();

  constructor(private readonly engine: EngineLog) {}

  /** The handler table for grpc-js. Each entry turns thrown errors into gRPC errors. */
  handlers(): grpc.UntypedServiceImplementation {
    const unary = <Req, Res>(fn: (req: Req) => Promise<Res>) => (call: Call<Req>, callback: Callback<Res>) => {
      fn.call(this, call.request).then(
        (response) => callback(null, response),
        (error) => callback(toGrpcError(error, (e) => this.initFailureState(call.request as never, e))),
      );
    };
    return {
      getPluginInfo: unary(this.getPluginInfo),
      getSchema: unary(this.getSchema),
      checkConfig: unary(this.checkConfig),
      diffConfig: unary(this.diffConfig),
      configure: unary(this.configure),
      invoke: unary(this.invoke),
      check: unary(this.check),
      diff: unary(this.diff),
      create: unary(this.create),
      read: unary(this.read),
      update: unary(this.update),
      delete: unary(this.delete),
      cancel: unary(this.cancel),
    };
  }

  async getPluginInfo(): Promise<plugin.PluginInfo> {
    return new plugin.PluginInfo().setVersion(packageVersion());
  }

  async getSchema(): Promise<rpc.GetSchemaResponse> {
    return new rpc.GetSchemaResponse().setSchema(JSON.stringify(buildSchema(registry(), packageVersion())));
  }

  async checkConfig(req: rpc.CheckRequest): Promise<rpc.CheckResponse> {
    const news = unwrapSecrets(toJs(req.getNews()));
    news.secretStrings.forEach((s) => secrets.add(s));
    const failures = checkConfigValues(registry().configVariables, shortKeys(news.values));
    return new rpc.CheckResponse().setInputs(req.getNews()).setFailuresList(failures.map(toCheckFailure));
  }

  async diffConfig(req: rpc.DiffRequest): Promise<rpc.DiffResponse> {
    const olds = shortKeys(unwrapSecrets(toJs(req.getOldInputs() ?? req.getOlds())).values);
    const news = shortKeys(unwrapSecrets(toJs(req.getNews())).values);
    const changed = registry()
      .configVariables.map((v) => v.name)
      .filter((name) => JSON.stringify(olds[name] ?? null) !== JSON.stringify(news[name] ?? null));
    // Credentials and endpoints are read on every call: a change never replaces resources.
    const detailed = Object.fromEntries(changed.map((name) => [name, { kind: "update", replace: false } as PropertyChange]));
    return diffResponse(detailed, [], false);
  }

  async configure(req: rpc.ConfigureRequest): Promise<rpc.ConfigureResponse> {
    const args = req.hasArgs() ? unwrapSecrets(toJs(req.getArgs())) : undefined;
    const given: PropertyMap = {};
    req.getVariablesMap().forEach((value, key) => (given[configKey(key)] = value));
    Object.assign(given, shortKeys(args?.values ?? {}));
    args?.secretStrings.forEach((s) => secrets.add(s));
    const variables = registry().configVariables;
    this.config = resolveConfig(variables, given);
    for (const variable of variables) if (variable.secret) secrets.add(this.config.get(variable.name));
    const failures = checkConfigValues(variables, given);
    if (failures.length > 0) throw new InputError(failures.map((f) => ({ ...f, property: `hosting:${f.property}` })));
    return new rpc.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(true).setAcceptresources(false);
  }

  async invoke(req: rpc.InvokeRequest): Promise<rpc.InvokeResponse> {
    const fn = registry().functions.get(req.getTok());
    if (!fn) throw new Error(`unknown function ${req.getTok()}`);
    const args = unwrapSecrets(toJs(req.getArgs()));
    args.secretStrings.forEach((s) => secrets.add(s));
    const checked = checkInputs(fn, args.values);
    const missing = this.config.missingFor(fn.api);
    if (missing) checked.failures.push({ property: "", reason: missing });
    if (checked.failures.length > 0) {
      return new rpc.InvokeResponse().setFailuresList(checked.failures.map(toCheckFailure));
    }
    const ctx = this.context("", DEFAULT_TIMEOUT_SECONDS.read);
    const result = await ctx.run(() => fn.invoke(ctx, checked.inputs as never));
    return new rpc.InvokeResponse().setReturn(toStruct(wrapDeclaredSecrets(fn.outputs, result as PropertyMap)));
  }

  async check(req: rpc.CheckRequest): Promise<rpc.CheckResponse> {
    const resource = this.resourceOf(req.getType(), req.getUrn());
    const news = unwrapSecrets(toJs(req.getNews()));
    const olds = unwrapSecrets(toJs(req.getOlds()));
    news.secretStrings.forEach((s) => secrets.add(s));
    const { inputs, failures } = checkInputs(resource, news.values, req.hasOlds() ? olds.values : undefined);
    const missing = this.config.missingFor(resource.api);
    if (missing) failures.push({ property: "", reason: missing });
    return new rpc.CheckResponse()
      .setInputs(toStruct(wrapDeclaredSecrets(resource.inputs, inputs, news.secretPaths)))
      .setFailuresList(failures.map(toCheckFailure));
  }

  async diff(req: rpc.DiffRequest): Promise<rpc.DiffResponse> {
    const resource = this.resourceOf(req.getType(), req.getUrn());
    const state = unwrapSecrets(toJs(req.getOlds())).values;
    const priorInputs = priorInputsOf(resource, req, state);
    const news = unwrapSecrets(toJs(req.getNews())).values;
    const unreadable = new Set(Array.isArray(state[UNREADABLE_KEY]) ? (state[UNREADABLE_KEY] as string[]) : []);
    const result = diffInputs(resource, priorInputs, news, unreadable);
    const assumed = [...unreadable].filter((path) => valueAt(priorInputs, path) === undefined && valueAt(news, path) !== undefined);
    if (assumed.length > 0) {
      await this.engine.send(
        "warning",
        `${assumed.join(", ")} cannot be read back from ${resource.api.name}; the imported resource is assumed to match the program. Change the value in the program to set it.`,
        req.getUrn(),
      );
    }
    return diffResponse(result.detailedDiff, result.replaces, result.deleteBeforeReplace);
  }

  async create(req: rpc.CreateRequest): Promise<rpc.CreateResponse> {
    const resource = this.resourceOf(req.getType(), req.getUrn());
    const props = unwrapSecrets(toJs(req.getProperties()));
    const inputs = props.values;
    this.rememberSecrets(resource.inputs, inputs, props.secretStrings);
    if (req.getPreview()) {
      const known = resource.previewOutputs?.(inputs as never) ?? {};
      const outputs = Object.fromEntries(Object.keys(resource.outputs).map((k) => [k, (known as PropertyMap)[k] ?? UNKNOWN]));
      return new rpc.CreateResponse().setId("").setProperties(this.stateStruct(resource, inputs, outputs, props.secretPaths));
    }
    const ctx = this.context(req.getUrn(), req.getTimeout() || DEFAULT_TIMEOUT_SECONDS.create);
    const { id, outputs } = await ctx.run(() =>
      resource.create(ctx, inputs as never).catch((error) => this.withObservedState(resource, error)),
    );
    this.rememberSecrets(resource.outputs, outputs as PropertyMap);
    return new rpc.CreateResponse().setId(id).setProperties(this.stateStruct(resource, inputs, outputs as PropertyMap, props.secretPaths));
  }

  async read(req: rpc.ReadRequest): Promise<rpc.ReadResponse> {
    const resource = this.resourceOf(req.getType(), req.getUrn());
    const priorState = unwrapSecrets(toJs(req.getProperties()));
    const priorInputs = unwrapSecrets(toJs(req.getInputs()));
    const isImport = Object.keys(priorState.values).length === 0 && Object.keys(priorInputs.values).length === 0;
    const ctx = this.context(req.getUrn(), req.getTimeout() || DEFAULT_TIMEOUT_SECONDS.read);
    const observed = await ctx.run(() => resource.read(ctx, req.getId()));
    if (!observed) return new rpc.ReadResponse().setId(""); // gone: refresh drops it, import reports it missing
    const inputs = reconcileInputs(
      resource.inputs,
      observed.inputs as PropertyMap,
      isImport ? undefined : req.hasInputs() ? priorInputs.values : pick(resource.inputs, priorState.values),
    );
    const outputs = reconcileInputs(resource.outputs, observed.outputs as PropertyMap, isImport ? undefined : priorState.values);
    this.rememberSecrets(resource.inputs, inputs);
    this.rememberSecrets(resource.outputs, outputs);
    const userSecrets = new Set([...priorState.secretPaths, ...priorInputs.secretPaths]);
    // What an import could not read stays marked until an update supplies it.
    const unreadable = unreadablePaths(resource.inputs, inputs).filter(
      (path) => isImport || ((priorState.values[UNREADABLE_KEY] as string[] | undefined) ?? []).includes(path),
    );
    const properties = this.stateStruct(resource, inputs, outputs, userSecrets);
    if (unreadable.length > 0) properties.getFieldsMap().set(UNREADABLE_KEY, Value.fromJavaScript(unreadable));
    return new rpc.ReadResponse()
      .setId(req.getId())
      .setProperties(properties)
      .setInputs(toStruct(wrapDeclaredSecrets(resource.inputs, inputs, userSecrets)));
  }

  async update(req: rpc.UpdateRequest): Promise<rpc.UpdateResponse> {
    const resource = this.resourceOf(req.getType(), req.getUrn());
    const state = unwrapSecrets(toJs(req.getOlds()));
    const priorInputs = priorInputsOf(resource, req, state.values);
    const news = unwrapSecrets(toJs(req.getNews()));
    this.rememberSecrets(resource.inputs, news.values, news.secretStrings);
    const priorOutputs = pick(resource.outputs, state.values);
    const userSecrets = new Set([...state.secretPaths, ...news.secretPaths]);
    if (req.getPreview()) {
      const steps = resource.describeUpdate?.(priorInputs as never, news.values as never) ?? [];
      const ctx = this.context(req.getUrn(), 0);
      for (const step of steps) ctx.log(`will ${step}`);
      await ctx.flush();
      return new rpc.UpdateResponse().setProperties(this.stateStruct(resource, news.values, priorOutputs, userSecrets));
    }
    if (!resource.update) throw new Error(`${resource.token} cannot be updated in place; every change replaces it`);
    const ctx = this.context(req.getUrn(), req.getTimeout() || DEFAULT_TIMEOUT_SECONDS.update);
    const outputs = await ctx.run(() =>
      resource.update!(ctx, req.getId(), { inputs: priorInputs as never, outputs: priorOutputs as never }, news.values as never),
    );
    return new rpc.UpdateResponse().setProperties(this.stateStruct(resource, news.values, outputs as PropertyMap, userSecrets));
  }

  async delete(req: rpc.DeleteRequest): Promise<Empty> {
    const resource = this.resourceOf(req.getType(), req.getUrn());
    const state = unwrapSecrets(toJs(req.getProperties())).values;
    const inputs = priorInputsOf(resource, req, state);
    const ctx = this.context(req.getUrn(), req.getTimeout() || DEFAULT_TIMEOUT_SECONDS.delete);
    await ctx.run(() => resource.delete(ctx, req.getId(), { inputs: inputs as never, outputs: pick(resource.outputs, state) as never }));
    return new Empty();
  }

  async cancel(): Promise<Empty> {
    this.cancellation.abort();
    return new Empty();
  }

  private resourceOf(type: string, urn: string): Resource {
    const token = type || urn.split("::").at(-2)?.split("$").at(-1) || "";
    const resource = registry().resources.get(token);
    if (!resource) throw new Error(`unknown resource type ${token}; this provider serves ${[...registry().resources.keys()].join(", ")}`);
    return resource;
  }

  /** A fresh context: deadline from the request's timeout, Cancel's signal, logs tied to the URN. */
  private context(urn: string, timeoutSeconds: number): ResourceContext & {
    run<T>(fn: () => Promise<T>): Promise<T>;
    flush(): Promise<void>;
  } {
    const pending: Promise<void>[] = [];
    const engine = this.engine;
    const ctx = {
      urn,
      config: this.config,
      signal: this.cancellation.signal,
      deadline: timeoutSeconds > 0 ? Date.now() + timeoutSeconds * 1000 : undefined,
      log: (message: string) => void pending.push(engine.send("info", message, urn)),
      warn: (message: string) => void pending.push(engine.send("warning", message, urn)),
      async flush() {
        await Promise.all(pending);
      },
      async run<T>(fn: () => Promise<T>): Promise<T> {
        try {
          return await fn();
        } finally {
          await ctx.flush();
        }
      },
    };
    return ctx;
  }

  /**
   * A half-created resource is recorded with what the API says it is now, not with what was
   * asked for, so the next `up` sees the difference and finishes the job.
   */
  private async withObservedState(resource: Resource, error: unknown): Promise<never> {
    if (!(error instanceof ResourceInitError)) throw error;
    const ctx = { ...this.context("", 60), signal: undefined };
    const observed = await resource.read(ctx, error.id).catch(() => undefined);
    if (!observed) throw error;
    throw new ResourceInitError(
      error.id,
      {
        inputs: reconcileInputs(resource.inputs, observed.inputs as PropertyMap, error.state.inputs),
        outputs: reconcileInputs(resource.outputs, observed.outputs as PropertyMap, error.state.outputs),
      },
      error.message,
    );
  }

  /** Registers every secret string for scrubbing: declared ones, and those that arrived wrapped. */
  private rememberSecrets(shape: Resource["inputs"], values: PropertyMap, arrivedSecret: string[] = []): void {
    for (const value of [...arrivedSecret, ...declaredSecretStrings(shape, values)]) secrets.add(value);
  }

  /** The state Pulumi stores: inputs and outputs together, secrets wrapped. */
  private stateStruct(resource: Resource, inputs: PropertyMap, outputs: PropertyMap, userSecrets: Set<string>): Struct {
    return toStruct({
      ...wrapDeclaredSecrets(resource.inputs, inputs, userSecrets),
      ...wrapDeclaredSecrets(resource.outputs, outputs, userSecrets),
    });
  }

  /** The state to record when a create or update half-succeeded. */
  private initFailureState(
    req: { getType?: () => string; getUrn?: () => string },
    error: ResourceInitError,
  ): { properties: PropertyMap; inputs: PropertyMap } {
    const resource = this.resourceOf(req.getType?.() ?? "", req.getUrn?.() ?? "");
    const inputs = wrapDeclaredSecrets(resource.inputs, error.state.inputs);
    return { inputs, properties: { ...inputs, ...wrapDeclaredSecrets(resource.outputs, error.state.outputs) } };
  }
}



/** The properties of `state` that `shape` declares. */
function pick(shape: Resource["inputs"], state: PropertyMap): PropertyMap {
  return Object.fromEntries(Object.keys(shape).filter((k) => k in state).map((k) => [k, state[k]]));
}

/** The inputs last applied: sent by the engine as old inputs, or else read from the state. */
function priorInputsOf(resource: Resource, req: { hasOldInputs(): boolean; getOldInputs(): Struct | undefined }, state: PropertyMap): PropertyMap {
  return req.hasOldInputs() ? unwrapSecrets(toJs(req.getOldInputs())).values : pick(resource.inputs, state);
}

