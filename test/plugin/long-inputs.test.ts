// A megabyte in any input field is refused by its length, at once: no pattern ever runs over it,
// so one bad value cannot stall the plugin for every other resource of the deployment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PluginProcess, urnOf } from "../harness/plugin";

let plugin: PluginProcess;
let schema: Record<string, any>;

beforeAll(async () => {
  plugin = await PluginProcess.start();
  await plugin.configure({});
  schema = await plugin.getSchema();
  // The first large request pays for compiling the code paths it takes; what is measured is
  // what every request after it costs.
  await plugin.check(urnOf("hosting:serverpilot:Server", "warm"), undefined, { name: MEGABYTE });
});

afterAll(async () => {
  await plugin?.stop();
});

// Long runs of what overlapping quantifiers all accept, then a character that fails them at
// the very end: the input that makes backtracking patterns quadratic or worse.
const MEGABYTE = `${"a.".repeat(512 * 1024 - 1)}@ `;

/** Every input path of an object spec, nested types followed, lists entered: ["user.name", "domains[0]"]. */
function inputPaths(properties: Record<string, any>, prefix = "", depth = 0): string[] {
  return Object.entries(properties).flatMap(([key, spec]) => {
    const path = `${prefix}${key}`;
    const target = spec.items ?? spec;
    const index = spec.items ? "[0]" : "";
    if (target.$ref && depth < 4) {
      const type = schema.types[target.$ref.replace("#/types/", "")];
      return inputPaths(type.properties, `${path}${index}.`, depth + 1);
    }
    return [`${path}${index}`];
  });
}

/** An input object holding `value` at `path`. */
function valueAt(path: string, value: unknown): Record<string, unknown> {
  const parts = path.split(".");
  let current: unknown = value;
  for (const part of parts.reverse()) {
    const list = part.endsWith("[0]");
    const key = list ? part.slice(0, -3) : part;
    current = { [key]: list ? [current] : current };
  }
  return current as Record<string, unknown>;
}

// A stalling pattern took 12 s on such a value; a linear check takes a few milliseconds. The
// limit sits far from both, so a loaded machine does not fail it and a stall still does.
const LIMIT_MS = 500;

/**
 * The best of three: a stalling pattern is slow every time, while a garbage collection or the
 * other test worker on this machine's two cores only delays one call now and then.
 */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  let best = Infinity;
  let result: T | undefined;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    result = await fn();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, result: result! };
}

describe("Check of a 1 MB value", () => {
  it("answers for every field of every resource within 500 ms, naming the field and its length rule", async () => {
    const slow: string[] = [];
    let checked = 0;
    let slowest = 0;
    for (const [token, spec] of Object.entries(schema.resources as Record<string, any>)) {
      for (const path of inputPaths(spec.inputProperties)) {
        const { ms, result } = await timed(() => plugin.check(urnOf(token, "long"), undefined, valueAt(path, MEGABYTE)));
        checked++;
        if (ms >= LIMIT_MS) slow.push(`${token} ${path}: ${ms.toFixed(0)} ms`);
        slowest = Math.max(slowest, ms);
        const failure = result.failures.find((f) => f.property === path);
        expect(failure?.reason, `${token} ${path}`).toMatch(/^must be at most \d+ characters$|^must be of type/);
      }
    }
    expect(checked).toBeGreaterThan(20);
    console.log(`Check with a 1 MB value: ${checked} fields, slowest ${slowest.toFixed(1)} ms`);
    expect(slow).toEqual([]);
  });

  it("answers for every argument of every function within 500 ms, without calling the API", async () => {
    const slow: string[] = [];
    for (const [token, spec] of Object.entries(schema.functions as Record<string, any>)) {
      for (const path of inputPaths(spec.inputs.properties)) {
        const { ms, result } = await timed(() => plugin.invoke(token, valueAt(path, MEGABYTE)));
        if (ms >= LIMIT_MS) slow.push(`${token} ${path}: ${ms.toFixed(0)} ms`);
        expect(result.failures.map((f) => f.property), `${token} ${path}`).toContain(path);
      }
    }
    expect(slow).toEqual([]);
  });

  it("refuses a 200 KB e-mail address at once", async () => {
    // Took 12 s with the old pattern /^[^\s@]+@[^\s@]+\.[^\s@]+$/.
    const adminEmail = `a@${".".repeat(200_000)} `;
    const wordpress = { siteTitle: "t", adminUser: "a", adminPassword: "long-enough", adminEmail };
    const { ms, result } = await timed(() =>
      plugin.check(urnOf("hosting:serverpilot:App", "mail"), undefined, { name: "blog", sysuserId: "u", runtime: "php8.3", wordpress }),
    );
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(result.failures).toContainEqual({ property: "wordpress.adminEmail", reason: "must be at most 254 characters" });
  });
});
