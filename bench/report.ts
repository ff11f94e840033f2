// The benchmark's one output, as a table for people and as JSON for tools: one row per figure,
// with what it is, what was measured, what it is compared with, the target and whether it met it.
import { writeFileSync } from "node:fs";

export interface Row {
  what: string;
  measured: string;
  /** What the figure is compared with ("bare node 52 ms"); "" when nothing is. */
  reference: string;
  /** "" for a figure reported without a target. */
  target: string;
  /** undefined: no target. */
  pass?: boolean;
  /** The numbers behind the row, for tools that compare runs. */
  values: Record<string, number>;
}

export interface Report {
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; loadAverageAtStart: number[]; node: string };
  rows: Row[];
}

export const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const verdict = (row: Row) => (row.pass === undefined ? "" : row.pass ? "pass" : "FAIL");

/** A Markdown table: readable in a terminal and pasted as is into README.md. */
export function formatTable(rows: Row[]): string {
  const header = ["what", "measured", "reference", "target", "pass/fail"];
  const cells = rows.map((row) => [row.what, row.measured, row.reference, row.target, verdict(row)]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: string[]) => `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n");
}

export function writeReport(path: string, report: Report): void {
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
