// scripts/ensure-mariadb.sh on a pretend machine (pretend-machine.ts): the install path runs
// without touching this machine.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../provider/version";
import { usePretendMachine } from "./pretend-machine";

const SCRIPT = join(packageRoot(), "scripts/ensure-mariadb.sh");
const PROGRAMS = ["mariadbd", "mariadb-install-db", "my_print_defaults"];
const INSTALL = "apt-get install -y -q --no-install-recommends mariadb-server-core mariadb-client-core";

const m = usePretendMachine({ name: "mariadb", script: SCRIPT, programs: PROGRAMS, firstPackage: "mariadb-server-core", searchDirsVariable: "MARIADB_SEARCH_DIRS" });

describe("scripts/ensure-mariadb.sh", () => {
  it("prints one line and installs nothing when MariaDB is already there", () => {
    m.pretend("root");
    for (const program of PROGRAMS) m.executable(join(m.installed, program), "#!/bin/sh\n");
    const run = m.runScript();
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual([`mariadb: already installed (${m.installed}/mariadbd)`]);
  });

  it("as root: says what it installs and why, then installs only the core packages with no service start allowed", () => {
    m.pretend("root");
    const run = m.runScript();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual([
      "mariadb: not installed; installing Debian package(s) mariadb-server-core mariadb-client-core for the test sandbox's private MariaDB " +
        "(missing: mariadbd mariadb-install-db my_print_defaults); no system service is enabled or started",
      "apt-get update -q (DEBIAN_FRONTEND=unset)",
      `${INSTALL} (DEBIAN_FRONTEND=noninteractive)`,
      "policy-rc.d answers 101 during the install",
      `mariadb: installed (${m.installed}/mariadbd)`,
    ]);
    expect(existsSync(m.policy)).toBe(false);
  });

  it("as a user: every step that needs root goes through sudo", () => {
    m.pretend("user with sudo");
    const run = m.runScript();
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual(
      expect.arrayContaining([
        `sudo tee ${m.policy}`,
        "sudo apt-get update -q",
        `sudo env DEBIAN_FRONTEND=noninteractive ${INSTALL}`,
        "policy-rc.d answers 101 during the install",
        `sudo rm -f ${m.policy}`,
      ]),
    );
    expect(run.timeline.filter((line) => line.startsWith("apt-get")).length).toBe(2);
    expect(run.timeline.indexOf("sudo apt-get update -q")).toBeLessThan(run.timeline.indexOf("apt-get update -q (DEBIAN_FRONTEND=unset)"));
    expect(run.timeline.at(-1)).toBe(`mariadb: installed (${m.installed}/mariadbd)`);
    expect(existsSync(m.policy)).toBe(false);
  });

  it("puts back a policy-rc.d that was there before", () => {
    m.pretend("root");
    const original = "#!/bin/sh\n# the container's own\nexit 101\n";
    m.executable(m.policy, original);
    expect(m.runScript().status).toBe(0);
    expect(readFileSync(m.policy, "utf8")).toBe(original);
    expect(existsSync(`${m.policy}.before-ensure-mariadb`)).toBe(false);
  });

  it("shows apt's output and removes its policy-rc.d when the install fails", () => {
    m.pretend("root", { installFails: true });
    const run = m.runScript();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("mariadb: installation failed; apt output follows");
    expect(run.stderr).toContain("E: Unable to locate package mariadb-server-core");
    expect(existsSync(m.policy)).toBe(false);
  });

  it("refuses without root and without sudo, before touching anything", () => {
    m.pretend("user without sudo");
    const run = m.runScript();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("mariadb: installing needs root, and there is no sudo");
    expect(run.timeline.some((line) => line.startsWith("apt-get"))).toBe(false);
  });

  it("never asks systemctl for anything", () => {
    m.pretend("root");
    expect(m.runScript().timeline.some((line) => line.startsWith("systemctl"))).toBe(false);
  });
});
