// An ensure-*.sh script on a pretend machine: a PATH of stand-ins for apt-get, id and sudo that
// write what they are asked to a timeline file, and the programs' search folder and a
// policy-rc.d path in a temporary folder, so the install path runs without touching this machine.
// Each test gets a fresh machine (vitest's beforeEach and afterEach).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";

export type Who = "root" | "user with sudo" | "user without sudo";

export interface PretendMachine {
  readonly machine: string;
  readonly bin: string;
  /** Where the script looks for the programs, and where the pretend apt-get installs them. */
  readonly installed: string;
  readonly policy: string;
  readonly timeline: string;
  executable(path: string, text: string): void;
  /** `who` runs the script; the pretend apt-get installs `programs`, or fails. */
  pretend(who: Who, options?: { installFails?: boolean }): void;
  runScript(): { status: number | null; stdout: string; stderr: string; timeline: string[] };
}

export function usePretendMachine(options: {
  name: string;
  script: string;
  programs: string[];
  /** The package whose absence a failing install reports. */
  firstPackage: string;
  /** The variable that tells the script where to look for the programs. */
  searchDirsVariable: string;
  /** More of the script's environment, given the folder the programs are installed in. */
  env?: (installed: string) => Record<string, string>;
}): PretendMachine {
  const paths = { machine: "", bin: "", installed: "", policy: "", timeline: "" };
  beforeEach(() => {
    paths.machine = mkdtempSync(join(tmpdir(), `ensure-${options.name}-test-`));
    paths.bin = join(paths.machine, "bin");
    paths.installed = join(paths.machine, "installed");
    paths.policy = join(paths.machine, "policy-rc.d");
    paths.timeline = join(paths.machine, "timeline");
    mkdirSync(paths.bin);
    mkdirSync(paths.installed);
  });
  afterEach(() => {
    rmSync(paths.machine, { recursive: true, force: true });
  });

  const executable = (path: string, text: string) => {
    writeFileSync(path, text);
    chmodSync(path, 0o755);
  };

  return {
    get machine() {
      return paths.machine;
    },
    get bin() {
      return paths.bin;
    },
    get installed() {
      return paths.installed;
    },
    get policy() {
      return paths.policy;
    },
    get timeline() {
      return paths.timeline;
    },
    executable,
    pretend(who, { installFails = false } = {}) {
      const { bin, installed, policy, timeline } = paths;
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
if [ -x "${policy}" ]; then "${policy}" ${options.name} start; echo "policy-rc.d answers $? during the install" >> "${timeline}"
else echo "no policy-rc.d during the install" >> "${timeline}"; fi
${installFails ? `echo "E: Unable to locate package ${options.firstPackage}"; exit 100` : ""}
for program in ${options.programs.join(" ")}; do printf '#!/bin/sh\\n' > "${installed}/$program"; chmod 755 "${installed}/$program"; done
`,
      );
    },
    runScript() {
      const { machine, bin, installed, policy, timeline } = paths;
      // The script's stdout goes to the timeline too, so its messages and apt-get's calls are in order.
      const result = spawnSync("/bin/bash", ["-c", `exec /bin/bash "$0" >> "${timeline}"`, options.script], {
        env: { PATH: bin, TMPDIR: machine, [options.searchDirsVariable]: installed, POLICY_RC_D: policy, ...options.env?.(installed) },
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
    },
  };
}
