// scripts/ensure-redis.sh on a pretend machine (pretend-machine.ts): the install path runs
// without touching this machine.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../provider/version";
import { usePretendMachine } from "./pretend-machine";

const SCRIPT = join(packageRoot(), "scripts/ensure-redis.sh");
const PROGRAMS = ["redis-server", "redis-cli"];
const INSTALL = "apt-get install -y -q --no-install-recommends redis-server redis-tools";

const m = usePretendMachine({ name: "redis", script: SCRIPT, programs: PROGRAMS, firstPackage: "redis-server", searchDirsVariable: "REDIS_SEARCH_DIRS" });

describe("scripts/ensure-redis.sh", () => {
  it("prints one line and installs nothing when Redis is already there", () => {
    m.pretend("root");
    for (const program of PROGRAMS) m.executable(join(m.installed, program), "#!/bin/sh\n");
    const run = m.runScript();
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual([`redis: already installed (${m.installed}/redis-server)`]);
  });

  it("as root: installs redis-server and redis-tools with no service start allowed, and never asks systemctl", () => {
    m.pretend("root");
    const run = m.runScript();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual([
      "redis: not installed; installing Debian package(s) redis-server redis-tools for the test sandbox's private Redis " +
        "(missing: redis-server redis-cli); no system service is enabled or started",
      "apt-get update -q (DEBIAN_FRONTEND=unset)",
      `${INSTALL} (DEBIAN_FRONTEND=noninteractive)`,
      "policy-rc.d answers 101 during the install",
      `redis: installed (${m.installed}/redis-server)`,
    ]);
    expect(existsSync(m.policy)).toBe(false);
  });

  it("as a user: goes through sudo; puts back a policy-rc.d that was there before", () => {
    m.pretend("user with sudo");
    const original = "#!/bin/sh\n# the container's own\nexit 101\n";
    m.executable(m.policy, original);
    const run = m.runScript();
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual(expect.arrayContaining(["sudo apt-get update -q", `sudo env DEBIAN_FRONTEND=noninteractive ${INSTALL}`]));
    expect(readFileSync(m.policy, "utf8")).toBe(original);
    expect(existsSync(`${m.policy}.before-ensure-redis`)).toBe(false);
  });

  it("shows apt's output when the install fails, and refuses without root or sudo", () => {
    m.pretend("root", { installFails: true });
    const failed = m.runScript();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("E: Unable to locate package redis-server");
    expect(existsSync(m.policy)).toBe(false);
    rmSync(m.bin, { recursive: true });
    rmSync(m.timeline, { force: true });
    mkdirSync(m.bin);
    m.pretend("user without sudo");
    const refused = m.runScript();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("redis: installing needs root, and there is no sudo");
    expect(refused.timeline.some((line) => line.startsWith("apt-get"))).toBe(false);
  });
});
