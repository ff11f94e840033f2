// README's first command: the quickstart runs a real Pulumi program end to end.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { packageRoot } from "../provider/version";

it("takes examples/quickstart through preview, up, change, refresh and destroy", async () => {
  const child = spawn(process.execPath, [join(packageRoot(), "dist/scripts/quickstart.js")], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const code = await new Promise((resolve) => child.once("exit", resolve));
  expect(output).toContain("Quickstart complete.");
  expect(code).toBe(0);
  expect(output).toContain("mysql -u bloguser -p*** blogdb: logged in");
  expect(output).toMatch(/~ {2}hosting:serverpilot:App blog update {2}\[~runtime\]/);
  expect(output).toContain("will change the runtime from php8.2 to php8.3");
  expect(output).toContain("serverApiKey: [secret]");
  expect(output).toContain("Left behind: 0 ServerPilot resources, no MariaDB database.");
}, 180_000);
