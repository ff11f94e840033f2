// Files holding secrets (a stack's config and state: API keys, passwords) are readable by their
// owner only from the moment they exist: created with mode 0600, never chmod-ed afterwards.
// Written beside the target and renamed over it, so the target is always whole and always 0600,
// even when it was another mode before or the process is stopped mid-write.
import { randomBytes } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export function writeSecretFile(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(temporary, text, { mode: 0o600, flag: "wx" });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
