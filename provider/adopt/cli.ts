import type { Api, ConfigVariable } from "../kit/api";
import { PROVIDER_VARIABLES } from "../kit/provider-config";

// The command line of hosting-adopt. Credentials come as the provider takes them (its
// environment variables) or as flags named after the config keys: hosting:serverpilotClientId
// is --serverpilot-client-id.

export interface AdoptArguments {
  module: string;
  out: string;
  program?: string;
  importIds: boolean;
  /** Overwrite files that exist. */
  force: boolean;
  sdk: string;
  /** Config key -> value given by flag. */
  config: Record<string, string>;
}

export class UsageError extends Error {}

export const USAGE = `Usage: hosting-adopt <api> [--out import.json] [--program index.ts] [--import-ids] [--sdk @hosting/pulumi] [credential flags]

Scans what the account of <api> has (GET requests only) and writes a file for
\`pulumi import --file\`, and with --program the TypeScript program that declares it.
<api> is one of serverpilot, combell, pterodactyl, wispanel, dbaas. Credentials come from
the API's environment variables, or from flags named after its config keys
(hosting:serverpilotClientId: --serverpilot-client-id); not from a stack's config. An
unknown API or a missing credential names what to set. Existing files are not overwritten
unless --force is given.

  --out <file>        the import file (default import.json)
  --program <file>    also write the program, each resource protected as \`pulumi import\` does
  --import-ids        in the program, also \`import: "<id>"\` on each resource, for \`pulumi up\`
                      to adopt them without \`pulumi import\`
  --sdk <module>      the module the program imports the SDK from (default @hosting/pulumi)
  --force             overwrite the import file and the program if they exist
`;

/** "serverpilotClientId" -> "--serverpilot-client-id". */
export function flagOf(variable: ConfigVariable): string {
  return `--${variable.key.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()}`;
}

export function variablesOf(api: Api): ConfigVariable[] {
  return [...PROVIDER_VARIABLES, ...api.variables];
}

/** `apiOf` finds the API of a module, or says which modules exist. */
export function parseArguments(argv: readonly string[], apiOf: (module: string) => Api): AdoptArguments {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h") {
      flags.set("--help", true);
      continue;
    }
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    if (equals > 0) flags.set(arg.slice(0, equals), arg.slice(equals + 1));
    else if (arg === "--import-ids" || arg === "--help" || arg === "--force") flags.set(arg, true);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) flags.set(arg, argv[++i]);
    else throw new UsageError(`${arg} needs a value`);
  }
  if (flags.has("--help")) throw new UsageError("");
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? "name the API to scan" : `one API at a time, got ${positional.join(", ")}`);
  const module = positional[0];
  const api = apiOf(module);
  const byFlag = new Map(variablesOf(api).map((v) => [flagOf(v), v]));
  const value = (flag: string) => {
    const given = flags.get(flag);
    flags.delete(flag);
    if (given === true) throw new UsageError(`${flag} needs a value`);
    return given;
  };
  const out = value("--out") ?? "import.json";
  const program = value("--program");
  const sdk = value("--sdk") ?? "@hosting/pulumi";
  const importIds = flags.get("--import-ids") === true;
  const force = flags.get("--force") === true;
  flags.delete("--import-ids");
  flags.delete("--force");
  const config: Record<string, string> = {};
  for (const [flag, given] of flags) {
    const variable = byFlag.get(flag);
    if (!variable) {
      throw new UsageError(`unknown flag ${flag}; ${api.name}'s credential flags: ${[...byFlag.keys()].join(", ")}`);
    }
    if (given === true) throw new UsageError(`${flag} needs a value`);
    config[variable.key] = given;
  }
  return { module, out, program, importIds, force, sdk, config };
}
