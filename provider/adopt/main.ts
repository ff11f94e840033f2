import { resolve } from "node:path";
import { secrets } from "../http/redact";
import type { Api } from "../kit/api";
import { checkConfigValues, ProviderConfiguration } from "../kit/config";
import { adopt, type Adoption } from "./adopt";
import { configSetCommand } from "./program";
import { flagOf, parseArguments, shown, USAGE, UsageError, variablesOf } from "./cli";
import { outputProblem, OutputFileError, writeAll, type OutputFile } from "./output-files";
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

    // Checked before the scan: a wrong path costs no scan, and a program the user wrote must not
    // be replaced by the one made.
    const importFile: OutputFile = { path: resolve(cwd, args.out), shown: args.out };
    const programFile: OutputFile | undefined = args.program === undefined ? undefined : { path: resolve(cwd, args.program), shown: args.program };
    const problem = outputProblem(programFile ? [importFile, programFile] : [importFile], args.force);
    if (problem) return fail(say, problem);

    const adoption = await adopt(args.module, configuration, { progress: say, note: say });
    const files = [{ ...importFile, text: `${JSON.stringify(adoption.importFile, null, 2)}\n` }];
    if (programFile) files.push({ ...programFile, text: adoption.program({ sdk: args.sdk, importIds: args.importIds }) });
    writeAll(files, args.force);
    answer(`wrote ${args.out}: ${adoption.resources.length} resources; adopt them with \`pulumi import --file ${args.out}\``);
    if (args.program) answer(`wrote ${args.program}: the program that declares them`);
    if (adoption.config.length > 0) {
      answer(`the files hold none of these values (${chosen.name} never returns some, and secrets stay out of files); set each before \`pulumi up\`:`);
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
    if (error instanceof OutputFileError) return fail(say, error.message);
    return fail(say, api ? `${api.name}: ${messageOf(error)}` : messageOf(error));
  }
}

function apiOf(module: string): Api {
  const modules = adoptableModules();
  if (!modules.includes(module)) throw new UsageError(`unknown API ${shown(module)}: choose one of ${modules.join(", ")}`);
  return resourcesOf(module)[0].api;
}

function fail(say: (text: string) => void, message: string): { code: number } {
  say(`hosting-adopt: ${message}`);
  return { code: 1 };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
