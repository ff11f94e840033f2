// Runs once before the test files, in vitest's main process; the workers inherit its environment.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { installableTemporaryFolder, installDataDirectory, MARIADB_TEMPLATE_ENV } from "./sandbox/mariadb";

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(installableTemporaryFolder(), "mariadb-template-"));
  const tempDir = join(dir, "tmp");
  mkdirSync(tempDir);
  await installDataDirectory(join(dir, "data"), tempDir);
  process.env[MARIADB_TEMPLATE_ENV] = join(dir, "data");
  return () => rmSync(dir, { recursive: true, force: true });
}
