// A server a test started must not outlive the test run. process 'exit' handlers cover a normal
// end; this detached shell covers a Node process killed outright: once that process is gone it
// kills the server and removes its folder, and it ends by itself as soon as the server is gone.
import { spawn, type ChildProcess } from "node:child_process";

export function startWatchdog(serverPid: number | undefined, dir: string, name: string): void {
  if (serverPid === undefined) return;
  const script =
    'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; ' +
    'if kill -0 "$2" 2>/dev/null; then kill -9 "$2"; sleep 1; rm -rf "$3"; fi';
  const watchdog = spawn("sh", ["-c", script, `${name}-watchdog`, String(process.pid), String(serverPid), dir], { detached: true, stdio: "ignore" });
  watchdog.unref();
}

const running = new Set<ChildProcess>();
let exitHandlerInstalled = false;

/** Kills the server when this Node process ends normally (one handler for all servers), and watches it otherwise. */
export function guard(child: ChildProcess, dir: string, name: string): void {
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true;
    process.on("exit", () => {
      for (const server of running) server.kill("SIGKILL");
    });
  }
  running.add(child);
  child.once("exit", () => running.delete(child));
  startWatchdog(child.pid, dir, name);
}
