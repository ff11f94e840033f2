// The provider's layers depend one way only, server -> registry -> backends -> kit -> http (the
// adoption command, beside the server, reads the registry too), so a
// new backend can be added without touching the layers below it, and no backend leans on
// another. Production files stay small enough to read in one sitting.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../provider/version";

const root = packageRoot();
const providerDir = join(root, "provider");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** "http", "kit", "server", "registry", "backends/serverpilot", or the file's own name at the top. */
function layerOf(file: string): string {
  const parts = relative(providerDir, file).split("/");
  if (parts[0] === "backends") return `backends/${parts[1]}`;
  if (parts.length === 1) return parts[0].replace(/\.ts$/, "");
  return parts[0];
}

/** The provider files a file imports or requires, as layers. */
function importedLayers(file: string): string[] {
  const text = readFileSync(file, "utf8");
  // Statements only: generated code inside string literals (the SDK generator) is not an import.
  const statements = /^\s*(?:import|export)\b[^;]*?from\s+"(\.{1,2}\/[^"]+)"|\brequire\("(\.{1,2}\/[^"]+)"\)/gm;
  const specifiers = [...text.matchAll(statements)].map((m) => m[1] ?? m[2]);
  return specifiers.map((s) => layerOf(`${resolve(dirname(file), s)}.ts`));
}

const allowed: Record<string, (target: string) => boolean> = {
  http: (t) => t === "http" || t === "version",
  kit: (t) => ["kit", "http", "version"].includes(t),
  registry: (t) => t === "kit" || t.startsWith("backends/"),
  server: (t) => ["server", "registry", "kit", "http", "version"].includes(t),
  adopt: (t) => ["adopt", "registry", "kit", "http", "version"].includes(t),
  main: (t) => t === "server",
  plugin: (t) => t === "main" || t === "version",
  version: () => false,
};

describe("imports point one way", () => {
  const files = sourceFiles(providerDir);

  it.each(files.map((f) => [relative(root, f), f]))("%s", (_name, file) => {
    const layer = layerOf(file);
    const rule = layer.startsWith("backends/") ? (t: string) => t === layer || t === "kit" || t === "http" : allowed[layer];
    expect(rule, `no rule for layer ${layer}`).toBeDefined();
    expect(importedLayers(file).filter((target) => !rule(target))).toEqual([]);
  });

  it("found the layers it checks", () => {
    expect(new Set(files.map(layerOf))).toEqual(new Set(["http", "kit", "server", "adopt", "registry", "main", "plugin", "version", "backends/serverpilot", "backends/combell", "backends/dbaas", "backends/pterodactyl", "backends/wispanel"]));
  });
});

describe("file size", () => {
  it("keeps every production file at about 300 lines or fewer", () => {
    const production = [...sourceFiles(providerDir), ...sourceFiles(join(root, "scripts"))];
    const long = production
      .map((f) => ({ file: relative(root, f), lines: readFileSync(f, "utf8").split("\n").length }))
      .filter((f) => f.lines > 310);
    expect(long).toEqual([]);
  });
});
