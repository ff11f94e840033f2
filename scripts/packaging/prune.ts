// What a shipped package holds that Node never loads: type declarations, source maps, TypeScript
// sources beside their JavaScript, and documentation. Licenses and package.json files stay.
import { lstatSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

const UNUSED_AT_RUNTIME = [
  /\.[cm]?ts$/, // declarations (.d.ts) and TypeScript sources
  /\.map$/,
  /\.(?:md|markdown)$/i,
  /^(?:readme|changelog|history|changes)(?:\.\w+)?$/i,
  /^(?:\.npmignore|\.eslintrc.*|\.prettierrc.*|\.editorconfig|tsconfig(?:\.\w+)?\.json)$/,
];

const isLicense = (name: string) => /^(?:licen[cs]e|notice|copying)/i.test(name);

/** Removes the files Node never loads under `dir`; returns how many bytes they took. */
export function pruneUnused(dir: string): number {
  let removed = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      removed += pruneUnused(path);
    } else if (!isLicense(entry.name) && UNUSED_AT_RUNTIME.some((pattern) => pattern.test(entry.name))) {
      removed += lstatSync(path).size;
      rmSync(path);
    }
  }
  return removed;
}

/** Bytes of the files under `dir`. */
export function sizeOf(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const path = join(dir, entry.name);
    return total + (entry.isDirectory() ? sizeOf(path) : statSync(path).size);
  }, 0);
}
