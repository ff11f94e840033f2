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

/** The flags that take no value. */
const SWITCHES: ReadonlySet<string> = new Set(["--import-ids", "--help", "--force"]);

/** An argument in a message: quoted, and cut where it would flood the terminal. */
export function shown(arg: string): string {
  return JSON.stringify(arg.length > 60 ? `${arg.slice(0, 60)}…` : arg);
}

/** A flag in a message: as typed when it looks like one, otherwise as shown(). */
const flagShown = (flag: string) => (/^--?[a-z0-9-]{1,60}$/.test(flag) ? flag : shown(flag));

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
    if (arg.startsWith("-") && !arg.startsWith("--") && arg !== "-") throw new UsageError(`unknown flag ${flagShown(arg)}; flags start with --`);
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    if (SWITCHES.has(flag)) {
      if (equals > 0) throw new UsageError(`${flag} takes no value: give it alone to turn it on`);
      flags.set(flag, true);
    } else if (equals > 0) flags.set(flag, arg.slice(equals + 1));
    else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) flags.set(flag, argv[++i]);
    // Said once the flag is known to exist: an unknown one is named as such.
    else flags.set(flag, true);
  }
  if (flags.has("--help")) throw new UsageError("");
  // What else was given is not repeated: a value that lost its flag may be a key.
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? "name the API to scan" : `one API at a time: ${positional.length} arguments are neither flags nor flags' values`);
  const module = positional[0];
  const api = apiOf(module);
  const byFlag = new Map(variablesOf(api).map((v) => [flagOf(v), v]));
  const value = (flag: string) => {
    const given = flags.get(flag);
    flags.delete(flag);
    if (given === true || given === "") throw new UsageError(`${flag} needs a value`);
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
      throw new UsageError(`unknown flag ${flagShown(flag)}; ${api.name}'s credential flags: ${[...byFlag.keys()].join(", ")}`);
    }
    if (given === true) throw new UsageError(`${flag} needs a value`);
    config[variable.key] = given;
  }
  return { module, out, program, importIds, force, sdk, config };
}
