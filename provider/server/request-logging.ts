import { configureRequestLog, type RequestLogDetail, type RequestLogSettings } from "../http/request-log";
import { declaredSecretNames } from "../kit/secrets";
import { registry } from "../registry";

// Pulumi starts a plugin with `-v=N` (and `--logtostderr`) when the user asks for a verbose
// log (`pulumi up -v=9 --logtostderr`): the engine gathers the plugin's stderr into that log, as
// it does for the Go providers' glog output. Request lines from -v=5, bodies as well from -v=9,
// the levels at which Pulumi's and the Terraform bridge's providers log their own HTTP traffic.
// PULUMI_HOSTING_DEBUG=1 is for a user who wants the traffic next to each resource instead:
// debug messages on the engine log, tied to the resource's URN, shown by `pulumi up --debug`.

const REQUEST_LINES_VERBOSITY = 5;
const BODIES_VERBOSITY = 9;
const DEBUG_VARIABLE = "PULUMI_HOSTING_DEBUG";

function detailAt(verbosity: number): RequestLogDetail | undefined {
  if (verbosity >= BODIES_VERBOSITY) return "bodies";
  if (verbosity >= REQUEST_LINES_VERBOSITY) return "requests";
  return undefined;
}

function debugRequested(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

/** "connection_string", "connectionString" and "ConnectionString" are one key. */
const normalKey = (key: string) => key.toLowerCase().replace(/[_-]/g, "");

/** The names of every property declared secret, at any depth: a body's key of that name holds a secret. */
function declaredSecretKeys(): Set<string> {
  const { resources, functions } = registry();
  const declared = [...resources.values(), ...functions.values()];
  return new Set(declared.flatMap((d) => [...declaredSecretNames(d.inputs), ...declaredSecretNames(d.outputs)]).map(normalKey));
}

/** The request log's settings for a plugin started with `-v=verbosity` in this environment. */
export function requestLogSettings(verbosity: number, env: NodeJS.ProcessEnv): RequestLogSettings {
  const stderr = detailAt(verbosity);
  const engine: RequestLogDetail | undefined = debugRequested(env[DEBUG_VARIABLE]) ? "bodies" : undefined;
  if (!stderr && !engine) return {};
  const secretKeys = declaredSecretKeys();
  return { stderr, engine, isSecretKey: (key) => secretKeys.has(normalKey(key)) };
}

export function startRequestLog(verbosity: number, env: NodeJS.ProcessEnv = process.env): void {
  configureRequestLog(requestLogSettings(verbosity, env));
}
