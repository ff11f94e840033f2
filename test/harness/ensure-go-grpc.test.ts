// scripts/ensure-go-grpc.sh on a pretend machine (pretend-machine.ts): the install path runs
// without touching this machine. grpc-go is no program: its sources are a file that must exist.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../provider/version";
import { usePretendMachine } from "./pretend-machine";

const SCRIPT = join(packageRoot(), "scripts/ensure-go-grpc.sh");
const SOURCES = "grpc-server.go";

const m = usePretendMachine({
  name: "go-grpc",
  script: SCRIPT,
  programs: ["go", SOURCES],
  firstPackage: "golang-go",
  searchDirsVariable: "GO_SEARCH_DIRS",
  env: (installed) => ({ GO_GRPC_SOURCES: join(installed, SOURCES) }),
});

describe("scripts/ensure-go-grpc.sh", () => {
  it("prints one line and installs nothing when Go and grpc-go's sources are there", () => {
    m.pretend("root");
    m.executable(join(m.installed, "go"), "#!/bin/sh\n");
    m.executable(join(m.installed, SOURCES), "package grpc\n");
    const run = m.runScript();
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual([`go-grpc: already installed (${m.installed}/go)`]);
  });

  it("installs golang-go and golang-google-grpc-dev when Go is there but grpc-go's sources are not", () => {
    m.pretend("root");
    m.executable(join(m.installed, "go"), "#!/bin/sh\n");
    const run = m.runScript();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.timeline).toEqual([
      "go-grpc: not installed; installing Debian package(s) golang-go golang-google-grpc-dev for the test's grpc-go engine client " +
        `(missing: ${m.installed}/${SOURCES}); no system service is enabled or started`,
      "apt-get update -q (DEBIAN_FRONTEND=unset)",
      "apt-get install -y -q --no-install-recommends golang-go golang-google-grpc-dev (DEBIAN_FRONTEND=noninteractive)",
      "policy-rc.d answers 101 during the install",
      `go-grpc: installed (${m.installed}/go)`,
    ]);
  });
});
