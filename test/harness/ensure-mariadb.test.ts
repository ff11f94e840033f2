// scripts/ensure-mariadb.sh on a pretend machine: a PATH of stand-ins for apt-get, id and sudo
// that write what they are asked to a timeline file, and MariaDB search folders and a
// policy-rc.d path in a temporary folder, so the install path runs without touching this machine.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { packageRoot } from "../../provider/version";

const SCRIPT = join(packageRoot(), "scripts/ensure-mariadb.sh");
const PROGRAMS = ["mariadbd", "mariadb-install-db", "my_print_defaults"];
const INSTALL = "apt-get install -y -q --no-install-recommends mariadb-server-core mariadb-client-core";

let machine: string;
let bin: string;
let installed: string;
let policy: string;
let timeline: string;

function executable(path: string, text: string): void {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

/** `who`: root, or a user with or without sudo. */
function pretend(who: "root" | "user with sudo" | "user without sudo", options: { installFails?: boolean } = {}): void {
  for (const tool of ["env", "mv", "rm", "chmod", "tee", "cat", "mktemp"]) symlinkSync(`/usr/bin/${tool}`, join(bin, tool));
  executable(join(bin, "id"), `#!/bin/sh\n[ "$1" = -u ] && echo ${who === "root" ? 0 : 1000}\n`);
  if (who === "user with sudo") executable(join(bin, "sudo"), `#!/bin/sh\necho "sudo $*" >> "${timeline}"\nexec "$@"\n`);
  executable(join(bin, "systemctl"), `#!/bin/sh\necho "systemctl $*" >> "${timeline}"\n`);
  // Installing runs the package scripts' question to policy-rc.d, as invoke-rc.d asks it.
  executable(
    join(bin, "apt-get"),
    `#!/bin/sh
echo "apt-get $* (DEBIAN_FRONTEND=\${DEBIAN_FRONTEND:-unset})" >> "${timeline}"
[ "$1" = install ] || exit 0
if [ -x "${policy}" ]; then "${policy}" mariadb start; echo "policy-rc.d answers $? during the install" >> "${timeline}"
else echo "no policy-rc.d during the install" >> "${timeline}"; fi
${options.installFails ? 'echo "E: Unable to locate package mariadb-server-core"; exit 100' : ""}
for program in ${PROGRAMS.join(" ")}; do printf '#!/bin/sh\\n' > "${installed}/$program"; chmod 755 "${installed}/$program"; done
`,
  );
}

function runScript(): { status: number | null; stdout: string; stderr: string; timeline: string[] } {
  // The script's stdout goes to the timeline too, so its messages and apt-get's calls are in order.
  const result = spawnSync("/bin/bash", ["-c", `exec /bin/bash "$0" >> "${timeline}"`, SCRIPT], {
    env: { PATH: bin, TMPDIR: machine, MARIADB_SEARCH_DIRS: installed, POLICY_RC_D: policy },
    // stdin not a socket: bash would take itself for an rsh session and read ~/.bashrc.
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    timeout: 30_000,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    timeline: existsSync(timeline) ? readFileSync(timeline, "utf8").trimEnd().split("\n") : [],
  };
}

beforeEach(() => {
  machine = mkdtempSync(join(tmpdir(), "ensure-mariadb-test-"));
  bin = join(machine, "bin");
  installed = join(machine, "usr-sbin");
  policy = join(machine, "policy-rc.d");
  timeline = join(machine, "timeline");
  mkdirSync(bin);
  mkdirSync(installed);
});

afterEach(() => {
  rmSync(machine, { recursive: true, force: true });
});

describe("scripts/ensure-mariadb.sh", () => {
  it("prints one line and installs nothing when MariaDB is already there", () => {
    pretend("root");
    for (const program of PROGRAMS) executable(join(installed, program), "#!/bin/sh\n");
    const run = runScript();
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual([`mariadb: already installed (${installed}/mariadbd)`]);
  });

  it("as root: says what it installs and why, then installs only the core packages with no service start allowed", () => {
    pretend("root");
    const run = runScript();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual([
      "mariadb: not installed; installing Debian package(s) mariadb-server-core mariadb-client-core for the test sandbox's private MariaDB " +
        "(missing: mariadbd mariadb-install-db my_print_defaults); no system service is enabled or started",
      "apt-get update -q (DEBIAN_FRONTEND=unset)",
      `${INSTALL} (DEBIAN_FRONTEND=noninteractive)`,
      "policy-rc.d answers 101 during the install",
      `mariadb: installed (${installed}/mariadbd)`,
    ]);
    expect(existsSync(policy)).toBe(false);
  });

  it("as a user: every step that needs root goes through sudo", () => {
    pretend("user with sudo");
    const run = runScript();
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual(
      expect.arrayContaining([
        `sudo tee ${policy}`,
        "sudo apt-get update -q",
        `sudo env DEBIAN_FRONTEND=noninteractive ${INSTALL}`,
        "policy-rc.d answers 101 during the install",
        `sudo rm -f ${policy}`,
      ]),
    );
    expect(run.timeline.filter((line) => line.startsWith("apt-get")).length).toBe(2);
    expect(run.timeline.indexOf("sudo apt-get update -q")).toBeLessThan(run.timeline.indexOf("apt-get update -q (DEBIAN_FRONTEND=unset)"));
    expect(run.timeline.at(-1)).toBe(`mariadb: installed (${installed}/mariadbd)`);
    expect(existsSync(policy)).toBe(false);
  });

  it("puts back a policy-rc.d that was there before", () => {
    pretend("root");
    const original = "#!/bin/sh\n# the container's own\nexit 101\n";
    executable(policy, original);
    expect(runScript().status).toBe(0);
    expect(readFileSync(policy, "utf8")).toBe(original);
    expect(existsSync(`${policy}.before-ensure-mariadb`)).toBe(false);
  });

  it("shows apt's output and removes its policy-rc.d when the install fails", () => {
    pretend("root", { installFails: true });
    const run = runScript();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("mariadb: installation failed; apt output follows");
    expect(run.stderr).toContain("E: Unable to locate package mariadb-server-core");
    expect(existsSync(policy)).toBe(false);
  });

  it("refuses without root and without sudo, before touching anything", () => {
    pretend("user without sudo");
    const run = runScript();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("mariadb: installing needs root, and there is no sudo");
    expect(run.timeline.some((line) => line.startsWith("apt-get"))).toBe(false);
  });

  it("never asks systemctl for anything", () => {
    pretend("root");
    expect(runScript().timeline.some((line) => line.startsWith("systemctl"))).toBe(false);
  });
});
