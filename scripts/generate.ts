// Derives schema.json, the TypeScript SDK (sdk/nodejs) and the docs (docs/) from the resource declarations.
// `npm run build` runs it; `--check` only reports files that are stale (used by the tests).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { GENERATED_MARK, generateDocs } from "../provider/kit/docs";
import { configurationPage } from "../provider/kit/docs-config";
import { buildSchema } from "../provider/kit/schema";
import { generateNodejsSdk } from "../provider/kit/sdk-nodejs";
import { registry } from "../provider/registry";
import { packageRoot, packageVersion } from "../provider/version";

/** Every generated file, by path relative to the repository root. */
export function generatedFiles(): Map<string, string> {
  const source = registry();
  const schema = buildSchema(source, packageVersion());
  const files = new Map<string, string>([["schema.json", JSON.stringify(schema, null, 2) + "\n"]]);
  for (const [path, content] of generateNodejsSdk(schema)) files.set(join("sdk/nodejs", path), content);
  for (const [path, content] of generateDocs(source)) files.set(join("docs", path), content);
  files.set("docs/configuration.md", configurationPage(source));
  return files;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/**
 * Paths whose committed content differs from what the declarations produce, plus strays: files
 * generated once that no declaration produces now. A page of docs/ is generated when it carries
 * the mark; the others there (installation, CI) are written by hand.
 */
export function staleFiles(root = packageRoot(), files = generatedFiles()): string[] {
  const stale = [...files].filter(([path, content]) => !existsSync(join(root, path)) || readFileSync(join(root, path), "utf8") !== content).map(([p]) => p);
  const generatedDocs = listFiles(join(root, "docs")).filter((p) => readFileSync(p, "utf8").startsWith(GENERATED_MARK));
  const strays = [...listFiles(join(root, "sdk/nodejs")), ...generatedDocs]
    .map((p) => relative(root, p))
    .filter((p) => !files.has(p));
  return [...stale, ...strays];
}

function main(): void {
  const root = packageRoot();
  const files = generatedFiles();
  const stale = staleFiles(root, files);
  if (process.argv.includes("--check")) {
    if (stale.length > 0) {
      console.error(`stale generated files (run npm run build): ${stale.join(", ")}`);
      process.exit(1);
    }
    return;
  }
  if (stale.length === 0) return;
  for (const path of stale) {
    const full = join(root, path);
    if (!files.has(path)) {
      rmSync(full);
      continue;
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, files.get(path)!);
  }
  console.log(`generated ${stale.length} file(s): ${stale.join(", ")}`);
  // The SDK sources changed after this build compiled them: compile once more.
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(root, "tsconfig.json")], { stdio: "inherit" });
}

if (require.main === module) main();
