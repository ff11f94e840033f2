// The TypeScript SDK as an npm package: sdk/nodejs (generated from the declarations, its
// package.json included) compiled to JavaScript with .d.ts files, packed by `npm pack`.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { packageRoot } from "../../provider/version";
import { compile } from "./compile";

const run = promisify(execFile);
const SDK = "sdk/nodejs";

export interface SdkPackage {
  path: string;
  bytes: number;
}

export async function buildSdkPackage(outDir: string): Promise<SdkPackage> {
  const staging = mkdtempSync(join(tmpdir(), "hosting-sdk-"));
  try {
    await compile({ include: [SDK], rootDir: SDK, outDir: staging, declaration: true });
    copyFileSync(join(packageRoot(), SDK, "package.json"), join(staging, "package.json"));
    const { stdout } = await run("npm", ["pack", "--json", "--ignore-scripts", "--loglevel=error", "--pack-destination", outDir], { cwd: staging });
    const [{ filename }] = JSON.parse(stdout) as { filename: string }[];
    const path = join(outDir, filename);
    return { path, bytes: statSync(path).size };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
