import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

let version: string | undefined;

/** The version in package.json, found from here whether running from source or from dist/. */
export function packageVersion(): string {
  if (version) return version;
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      if (pkg.name === "hosting") return (version = pkg.version as string);
    } catch {
      // not here; keep walking up
    }
  }
  return (version = "0.0.0-dev");
}
