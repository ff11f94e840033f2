// Compiles one part of the repository into a folder of its own with the production compiler
// options (tsconfig.json), so a package holds exactly that part's code: no tests, no benchmark,
// no stale output of deleted sources.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { packageRoot } from "../../provider/version";

const run = promisify(execFile);

export interface CompileOptions {
  /** Folders (relative to the repository) whose sources are compiled. */
  include: string[];
  /** Where the output goes; its layout below follows `rootDir`. */
  outDir: string;
  /** The folder (relative to the repository) the output's layout starts at. */
  rootDir: string;
  /** Also write .d.ts files beside the JavaScript. */
  declaration?: boolean;
}

export async function compile(options: CompileOptions): Promise<void> {
  const root = packageRoot();
  mkdirSync(options.outDir, { recursive: true });
  // tsc takes `include` only from a file; this one lives outside the output it describes.
  const configDir = mkdtempSync(join(tmpdir(), "hosting-compile-"));
  const config = join(configDir, "tsconfig.json");
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(root, "tsconfig.json"),
      compilerOptions: {
        rootDir: join(root, options.rootDir),
        // By default they are looked for beside this config file, outside the repository.
        typeRoots: [join(root, "node_modules/@types")],
        outDir: options.outDir,
        declaration: options.declaration ?? false,
        sourceMap: false,
        noEmit: false,
      },
      include: options.include.map((folder) => join(root, folder)),
      exclude: [join(root, "**/*.test.ts")],
    }),
  );
  try {
    await run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", config], { cwd: root });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`compiling ${options.include.join(", ")} failed:\n${stdout}${stderr}`);
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}
