// What Linux says about a process (the plugin) in /proc: its memory, and the CPU time it has used.
// CPU time is what the machine's other load changes least, so rows give it beside wall times.
import { readFileSync } from "node:fs";

/** A field of /proc/<pid>/status ("VmRSS", "VmHWM") in bytes. */
export function statusBytes(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`));
  if (!line) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(line.replace(/\D+/g, "")) * 1024;
}

// USER_HZ: 100 on every Linux this runs on.
const MS_PER_TICK = 10;

/** User and system CPU time the process has used so far, in ms. */
export function cpuMs(pid: number): number {
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}
