// The engine's gRPC client in the engine's own language: test/engine-go/main.go, built with
// Debian's grpc-go (scripts/ensure-go-grpc.sh installs it), calls the plugin as the Pulumi CLI
// does. The harness's grpc-js client and the plugin's node:http2 server are both Node; this is
// the check that the plugin answers what grpc-go reads.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { packageRoot } from "../../provider/version";

/** Where Debian's golang-google-grpc-dev and its dependencies keep their sources. */
const DEBIAN_GOCODE = "/usr/share/gocode";

export interface GoAnswer {
  /** The gRPC status code: 0 for an answer. */
  code: number;
  message: string;
  /** The google.rpc.Status grpc-go read from grpc-status-details-bin, encoded again. */
  details?: Buffer;
  response?: Buffer;
}

/** Builds the client once per run into a folder of its own; fails naming what to install. */
let built: string | undefined;
function goEngineBinary(): string {
  if (built) return built;
  const gopath = mkdtempSync(join(tmpdir(), "go-engine-"));
  mkdirSync(join(gopath, "src", "engine"), { recursive: true });
  copyFileSync(join(packageRoot(), "test", "engine-go", "main.go"), join(gopath, "src", "engine", "main.go"));
  const binary = join(gopath, "engine");
  const build = spawnSync("go", ["build", "-o", binary, "engine"], {
    cwd: gopath,
    // No cgo: the client needs no C compiler on the machine.
    env: { ...process.env, GO111MODULE: "off", GOPATH: `${gopath}:${DEBIAN_GOCODE}`, GOFLAGS: "", CGO_ENABLED: "0" },
    encoding: "utf8",
  });
  if (build.error || build.status !== 0) {
    throw new Error(`building the grpc-go engine client failed (run scripts/ensure-go-grpc.sh): ${build.error?.message ?? build.stderr}`);
  }
  return (built = binary);
}

export class GoEngine {
  private readonly waiting: ((answer: GoAnswer) => void)[] = [];

  private constructor(private readonly child: ChildProcess) {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const raw = JSON.parse(line) as { code: number; message: string; details?: string; response?: string };
      this.waiting.shift()?.({
        code: raw.code,
        message: raw.message,
        ...(raw.details ? { details: Buffer.from(raw.details, "base64") } : {}),
        ...(raw.response ? { response: Buffer.from(raw.response, "base64") } : {}),
      });
    });
  }

  /** A client connected to the plugin listening on `port`. */
  static connect(port: number): GoEngine {
    const child = spawn(goEngineBinary(), [`127.0.0.1:${port}`], { stdio: ["pipe", "pipe", "inherit"] });
    return new GoEngine(child);
  }

  /** Calls `method` (Check, Create, ...) of pulumirpc.ResourceProvider with the encoded request. */
  call(method: string, request: Uint8Array): Promise<GoAnswer> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin!.write(`${JSON.stringify({ method: `/pulumirpc.ResourceProvider/${method}`, request: Buffer.from(request).toString("base64") })}\n`);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once("exit", () => resolve());
      this.child.stdin!.end();
    });
  }
}
