// Every ```typescript block of docs/*.md, every example program, and the example the docs would
// derive for each resource without a declared one compile against the SDK, as
// a user's program would (`@hosting/pulumi` is sdk/nodejs), in one TypeScript compile. A
// deliberately wrong snippet rides along in the same compile: it must be the only one refused,
// at its own page and line, which shows the check sees into the snippets at all.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { exampleProgram } from "../../provider/kit/docs-example";
import { registry } from "../../provider/registry";
import { packageRoot } from "../../provider/version";

const root = packageRoot();

interface Snippet {
  /** Where the compiler sees it: docs/<page>.md.<n>.ts, a file that exists only in memory. */
  path: string;
  page: string;
  /** The line of the page its first line is on. */
  line: number;
  text: string;
}

function snippetsOf(page: string, markdown: string): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== "```typescript") continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === "```");
    snippets.push({ path: join(root, "docs", `${page}.${snippets.length + 1}.ts`), page, line: i + 2, text: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return snippets;
}

/** The program the docs would derive for each resource without a declared one: it must compile too. */
const derived: Snippet[] = [...registry().resources.values()].map((resource, i) => ({
  path: join(root, "docs", `derived.${i + 1}.ts`),
  page: `derived example of ${resource.token}`,
  line: 1,
  text: exampleProgram({ ...resource, example: undefined }),
}));

const CANARY_PAGE = "canary.md";
const canary = snippetsOf(
  CANARY_PAGE,
  ["# wrong on purpose", "", "```typescript", 'import * as hosting from "@hosting/pulumi";', "", 'new hosting.dbaas.Database("x", { name: 1, dbType: "oracle", planId: "p", region: "r" });', "```"].join("\n"),
);

it("compiles every TypeScript block of the docs and every example in one compile, and refuses a wrong one at its page and line", () => {
  const pages = readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md"));
  const snippets = [...pages.flatMap((page) => snippetsOf(page, readFileSync(join(root, "docs", page), "utf8"))), ...derived, ...canary];
  // Every resource's page has its example: at least one block a resource.
  expect(snippets.length).toBeGreaterThanOrEqual(15);
  const examples = readdirSync(join(root, "examples")).map((name) => join(root, "examples", name, "index.ts"));
  expect(examples.length).toBeGreaterThanOrEqual(7);

  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
    paths: { "@hosting/pulumi": [join(root, "sdk/nodejs/index.ts")] },
  };
  const byPath = new Map(snippets.map((s) => [s.path, s]));
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (path) => byPath.has(path) || fileExists.call(host, path);
  host.readFile = (path) => byPath.get(path)?.text ?? readFile.call(host, path);
  host.getSourceFile = (path, language, ...rest) => {
    const snippet = byPath.get(path);
    return snippet ? ts.createSourceFile(path, snippet.text, language) : getSourceFile.call(host, path, language, ...rest);
  };
  const program = ts.createProgram([...byPath.keys(), ...examples], options, host);

  const refused = ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file) return message;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    const snippet = byPath.get(d.file.fileName);
    const where = snippet ? `docs/${snippet.page}:${snippet.line + line}` : `${d.file.fileName.replace(`${root}/`, "")}:${line + 1}`;
    return `${where}: ${message}`;
  });
  const wrong = refused.filter((r) => !r.startsWith(`docs/${CANARY_PAGE}:`));
  expect(wrong).toEqual([]);
  expect(refused.length).toBeGreaterThanOrEqual(1);
  expect(refused.every((r) => r.startsWith(`docs/${CANARY_PAGE}:6: `))).toBe(true);
}, 60_000);
