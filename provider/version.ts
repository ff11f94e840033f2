import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

let found: { root: string; version: string } | undefined;

function locate(): { root: string; version: string } {
  if (found) return found;
  // Walks up from here, so it works from provider/ (tests) and from dist/provider/ alike.
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      if (pkg.name === "hosting") return (found = { root: dir, version: pkg.version as string });
    } catch {
      // not here; keep walking up
    }
  }
  return (found = { root: process.cwd(), version: "0.0.0-dev" });
}

/** The version in package.json. */
export function packageVersion(): string {
  return locate().version;
}

/** The folder holding package.json: the repository, or the installed package. */
export function packageRoot(): string {
  return locate().root;
}
