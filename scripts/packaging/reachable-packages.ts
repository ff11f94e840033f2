// Which installed packages, and which parts of them, the plugin can load: the packages named by a
// require() (or import()) in a file the plugin's own code reaches, following each package's files
// the same way. A production install also holds what the plugin never loads (all of
// @pulumi/pulumi's runtime for programs, its vendored TypeScript, its telemetry): the plugin needs
// only the protobuf stubs in @pulumi/pulumi/proto, and what those need.
//
// A package ships by top-level folder: every folder of it holding a file the plugin reaches goes
// whole (a load the scan cannot follow, a computed require, stays inside what its package ships
// far more often than not), and a package whose root holds such a file goes whole.
import { readFileSync, readdirSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, sep } from "node:path";

/** A literal specifier in require("x") or import("x"); a computed one cannot be followed. */
const LOADS = /\b(?:require|import)\(\s*(["'])([^"'\n]+)\1\s*\)/g;
const BUILTINS = new Set(builtinModules);
const SCRIPT = /\.(?:c|m)?js$/;

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || BUILTINS.has(specifier.split("/")[0]);
}

/** The folder of the package a file under node_modules belongs to (nested installs included). */
function packageDirOf(file: string): string | undefined {
  const parts = file.split(sep);
  const at = parts.lastIndexOf("node_modules");
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const length = parts[at + 1].startsWith("@") ? 2 : 1;
  return parts.slice(0, at + 1 + length).join(sep);
}

function scriptsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? scriptsUnder(path) : SCRIPT.test(entry.name) ? [path] : [];
  });
}

/** What to ship of a package: all of it, or these top-level folders (with its package.json and licenses). */
export type PackageParts = "whole" | Set<string>;

/**
 * The package folders (absolute) the scripts under `codeDir` reach, resolved as Node resolves
 * them from there, with the parts reached. Everything must resolve inside `installRoot`: a
 * package found above it would be missing from the package built from that folder.
 */
export function reachablePackages(codeDir: string, installRoot: string): Map<string, PackageParts> {
  const packages = new Map<string, PackageParts>();
  const seen = new Set<string>();
  const pending = scriptsUnder(codeDir);
  const reached = (packageDir: string, file: string) => {
    const [first, ...rest] = relative(packageDir, file).split(sep);
    const parts = packages.get(packageDir) ?? new Set<string>();
    if (parts === "whole" || rest.length === 0) packages.set(packageDir, "whole");
    else packages.set(packageDir, parts.add(first));
  };
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, , specifier] of readFileSync(file, "utf8").matchAll(LOADS)) {
      if (isBuiltin(specifier)) continue;
      let resolved: string;
      try {
        resolved = require.resolve(specifier, { paths: [dirname(file)] });
      } catch {
        // A guarded optional load (`try { require("x") } catch {}`) of something not installed.
        continue;
      }
      if (relative(installRoot, resolved).startsWith("..")) {
        throw new Error(`${relative(installRoot, file)} loads ${specifier}, which the production install does not hold (found at ${resolved})`);
      }
      const packageDir = packageDirOf(resolved);
      if (packageDir) reached(packageDir, resolved);
      if (SCRIPT.test(resolved)) pending.push(resolved);
    }
  }
  return packages;
}
