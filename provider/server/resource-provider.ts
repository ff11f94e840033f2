import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as plugin from "@pulumi/pulumi/proto/plugin_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { secrets } from "../http/redact";
import { checkInputs } from "../kit/check";
import { checkConfigValues, configKey, ProviderConfiguration } from "../kit/config";
import type { PropertyChange } from "../kit/diff";
import { InputError } from "../kit/errors";
import { configVariablesOf } from "../kit/provider-config";
import { buildSchema } from "../kit/schema";
import { wrapDeclaredSecrets } from "../kit/secrets";
import { containsUnknown, unwrapSecrets, type PropertyMap } from "../kit/values";
import { registry } from "../registry";
import { packageVersion } from "../version";
import type { EngineLog } from "./engine-log";
import { toGrpcError } from "./grpc-errors";
import { GrpcCode, GrpcFailure } from "./grpc-status";
import type { UnaryHandler } from "./grpc-server";
import type { ProviderMethodName } from "./provider-methods";
import { ResourceLifecycle } from "./lifecycle";
import { startRequestLog } from "./request-logging";
import { DEFAULT_TIMEOUT_SECONDS, operationFor, type OperationSource } from "./operation";
import { rememberSecrets } from "./state";
import { useNativeUtf8 } from "./protobuf-strings";
import { diffResponse, shortKeys, toCheckFailure, toJs, toStruct } from "./wire";

// Loaded right after the port is printed, before any large request can arrive.
useNativeUtf8();

/**
 * The pulumirpc.ResourceProvider service. It speaks the wire format (structs, secrets, unknowns,
 * detailed diffs, init errors) and hands plain values to the declarations in the registry.
 */
export class ResourceProviderService implements OperationSource {
  private current = ProviderConfiguration.resolve([], {});
  /** Aborted by Cancel: every wait and request in flight stops. */
  private readonly cancelled = new AbortController();
  private readonly lifecycle = new ResourceLifecycle(this);

  /** `verbosity`: the `-v=N` the engine started the plugin with (0 without). */
  constructor(
    readonly engine: EngineLog,
    verbosity = 0,
  ) {
    startRequestLog(verbosity);
  }

  configuration(): ProviderConfiguration {
    return this.current;
  }

  cancellation(): AbortSignal {
    return this.cancelled.signal;
  }

  /** A handler for each method the plugin serves. Each turns what it throws into the GrpcFailure the engine gets. */
  handlers(): Record<ProviderMethodName, UnaryHandler> {
    const unary =
      <Req, Res>(fn: (req: Req) => Promise<Res>) =>
      async (req: Req): Promise<Res> => {
        try {
          return await fn(req);
        } catch (error) {
          throw answerableError(error);
        }
      };
    const lifecycle = this.lifecycle;
    return {
      getPluginInfo: unary(() => this.getPluginInfo()),
      getSchema: unary(() => this.getSchema()),
      checkConfig: unary((req: rpc.CheckRequest) => this.checkConfig(req)),
      diffConfig: unary((req: rpc.DiffRequest) => this.diffConfig(req)),
      configure: unary((req: rpc.ConfigureRequest) => this.configure(req)),
      invoke: unary((req: rpc.InvokeRequest) => this.invoke(req)),
      check: unary((req: rpc.CheckRequest) => lifecycle.check(req)),
      diff: unary((req: rpc.DiffRequest) => lifecycle.diff(req)),
      create: unary((req: rpc.CreateRequest) => lifecycle.create(req)),
      read: unary((req: rpc.ReadRequest) => lifecycle.read(req)),
      update: unary((req: rpc.UpdateRequest) => lifecycle.update(req)),
      delete: unary((req: rpc.DeleteRequest) => lifecycle.delete(req)),
      cancel: unary(() => this.cancel()),
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
    const given = shortKeys(news.values);
    const failures = [...checkConfigValues(configVariables(), given), ...ProviderConfiguration.resolve(registry().apis, given).environmentProblems()];
    return new rpc.CheckResponse().setInputs(req.getNews()).setFailuresList(failures.map(toCheckFailure));
  }

  async diffConfig(req: rpc.DiffRequest): Promise<rpc.DiffResponse> {
    const olds = shortKeys(unwrapSecrets(toJs(req.getOldInputs() ?? req.getOlds())).values);
    const news = shortKeys(unwrapSecrets(toJs(req.getNews())).values);
    const changed = configVariables()
      .map((v) => v.key)
      .filter((key) => JSON.stringify(olds[key] ?? null) !== JSON.stringify(news[key] ?? null));
    // Credentials and endpoints are read on every call: a change never replaces resources.
    const detailed = Object.fromEntries(changed.map((key) => [key, { kind: "update", replace: false } as PropertyChange]));
    return diffResponse(detailed, [], false);
  }

  async configure(req: rpc.ConfigureRequest): Promise<rpc.ConfigureResponse> {
    const args = req.hasArgs() ? unwrapSecrets(toJs(req.getArgs())) : undefined;
    const given: PropertyMap = {};
    req.getVariablesMap().forEach((value, key) => (given[configKey(key)] = value));
    Object.assign(given, shortKeys(args?.values ?? {}));
    args?.secretStrings.forEach((s) => secrets.add(s));
    const resolved = ProviderConfiguration.resolve(registry().apis, given);
    for (const variable of configVariables()) if (variable.secret) secrets.add(resolved.get(variable.key));
    const failures = [...checkConfigValues(configVariables(), given), ...resolved.environmentProblems()];
    if (failures.length > 0) throw new InputError(failures.map((f) => ({ ...f, property: `hosting:${f.property}` })));
    this.current = resolved;
    return new rpc.ConfigureResponse().setAcceptsecrets(true).setSupportspreview(true).setAcceptresources(false);
  }

  async invoke(req: rpc.InvokeRequest): Promise<rpc.InvokeResponse> {
    const fn = registry().functions.get(req.getTok());
    if (!fn) throw new Error(`unknown function ${req.getTok()}; this provider serves ${[...registry().functions.keys()].join(", ")}`);
    const args = unwrapSecrets(toJs(req.getArgs()));
    args.secretStrings.forEach((s) => secrets.add(s));
    // Arguments not known yet (preview): nothing to look up; the engine asks again at `up`.
    if (containsUnknown(args.values)) return new rpc.InvokeResponse();
    const checked = checkInputs(fn, args.values);
    const missing = this.current.missingFor(fn.api);
    if (missing) checked.failures.push({ property: "", reason: missing });
    if (checked.failures.length > 0) {
      return new rpc.InvokeResponse().setFailuresList(checked.failures.map(toCheckFailure));
    }
    const operation = operationFor(this, fn, "", DEFAULT_TIMEOUT_SECONDS.read);
    const result = (await operation.run((ctx) => fn.invoke(ctx, checked.inputs as never))) as PropertyMap;
    // A secret found (a login URL, a key) is masked in any later message, as a created one is.
    rememberSecrets(fn.outputs, result);
    // What is found with a secret is secret too: a result may repeat what it was filtered by.
    const secretResult = args.secretPaths.size > 0 ? Object.keys(result) : [];
    return new rpc.InvokeResponse().setReturn(toStruct(wrapDeclaredSecrets(fn.outputs, result, secretResult)));
  }

  async cancel(): Promise<Empty> {
    this.cancelled.abort();
    return new Empty();
  }
}

/**
 * The error as the engine gets it. Should reporting it fail too, the engine still gets an answer
 * (an unanswered call hangs `pulumi up`), without the text, which may hold what was not masked.
 */
function answerableError(error: unknown): GrpcFailure {
  try {
    return toGrpcError(error);
  } catch {
    return new GrpcFailure(GrpcCode.INTERNAL, "the provider failed, and then failed to report the failure without its secrets");
  }
}

function configVariables() {
  return configVariablesOf(registry().apis);
}
