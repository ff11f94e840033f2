// The plugin's progress messages for a resource (Engine.Log with its URN) arrive while its step
// runs, before the step's result, so before the resource's own line could be printed. They are
// held per URN and printed indented under that line; messages without a URN print at once.
import type { EngineLogEntry } from "./plugin";

const INDENT = "    ";

export class ResourceLog {
  private readonly held = new Map<string, EngineLogEntry[]>();
  private readonly shown = new Set<string>();

  constructor(private readonly print: (line: string) => void) {}

  add(entry: EngineLogEntry): void {
    if (!entry.urn) this.print(`${severity(entry)}${entry.message}`);
    // The resource's line is out already: print now, with its name, since other lines may have come between.
    else if (this.shown.has(entry.urn)) this.print(`${INDENT}${nameOf(entry.urn)}: ${severity(entry)}${entry.message}`);
    else this.held.set(entry.urn, [...(this.held.get(entry.urn) ?? []), entry]);
  }

  /** Call right after printing the resource's line. */
  showUnder(urn: string): void {
    this.shown.add(urn);
    for (const entry of this.take(urn)) this.print(`${INDENT}${severity(entry)}${entry.message}`);
  }

  /** For a resource that gets no line (its step failed, or the run stopped): its messages, named. */
  flush(urn?: string): void {
    for (const key of urn === undefined ? [...this.held.keys()] : [urn]) {
      for (const entry of this.take(key)) this.print(`${INDENT}${nameOf(key)}: ${severity(entry)}${entry.message}`);
    }
  }

  private take(urn: string): EngineLogEntry[] {
    const entries = this.held.get(urn) ?? [];
    this.held.delete(urn);
    return entries;
  }
}

function severity(entry: EngineLogEntry): string {
  return entry.severity === "info" ? "" : `${entry.severity}: `;
}

function nameOf(urn: string): string {
  return urn.split("::").at(-1)!;
}
