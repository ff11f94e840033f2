// scripts/ensure-redis.sh on a pretend machine, as ensure-mariadb.test.ts does it: stand-ins for
// apt-get, id and sudo that write what they are asked to a timeline, and the Redis search folder
// and policy-rc.d in a temporary folder, so the install path runs without touching this machine.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { packageRoot } from "../../provider/version";

const SCRIPT = join(packageRoot(), "scripts/ensure-redis.sh");
const PROGRAMS = ["redis-server", "redis-cli"];
const INSTALL = "apt-get install -y -q --no-install-recommends redis-server redis-tools";

let machine: string;
let bin: string;
let installed: string;
let policy: string;
let timeline: string;

function executable(path: string, text: string): void {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

function pretend(who: "root" | "user with sudo" | "user without sudo", options: { installFails?: boolean } = {}): void {
  for (const tool of ["env", "mv", "rm", "chmod", "tee", "cat", "mktemp"]) symlinkSync(`/usr/bin/${tool}`, join(bin, tool));
  executable(join(bin, "id"), `#!/bin/sh\n[ "$1" = -u ] && echo ${who === "root" ? 0 : 1000}\n`);
  if (who === "user with sudo") executable(join(bin, "sudo"), `#!/bin/sh\necho "sudo $*" >> "${timeline}"\nexec "$@"\n`);
  executable(join(bin, "systemctl"), `#!/bin/sh\necho "systemctl $*" >> "${timeline}"\n`);
  executable(
    join(bin, "apt-get"),
    `#!/bin/sh
echo "apt-get $* (DEBIAN_FRONTEND=\${DEBIAN_FRONTEND:-unset})" >> "${timeline}"
[ "$1" = install ] || exit 0
if [ -x "${policy}" ]; then "${policy}" redis-server start; echo "policy-rc.d answers $? during the install" >> "${timeline}"
else echo "no policy-rc.d during the install" >> "${timeline}"; fi
${options.installFails ? 'echo "E: Unable to locate package redis-server"; exit 100' : ""}
for program in ${PROGRAMS.join(" ")}; do printf '#!/bin/sh\\n' > "${installed}/$program"; chmod 755 "${installed}/$program"; done
`,
  );
}

function runScript() {
  const result = spawnSync("/bin/bash", ["-c", `exec /bin/bash "$0" >> "${timeline}"`, SCRIPT], {
    env: { PATH: bin, TMPDIR: machine, REDIS_SEARCH_DIRS: installed, POLICY_RC_D: policy },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr, timeline: existsSync(timeline) ? readFileSync(timeline, "utf8").trimEnd().split("\n") : [] };
}

beforeEach(() => {
  machine = mkdtempSync(join(tmpdir(), "ensure-redis-test-"));
  bin = join(machine, "bin");
  installed = join(machine, "usr-bin");
  policy = join(machine, "policy-rc.d");
  timeline = join(machine, "timeline");
  mkdirSync(bin);
  mkdirSync(installed);
});

afterEach(() => {
  rmSync(machine, { recursive: true, force: true });
});

describe("scripts/ensure-redis.sh", () => {
  it("prints one line and installs nothing when Redis is already there", () => {
    pretend("root");
    for (const program of PROGRAMS) executable(join(installed, program), "#!/bin/sh\n");
    const run = runScript();
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual([`redis: already installed (${installed}/redis-server)`]);
  });

  it("as root: installs redis-server and redis-tools with no service start allowed, and never asks systemctl", () => {
    pretend("root");
    const run = runScript();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual([
      "redis: not installed; installing Debian package(s) redis-server redis-tools for the test sandbox's private Redis " +
        "(missing: redis-server redis-cli); no system service is enabled or started",
      "apt-get update -q (DEBIAN_FRONTEND=unset)",
      `${INSTALL} (DEBIAN_FRONTEND=noninteractive)`,
      "policy-rc.d answers 101 during the install",
      `redis: installed (${installed}/redis-server)`,
    ]);
    expect(existsSync(policy)).toBe(false);
  });

  it("as a user: goes through sudo; puts back a policy-rc.d that was there before", () => {
    pretend("user with sudo");
    const original = "#!/bin/sh\n# the container's own\nexit 101\n";
    executable(policy, original);
    const run = runScript();
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual(expect.arrayContaining(["sudo apt-get update -q", `sudo env DEBIAN_FRONTEND=noninteractive ${INSTALL}`]));
    expect(readFileSync(policy, "utf8")).toBe(original);
    expect(existsSync(`${policy}.before-ensure-redis`)).toBe(false);
  });

  it("shows apt's output when the install fails, and refuses without root or sudo", () => {
    pretend("root", { installFails: true });
    const failed = runScript();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("E: Unable to locate package redis-server");
    expect(existsSync(policy)).toBe(false);
    rmSync(bin, { recursive: true });
    rmSync(timeline, { force: true });
    mkdirSync(bin);
    pretend("user without sudo");
    const refused = runScript();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("redis: installing needs root, and there is no sudo");
    expect(refused.timeline.some((line) => line.startsWith("apt-get"))).toBe(false);
  });
});
