// The provider as `npm run build` compiled it (tsconfig.json, into dist/provider): the JavaScript
// of each of its sources, no tests and no output left behind by a source since deleted. Taken
// from the build instead of compiled again, which would check every type a second time.
import { cpSync, existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { packageRoot } from "../../provider/version";

const SOURCES = "provider";

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Copies dist/provider/**.js of every provider source into `outDir` (as `outDir`/provider/...). */
export function copyCompiledProvider(outDir: string): void {
  const root = packageRoot();
  const missing: string[] = [];
  for (const source of sourcesUnder(join(root, SOURCES))) {
    const compiled = join("dist", relative(root, source).replace(/\.ts$/, ".js"));
    if (!existsSync(join(root, compiled))) missing.push(compiled);
    else cpSync(join(root, compiled), join(outDir, relative(join(root, "dist"), join(root, compiled))));
  }
  if (missing.length > 0) throw new Error(`not built (run npm run build first): ${missing.join(", ")}`);
}
