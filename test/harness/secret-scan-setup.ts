// vitest's globalSetup: gives the run a scan directory (the test command's
// $HOSTING_SECRET_SCAN_DIR, or a new one under the OS temp dir), which the workers, the plugin
// processes and the programs they start inherit, and once every test file has finished, scans
// it. Any secret in plain text fails the run (a thrown teardown error would only be printed).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SCAN_DIR_VARIABLE } from "./scan-record";
import { describeFindings, scanForSecrets } from "./secret-scan";

export default function setup(): () => void {
  const given = process.env[SCAN_DIR_VARIABLE];
  const dir = given || mkdtempSync(join(tmpdir(), "hosting-secret-scan-"));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  process.env[SCAN_DIR_VARIABLE] = dir;
  return () => {
    const started = Date.now();
    const { findings, files, bytes, secrets } = scanForSecrets(dir);
    const measured = `${files} files, ${(bytes / 1e6).toFixed(1)} MB, ${secrets} secrets, ${Date.now() - started} ms`;
    if (findings.length > 0) {
      // The folder stays for a look; it holds the secrets' values, readable by its owner only.
      console.error(`${describeFindings(dir, findings)}\n(${measured}; the captured text is kept in ${dir})`);
      process.exitCode = 1;
      return;
    }
    console.log(`secret scan: no secret in plain text (${measured})`);
    if (!given) rmSync(dir, { recursive: true, force: true });
  };
}
