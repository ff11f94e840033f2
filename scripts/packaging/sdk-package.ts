// The TypeScript SDK as an npm package: sdk/nodejs (generated from the declarations, its
// package.json included) as JavaScript with .d.ts files, packed by `npm pack`.
//
// Each file is transpiled on its own, without checking types again: `npm run build` has compiled
// and checked sdk/nodejs already, and the generator annotates every export, so a declaration file
// follows from each source alone (a missing annotation fails the build here, naming the file).
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { packageRoot } from "../../provider/version";

const run = promisify(execFile);
const SDK = "sdk/nodejs";

export interface SdkPackage {
  path: string;
  bytes: number;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourcesUnder(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The production compiler options (tsconfig.json) the SDK is built with. */
function compilerOptions(): ts.CompilerOptions {
  const configFile = join(packageRoot(), "tsconfig.json");
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, packageRoot(), undefined, configFile);
  return { ...options, declaration: true, sourceMap: false };
}

function transpile(sdkDir: string, outDir: string): void {
  const options = compilerOptions();
  const problems: string[] = [];
  for (const source of sourcesUnder(sdkDir)) {
    const text = readFileSync(source, "utf8");
    const base = join(outDir, relative(sdkDir, source)).replace(/\.ts$/, "");
    const js = ts.transpileModule(text, { fileName: source, compilerOptions: options, reportDiagnostics: true });
    const dts = ts.transpileDeclaration(text, { fileName: source, compilerOptions: options, reportDiagnostics: true });
    for (const d of [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])]) {
      problems.push(`${relative(packageRoot(), source)}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    }
    mkdirSync(dirname(base), { recursive: true });
    writeFileSync(`${base}.js`, js.outputText);
    writeFileSync(`${base}.d.ts`, dts.outputText);
  }
  if (problems.length > 0) throw new Error(`the SDK does not transpile on its own:\n${problems.join("\n")}`);
}

export async function buildSdkPackage(outDir: string): Promise<SdkPackage> {
  const staging = mkdtempSync(join(tmpdir(), "hosting-sdk-"));
  try {
    transpile(join(packageRoot(), SDK), staging);
    copyFileSync(join(packageRoot(), SDK, "package.json"), join(staging, "package.json"));
    const { stdout } = await run("npm", ["pack", "--json", "--ignore-scripts", "--loglevel=error", "--pack-destination", outDir], { cwd: staging });
    const [{ filename }] = JSON.parse(stdout) as { filename: string }[];
    const path = join(outDir, filename);
    return { path, bytes: statSync(path).size };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
