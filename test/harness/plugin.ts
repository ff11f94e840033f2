// The engine's side of the plugin protocol: spawns bin/pulumi-resource-hosting exactly as the
// Pulumi CLI starts a plugin binary (engine address as the last argument, port read from the
// first line of stdout), serves the Engine service the plugin logs to, and calls the
// ResourceProvider service over real gRPC.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogRequest, LogSeverity } from "@pulumi/pulumi/proto/engine_pb";
import { ErrorResourceInitFailed } from "@pulumi/pulumi/proto/provider_pb";
import { InputPropertiesError } from "@pulumi/pulumi/proto/errors_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as rpc from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { useNativeUtf8 } from "../../provider/server/protobuf-strings";
import { packageRoot } from "../../provider/version";
import { urnName as nameOf, urnType as typeOf } from "../../provider/kit/urn";
import { registry } from "../../provider/registry";
import { declaredSecretStrings } from "../../provider/kit/secrets";
import { reveal } from "../support/secrets";
import { recordConfiguredValue, recordPublicValues, recordSecret, recordWrappedSecrets, ScanRecord } from "./scan-record";

// The engine is written in Go: its side of the wire costs next to nothing. So should ours.
useNativeUtf8();

export type Props = Record<string, unknown>;

export interface EngineLogEntry {
  severity: "debug" | "info" | "warning" | "error";
  message: string;
  urn: string;
}

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface DiffResult {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  detailedDiff: Record<string, string>;
  hasDetailedDiff: boolean;
}

/** A failed call, with what the engine would read from the status details. */
export class PluginError extends Error {
  constructor(
    message: string,
    readonly code: grpc.status,
    readonly initFailure?: { id: string; properties: Props; inputs: Props; reasons: string[] },
    readonly propertyErrors?: CheckFailure[],
  ) {
    super(message);
  }
}

const severityNames: Record<number, EngineLogEntry["severity"]> = {
  [LogSeverity.DEBUG]: "debug",
  [LogSeverity.INFO]: "info",
  [LogSeverity.WARNING]: "warning",
  [LogSeverity.ERROR]: "error",
};

const diffKinds: Record<number, string> = {
  [rpc.PropertyDiff.Kind.ADD]: "add",
  [rpc.PropertyDiff.Kind.ADD_REPLACE]: "add-replace",
  [rpc.PropertyDiff.Kind.DELETE]: "delete",
  [rpc.PropertyDiff.Kind.DELETE_REPLACE]: "delete-replace",
  [rpc.PropertyDiff.Kind.UPDATE]: "update",
  [rpc.PropertyDiff.Kind.UPDATE_REPLACE]: "update-replace",
};

export const PLUGIN_PATH = join(packageRoot(), "bin", "pulumi-resource-hosting");

export class PluginProcess {
  readonly logs: EngineLogEntry[] = [];
  stderr = "";
  private constructor(
    readonly child: ChildProcess,
    private readonly engine: grpc.Server,
    readonly client: ResourceProviderClient,
    readonly port: number,
    /** For the secret scan: all the plugin says and answers. */
    private readonly record: ScanRecord,
  ) {
    child.stderr?.on("data", (chunk) => (this.stderr += chunk));
  }

  static async start(
    options: {
      env?: NodeJS.ProcessEnv;
      /** How to start the plugin, before the engine address; default the plugin binary. */
      command?: string[];
      /** The folder it runs in; the CLI runs a plugin in the program's folder. */
      cwd?: string;
      onLog?: (entry: EngineLogEntry) => void;
    } = {},
  ): Promise<PluginProcess> {
    const logs: EngineLogEntry[] = [];
    const record = ScanRecord.open("plugin");
    recordSecretEnvironment({ ...process.env, ...options.env });
    const engine = new grpc.Server();
    engine.addService(EngineService, {
      log: (call: grpc.ServerUnaryCall<LogRequest, Empty>, callback: grpc.sendUnaryData<Empty>) => {
        const entry = {
          severity: severityNames[call.request.getSeverity()],
          message: call.request.getMessage(),
          urn: call.request.getUrn(),
        };
        logs.push(entry);
        record.text(`engine log ${entry.severity} ${entry.urn}`, entry.message);
        options.onLog?.(entry);
        callback(null, new Empty());
      },
    });
    const enginePort = await new Promise<number>((resolve, reject) =>
      engine.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
    const [program, ...args] = options.command ?? [PLUGIN_PATH];
    const child = spawn(program, [...args, `127.0.0.1:${enginePort}`], {
      env: { ...process.env, ...options.env },
      cwd: options.cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk) => record.text("plugin stdout", String(chunk)));
    child.stderr!.on("data", (chunk) => record.text("plugin stderr", String(chunk)));
    child.once("exit", () => record.close());
    const port = await readPort(child);
    const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    const plugin = new PluginProcess(child, engine, client, port, record);
    (plugin as { logs: EngineLogEntry[] }).logs = logs;
    return plugin;
  }

  async stop(): Promise<void> {
    this.client.close();
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      this.child.kill("SIGTERM");
      await exited;
    }
    this.engine.forceShutdown();
  }

  private call<Req, Res>(method: string, request: Req, urn = ""): Promise<Res> {
    return new Promise((resolve, reject) => {
      (this.client as unknown as Record<string, Function>)[method](request, (error: grpc.ServiceError | null, response: Res) => {
        if (!error) return resolve(response);
        const failure = toPluginError(error);
        this.recordError(method, urn, failure);
        reject(failure);
      });
    });
  }

  /** What the engine shows of a failed call: its message, its property errors and a recorded partial state. */
  private recordError(method: string, urn: string, failure: PluginError): void {
    const origin = `${method} ${urn} error`;
    this.record.text(origin, failure.message);
    for (const f of failure.propertyErrors ?? []) this.record.text(`${origin} property`, `${f.property}: ${f.reason}`);
    if (failure.initFailure) {
      this.record.text(`${origin} init failure`, `${failure.initFailure.id} ${failure.initFailure.reasons.join("\n")}`);
      this.seen(`${method} error`, urn, {}, { properties: failure.initFailure.properties, inputs: failure.initFailure.inputs });
    }
  }

  /**
   * What a call answered, as the engine keeps or shows it, and the secrets of what it was sent:
   * the values in wrappers and at the paths the provider declares secret. The program's own
   * plain inputs (Check's news, Invoke's args) are no secret.
   */
  private seen(method: string, urn: string, sent: Record<string, Props | undefined>, answered: Record<string, unknown>): void {
    // Walking every call's values costs the engine stand-in as much CPU as the plugin spends.
    if (!this.record.recording) return;
    const token = urn.includes("::") ? typeOf(urn) : urn;
    for (const [name, props] of Object.entries(sent)) {
      recordWrappedSecrets(`${method} ${urn} ${name}`, props);
      const declared = recordDeclaredSecrets(`${method} ${urn} ${name}`, token, name, props);
      if ((method === "Check" && name === "news") || (method === "Invoke" && name === "args")) recordPublicValues(props, declared);
    }
    for (const [name, value] of Object.entries(answered)) {
      this.record.props(`${method} ${urn} ${name}`, value, recordDeclaredSecrets(`${method} ${urn} ${name}`, token, name, value));
    }
  }

  async getSchema(): Promise<Record<string, any>> {
    const response = await this.call<rpc.GetSchemaRequest, rpc.GetSchemaResponse>("getSchema", new rpc.GetSchemaRequest());
    return JSON.parse(response.getSchema());
  }

  async getPluginInfo(): Promise<string> {
    const response = await this.call<Empty, { getVersion(): string }>("getPluginInfo", new Empty());
    return response.getVersion();
  }

  async checkConfig(news: Props): Promise<CheckFailure[]> {
    const request = new rpc.CheckRequest().setUrn("urn:pulumi:test::test::pulumi:providers:hosting::default").setNews(toStruct(news));
    recordWrappedSecrets("CheckConfig news", news);
    const response = await this.call<rpc.CheckRequest, rpc.CheckResponse>("checkConfig", request);
    const failures = failuresOf(response.getFailuresList());
    this.seen("CheckConfig", "", {}, { failures });
    return failures;
  }

  async configure(variables: Record<string, string>, args?: Props): Promise<{ acceptSecrets: boolean; supportsPreview: boolean }> {
    const request = new rpc.ConfigureRequest().setAcceptsecrets(true).setAcceptresources(true);
    for (const [k, v] of Object.entries(variables)) {
      request.getVariablesMap().set(k, v);
      if (secretVariables().has(k)) recordSecret(`Configure ${k}`, v);
      else for (const shown of [v, ...hostOf(v)]) recordConfiguredValue(shown);
    }
    if (args) request.setArgs(toStruct(args));
    recordWrappedSecrets("Configure args", args);
    const response = await this.call<rpc.ConfigureRequest, rpc.ConfigureResponse>("configure", request);
    return { acceptSecrets: response.getAcceptsecrets(), supportsPreview: response.getSupportspreview() };
  }

  async check(urn: string, olds: Props | undefined, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }> {
    const request = new rpc.CheckRequest().setUrn(urn).setType(typeOf(urn)).setName(nameOf(urn)).setNews(toStruct(news));
    if (olds) request.setOlds(toStruct(olds));
    // Before the call: a secret it was sent may show in its error.
    this.seen("Check", urn, { olds, news }, {});
    const response = await this.call<rpc.CheckRequest, rpc.CheckResponse>("check", request, urn);
    const checked = { inputs: fromStruct(response.getInputs()), failures: failuresOf(response.getFailuresList()) };
    this.seen("Check", urn, {}, checked);
    return checked;
  }

  async diff(urn: string, id: string, olds: Props, news: Props, oldInputs?: Props): Promise<DiffResult> {
    const request = new rpc.DiffRequest().setUrn(urn).setType(typeOf(urn)).setName(nameOf(urn)).setId(id).setOlds(toStruct(olds)).setNews(toStruct(news));
    if (oldInputs) request.setOldInputs(toStruct(oldInputs));
    // Before the call: a secret it was sent may show in its error.
    this.seen("Diff", urn, { olds, news, oldInputs }, {});
    const response = await this.call<rpc.DiffRequest, rpc.DiffResponse>("diff", request, urn);
    const detailedDiff: Record<string, string> = {};
    response.getDetaileddiffMap().forEach((v, k) => (detailedDiff[k] = diffKinds[v.getKind()]));
    this.seen("Diff", urn, {}, { detailedDiff, replaces: response.getReplacesList() });
    return {
      changes: response.getChanges() === rpc.DiffResponse.DiffChanges.DIFF_SOME,
      replaces: response.getReplacesList(),
      deleteBeforeReplace: response.getDeletebeforereplace(),
      detailedDiff,
      hasDetailedDiff: response.getHasdetaileddiff(),
    };
  }

  async create(urn: string, properties: Props, options: { preview?: boolean; timeout?: number } = {}): Promise<{ id: string; properties: Props }> {
    const request = new rpc.CreateRequest()
      .setUrn(urn)
      .setType(typeOf(urn))
      .setName(nameOf(urn))
      .setProperties(toStruct(properties))
      .setPreview(options.preview ?? false)
      .setTimeout(options.timeout ?? 0);
    // Before the call: a secret it was sent may show in its error.
    this.seen("Create", urn, { properties }, {});
    const response = await this.call<rpc.CreateRequest, rpc.CreateResponse>("create", request, urn);
    const created = { id: response.getId(), properties: fromStruct(response.getProperties()) };
    this.seen("Create", urn, {}, created);
    return created;
  }

  async read(urn: string, id: string, properties?: Props, inputs?: Props): Promise<{ id: string; properties: Props; inputs: Props }> {
    const request = new rpc.ReadRequest().setUrn(urn).setType(typeOf(urn)).setName(nameOf(urn)).setId(id);
    if (properties) request.setProperties(toStruct(properties));
    if (inputs) request.setInputs(toStruct(inputs));
    // Before the call: a secret it was sent may show in its error.
    this.seen("Read", urn, { properties, inputs }, {});
    const response = await this.call<rpc.ReadRequest, rpc.ReadResponse>("read", request, urn);
    const read = { id: response.getId(), properties: fromStruct(response.getProperties()), inputs: fromStruct(response.getInputs()) };
    this.seen("Read", urn, {}, read);
    return read;
  }

  async update(
    urn: string,
    id: string,
    olds: Props,
    news: Props,
    options: { preview?: boolean; timeout?: number; oldInputs?: Props } = {},
  ): Promise<Props> {
    const request = new rpc.UpdateRequest()
      .setUrn(urn)
      .setType(typeOf(urn))
      .setName(nameOf(urn))
      .setId(id)
      .setOlds(toStruct(olds))
      .setNews(toStruct(news))
      .setPreview(options.preview ?? false)
      .setTimeout(options.timeout ?? 0);
    if (options.oldInputs) request.setOldInputs(toStruct(options.oldInputs));
    // Before the call: a secret it was sent may show in its error.
    this.seen("Update", urn, { olds, news, oldInputs: options.oldInputs }, {});
    const response = await this.call<rpc.UpdateRequest, rpc.UpdateResponse>("update", request, urn);
    const updated = fromStruct(response.getProperties());
    this.seen("Update", urn, {}, { properties: updated });
    return updated;
  }

  async delete(urn: string, id: string, properties: Props, options: { timeout?: number; oldInputs?: Props } = {}): Promise<void> {
    const request = new rpc.DeleteRequest().setUrn(urn).setType(typeOf(urn)).setName(nameOf(urn)).setId(id).setProperties(toStruct(properties)).setTimeout(options.timeout ?? 0);
    if (options.oldInputs) request.setOldInputs(toStruct(options.oldInputs));
    this.seen("Delete", urn, { properties, oldInputs: options.oldInputs }, {});
    await this.call<rpc.DeleteRequest, Empty>("delete", request, urn);
  }

  async invoke(token: string, args: Props): Promise<{ result: Props; failures: CheckFailure[] }> {
    const request = new rpc.InvokeRequest().setTok(token).setArgs(toStruct(args));
    this.seen("Invoke", token, { args }, {});
    const response = await this.call<rpc.InvokeRequest, rpc.InvokeResponse>("invoke", request, token);
    const invoked = { result: fromStruct(response.getReturn()), failures: failuresOf(response.getFailuresList()) };
    this.seen("Invoke", token, {}, invoked);
    return invoked;
  }

  async cancel(): Promise<void> {
    await this.call<Empty, Empty>("cancel", new Empty());
  }
}

/** "hosting:config:serverpilotApiKey" and the like: the provider's config variables declared secret. */
const secretVariables = (() => {
  let keys: Set<string> | undefined;
  return () => (keys ??= new Set(registry().apis.flatMap((api) => api.variables.filter((v) => v.secret).map((v) => `hosting:config:${v.key}`))));
})();

/** Which of a resource's or function's declared properties a call's field holds, by the field's name. */
const partOf: Record<string, "inputs" | "outputs" | "properties"> = {
  news: "inputs",
  inputs: "inputs",
  oldInputs: "inputs",
  args: "inputs",
  olds: "properties",
  properties: "properties",
  result: "outputs",
};

/** The strings at the paths the provider declares secret: a password the program gave in plain is a secret all the same. */
function recordDeclaredSecrets(origin: string, token: string, field: string, props: unknown): Set<string> {
  const declared = registry().resources.get(token) ?? registry().functions.get(token);
  const part = partOf[field];
  if (!declared || !part || props === null || typeof props !== "object") return new Set();
  const shape = part === "inputs" ? declared.inputs : part === "outputs" ? declared.outputs : { ...declared.inputs, ...declared.outputs };
  const values = new Set(declaredSecretStrings(shape, reveal(props)));
  for (const value of values) recordSecret(`${origin} (declared secret)`, value);
  return values;
}

/** The environment variables a secret config variable falls back to, as the plugin will read them. */
function recordSecretEnvironment(env: NodeJS.ProcessEnv): void {
  for (const variable of registry().apis.flatMap((api) => api.variables.filter((v) => v.secret))) {
    for (const name of variable.env) recordSecret(`environment ${name}`, env[name]);
  }
}

/** An endpoint's host name: a sandbox on loopback hands out that same host as a database's (secret) host. */
function hostOf(value: string): string[] {
  try {
    return [new URL(value).hostname];
  } catch {
    return [];
  }
}

export function urnOf(type: string, name: string, stack = "test", project = "test"): string {
  return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}



// Stock google-protobuf, not the plugin's Struct codec: the engine stand-in checks the plugin's
// encoding with an encoder and decoder of its own.
function toStruct(props: Props): Struct {
  return Struct.fromJavaScript(JSON.parse(JSON.stringify(props)));
}

function fromStruct(struct: Struct | undefined): Props {
  return (struct?.toJavaScript() as Props) ?? {};
}

function failuresOf(list: rpc.CheckFailure[]): CheckFailure[] {
  return list.map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
}

function toPluginError(error: grpc.ServiceError): PluginError {
  const raw = error.metadata?.get("grpc-status-details-bin")?.[0];
  let initFailure: PluginError["initFailure"];
  let propertyErrors: CheckFailure[] | undefined;
  if (raw) {
    const status = Status.deserializeBinary(raw as Uint8Array);
    for (const detail of status.getDetailsList()) {
      if (detail.getTypeName() === "pulumirpc.ErrorResourceInitFailed") {
        const init = ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
        initFailure = {
          id: init.getId(),
          properties: fromStruct(init.getProperties()),
          inputs: fromStruct(init.getInputs()),
          reasons: init.getReasonsList(),
        };
      }
      if (detail.getTypeName() === "pulumirpc.InputPropertiesError") {
        propertyErrors = InputPropertiesError.deserializeBinary(detail.getValue_asU8())
          .getErrorsList()
          .map((e) => ({ property: e.getPropertyPath(), reason: e.getReason() }));
      }
    }
  }
  return new PluginError(error.details || error.message, error.code, initFailure, propertyErrors);
}

function readPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf("\n");
      if (newline >= 0) {
        child.stdout!.off("data", onData);
        const port = Number(out.slice(0, newline).trim());
        if (Number.isInteger(port) && port > 0) resolve(port);
        else reject(new Error(`plugin printed ${JSON.stringify(out.slice(0, newline))} instead of its port`));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk) => (err += chunk));
    child.once("exit", (code) => reject(new Error(`plugin exited with ${code} before printing its port: ${err}`)));
  });
}
