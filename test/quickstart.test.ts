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
  expect(output).toMatch(/^~ {2}hosting:serverpilot:App blog update {2}\[~runtime: "php7\.0" => "php7\.2"\]$/m);
  expect(output).toMatch(/^~ {2}hosting:serverpilot:Server web update {2}\[~firewall: true => false\]$/m);
  // Refresh shows what changed outside Pulumi, with the stored and the read value.
  expect(output).toMatch(/^~ {2}hosting:serverpilot:Server web refresh {2}\[~firewall: false => true\]$/m);
  // A resource's progress lines come under its own line, not before it.
  expect(output).toMatch(/App blog update .*\n {4}will change the runtime from php7\.0 to php7\.2\n/);
  expect(output).toMatch(/App blog create\n {4}enable AutoSSL\n/);
  expect(output).not.toContain("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
  expect(output).toContain("serverApiKey: [secret]");
  expect(output).toContain("Left behind: 0 ServerPilot resources, no MariaDB database.");
}, 180_000);
