// The hand-written pages of docs/ against what they describe: links that resolve, an index that
// links every page, the release files named as packaging names them for this version, and a CI
// workflow that previews with a diff, comments on the pull request and passes the environment
// variables the provider declares. The generated pages name only types the schema has.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSchema } from "../../provider/kit/schema";
import { configVariablesOf } from "../../provider/kit/provider-config";
import { registry } from "../../provider/registry";
import { importIdPattern } from "../support/lifecycle";
import { packageRoot, packageVersion } from "../../provider/version";

const root = packageRoot();
const docs = join(root, "docs");
const pages = readdirSync(docs).filter((f) => f.endsWith(".md"));
const read = (page: string) => readFileSync(join(docs, page), "utf8");

describe("docs/", () => {
  it("has an index that links every page, and every relative link resolves", () => {
    const links = (page: string) => [...read(page).matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));
    expect(new Set(links("README.md"))).toEqual(new Set([...pages.filter((p) => p !== "README.md"), "../examples", "../examples/mysql-grants"]));
    const broken = pages.flatMap((page) => links(page).filter((l) => !existsSync(join(dirname(join(docs, page)), l))).map((l) => `${page}: ${l}`));
    expect(broken).toEqual([]);
  });

  it("names the release files as `npm run package` makes them for this version", () => {
    const version = packageVersion();
    for (const page of ["installation.md", "ci.md"]) {
      const text = read(page);
      expect(text, page).toContain(`pulumi plugin install resource hosting ${version} -f `);
      expect(text, page).toContain(`pulumi-resource-hosting-v${version}-linux-amd64.tar.gz`);
      expect(text, page).toContain(`hosting-pulumi-${version}.tgz`);
      // No other version of them: a bump must reach every command.
      expect(text.match(/hosting-v?\d+\.\d+\.\d+/g)?.every((m) => m.endsWith(version)), page).toBe(true);
    }
    expect(read("installation.md")).toContain("dist/package/");
  });

  it("gives a workflow that previews with a diff on pull requests, comments the result, and passes declared credentials", () => {
    const workflow = read("ci.md").match(/```yaml\n([\s\S]*?)```/)![1];
    expect(workflow).toMatch(/^on:\n {2}pull_request:/m);
    expect(workflow).toMatch(/^ {2}pull-requests: write/m);
    const run = workflow.slice(workflow.lastIndexOf("uses: pulumi/actions@v6"));
    for (const line of ["command: preview", "diff: true", "comment-on-pr: true"]) expect(run).toContain(line);
    expect(workflow.indexOf("pulumi plugin install")).toBeLessThan(workflow.indexOf("command: preview"));

    const variables = configVariablesOf(registry().apis);
    const passed = [...workflow.matchAll(/^ {10}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]);
    const declared = new Set(variables.flatMap((v) => v.env));
    expect(passed.filter((name) => name !== "PULUMI_ACCESS_TOKEN" && !declared.has(name))).toEqual([]);
    // Every API's required credentials, so the workflow works for whichever the program uses.
    const required = variables.filter((v) => v.required).map((v) => v.env[0]);
    expect(required.filter((name) => !passed.includes(name))).toEqual([]);
    // A secret variable comes from the repository's secrets, never from plain variables.
    for (const v of variables.filter((v) => v.secret && passed.includes(v.env[0]))) expect(workflow).toContain(`${v.env[0]}: \${{ secrets.`);
  });

  it("names in the generated reference only the types the schema has", () => {
    const schema = buildSchema(registry(), packageVersion());
    const missing = ["serverpilot", "combell", "pterodactyl", "wispanel", "dbaas"].flatMap((module) =>
      [...read(`${module}.md`).matchAll(/^Fields of `([A-Za-z]+)`:/gm)].map((m) => `hosting:${module}:${m[1]}`).filter((token) => !schema.types[token]),
    );
    expect(missing).toEqual([]);
  });

  it("shows for each resource an import command to copy: an id of its shape, and the name its example uses", () => {
    for (const resource of registry().resources.values()) {
      expect(resource.importExample, resource.token).toMatch(importIdPattern(resource.importId));
      const [, module, type] = resource.token.split(":");
      const command = new RegExp(`^pulumi import ${resource.token} (\\S+) (\\S+)$`, "m").exec(read(`${module}.md`));
      expect(command?.[2], resource.token).toBe(resource.importExample);
      if (resource.example) expect(resource.example, resource.token).toMatch(new RegExp(`new hosting\\.${module}\\.${type}\\(\\s*"${command![1]}"`));
      else expect(command![1]).toBe("example");
    }
  });
});
