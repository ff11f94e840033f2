// The production dependencies exactly as the lockfile pins them (`npm ci --omit=dev`), installed
// once per lockfile and kept: from npm's cache without the network when it holds them, else from
// the registry.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { packageRoot } from "../../provider/version";

const run = promisify(execFile);
/** An install's folder: the start of its lockfile's SHA-256. */
const INSTALL_NAME = /^[0-9a-f]{16}$/;
const NPM_CI = ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"];

/** The folder holding the production install's node_modules, under `cacheDir`. */
export async function productionInstall(cacheDir: string): Promise<string> {
  const root = packageRoot();
  const lockfile = readFileSync(join(root, "package-lock.json"));
  const installed = join(cacheDir, createHash("sha256").update(lockfile).digest("hex").slice(0, 16));
  if (existsSync(join(installed, "node_modules"))) return installed;

  mkdirSync(cacheDir, { recursive: true });
  const partial = mkdtempSync(join(cacheDir, "installing-"));
  try {
    for (const file of ["package.json", "package-lock.json"]) copyFileSync(join(root, file), join(partial, file));
    // Install scripts stay off: the package's own `prepare` would build the repository again,
    // and no production dependency needs one to run.
    await run("npm", [...NPM_CI, "--offline"], { cwd: partial }).catch(() => run("npm", [...NPM_CI, "--prefer-offline"], { cwd: partial }));
    try {
      renameSync(partial, installed);
    } catch (error) {
      // Another build installed the same lockfile meanwhile: use that one.
      if (!existsSync(join(installed, "node_modules"))) throw error;
    }
    // An install of an older lockfile is 100 MB nothing will use again.
    for (const entry of readdirSync(cacheDir)) {
      if (INSTALL_NAME.test(entry) && join(cacheDir, entry) !== installed) rmSync(join(cacheDir, entry), { recursive: true, force: true });
    }
    return installed;
  } catch (error) {
    const { stderr = "" } = error as { stderr?: string };
    throw new Error(`installing the production dependencies failed: ${stderr || (error as Error).message}`);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}
