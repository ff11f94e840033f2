// Which processes a process started (and they in turn), read from /proc: tests use it to show
// that nothing a run started outlives it.
import { readdirSync, readFileSync } from "node:fs";

export interface ProcessInfo {
  pid: number;
  parent: number;
  command: string;
}

function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command sits in parentheses and may itself contain spaces and parentheses.
      const close = stat.lastIndexOf(")");
      const [state, parent] = stat.slice(close + 2).split(" ");
      if (state === "Z") continue;
      found.push({ pid: Number(entry), parent: Number(parent), command: stat.slice(stat.indexOf("(") + 1, close) });
    } catch {
      // ended while we looked
    }
  }
  return found;
}

export function descendantsOf(pid: number): ProcessInfo[] {
  const all = processes();
  const result: ProcessInfo[] = [];
  let parents = new Set([pid]);
  while (parents.size > 0) {
    const children = all.filter((p) => parents.has(p.parent));
    result.push(...children);
    parents = new Set(children.map((p) => p.pid));
  }
  return result;
}

export function isRunning(pid: number): boolean {
  return processes().some((p) => p.pid === pid);
}
