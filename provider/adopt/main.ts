import { existsSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { secrets } from "../http/redact";
import type { Api } from "../kit/api";
import { checkConfigValues, ProviderConfiguration } from "../kit/config";
import { adopt, type Adoption } from "./adopt";
import { configSetCommand } from "./program";
import { flagOf, parseArguments, USAGE, UsageError, variablesOf } from "./cli";
import { adoptableModules, resourcesOf } from "./scan";

// `hosting-adopt <api>`: what bin/hosting-adopt runs. Its answer (the usage asked for with --help,
// the files it wrote, the config values to set) goes to stdout; progress and failures to stderr,
// so that `hosting-adopt ... > next-steps.txt` keeps the answer alone. Every secret it knows is
// masked in both. It exits 0 once the files are written, 1 when the API or the credentials fail,
// 2 for a command line it does not understand.

export interface AdoptOutput {
  /** Progress and failures: stderr. */
  line(text: string): void;
  /** What the command answers: stdout. */
  answer(text: string): void;
}

const terminal: AdoptOutput = {
  line: (text) => void process.stderr.write(`${text}\n`),
  answer: (text) => void process.stdout.write(`${text}\n`),
};

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, output: AdoptOutput = terminal, cwd = process.cwd()): Promise<number> {
  return (await adoptCommand(argv, env, output, cwd)).code;
}

/** The command, with what it adopted once it got that far. */
export async function adoptCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  output: AdoptOutput,
  cwd: string,
): Promise<{ code: number; adoption?: Adoption }> {
  const say = (text: string) => output.line(secrets.scrub(text));
  const answer = (text: string) => output.answer(secrets.scrub(text));
  let api: Api | undefined;
  try {
    const args = parseArguments(argv, (module) => (api = apiOf(module)));
    const chosen = api!;
    const variables = variablesOf(chosen);
    for (const variable of variables) if (variable.secret) secrets.add(args.config[variable.key] ?? variable.env.map((e) => env[e]).find(Boolean));
    const refused = checkConfigValues(variables, args.config);
    if (refused.length > 0) {
      const byKey = new Map(variables.map((v) => [v.key, v]));
      throw new UsageError(refused.map((f) => `${flagOf(byKey.get(f.property)!)}: ${f.reason}`).join("; "));
    }
    const configuration = ProviderConfiguration.resolve([chosen], args.config, env);
    const problems = configuration.environmentProblems();
    if (problems.length > 0) return fail(say, problems.map((p) => `hosting:${p.property} ${p.reason}`).join("; "));
    const missing = chosen.variables.filter((v) => v.required && !configuration.get(v.key));
    if (missing.length > 0) {
      return fail(say, `${chosen.name} credentials are missing: ${missing.map((v) => `set ${v.env.join(" or ")} (or pass ${flagOf(v)})`).join("; ")}`);
    }

    // Checked before the scan: a program the user wrote must not be replaced by the one made.
    const existing = [args.out, args.program].filter((file): file is string => file !== undefined && existsSync(resolve(cwd, file)));
    if (existing.length > 0 && !args.force) return fail(say, `${existing.join(" and ")} already exist${existing.length > 1 ? "" : "s"}: name other files, or pass --force to overwrite`);

    const adoption = await adopt(args.module, configuration, { progress: say, note: say });
    const outPath = resolve(cwd, args.out);
    writeFileSync(outPath, `${JSON.stringify(adoption.importFile, null, 2)}\n`);
    answer(`wrote ${args.out}: ${adoption.resources.length} resources; adopt them with \`pulumi import --file ${args.out}\``);
    if (args.program) {
      writeFileSync(resolve(cwd, args.program), adoption.program({ sdk: args.sdk, importIds: args.importIds }));
      answer(`wrote ${args.program}: the program that declares them`);
    }
    if (adoption.config.length > 0) {
      answer(`${chosen.name} never returns these values; set each before \`pulumi up\`:`);
      for (const { key, secret, resource, path } of adoption.config) answer(`  ${configSetCommand(key, secret)}   # ${path} of ${resource.resource.token} ${resource.name}`);
    }
    return { code: 0, adoption };
  } catch (error) {
    if (error instanceof UsageError) {
      // An empty message is --help: the usage is the answer, not a complaint.
      if (!error.message) {
        answer(USAGE);
        return { code: 0 };
      }
      say(`hosting-adopt: ${error.message}`);
      say(USAGE);
      return { code: 2 };
    }
    return fail(say, api ? `${api.name}: ${messageOf(error)}` : messageOf(error));
  }
}

function apiOf(module: string): Api {
  const modules = adoptableModules();
  if (!modules.includes(module)) throw new UsageError(`unknown API "${module}": choose one of ${modules.join(", ")}`);
  return resourcesOf(module)[0].api;
}

function fail(say: (text: string) => void, message: string): { code: number } {
  say(`hosting-adopt: ${message}`);
  return { code: 1 };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
