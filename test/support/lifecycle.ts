// The lifecycle every resource of every backend goes through, as a table: create, no-op diff,
// updates with the diff they must show, an out-of-band change found by refresh and reverted by
// up, import by id that verifies against the program, replacement (deleting first where names
// must stay unique), an out-of-band delete found by refresh, and destroy with nothing left.
// A new backend gets all of it by describing its resource once.
import { describe, expect, it } from "vitest";
import { Deployment, type ResourceState, type Step } from "../harness/deployment";
import type { PluginProcess, Props } from "../harness/plugin";
import { registry } from "../../provider/registry";
import { reveal } from "./secrets";

export interface LifecycleWorld {
  deployment: Deployment;
  plugin: PluginProcess;
}

/** What a step of the table can use: the resource's current id and state, and `up` for it. */
export interface LifecycleContext {
  id(): string;
  state(): ResourceState;
  up(inputs: Props, options?: { preview?: boolean; timeout?: number }): Promise<Step>;
}

export interface LifecycleCase {
  /** The resource token, e.g. "hosting:serverpilot:Server". */
  type: string;
  /** The resource's name in the program. */
  name: string;
  world: () => LifecycleWorld;
  create: { inputs: () => Props; verify?: (state: ResourceState) => void | Promise<void> };
  /** In-place updates, in order: each changes the inputs and shows exactly `diff`. */
  updates?: { title: string; inputs: () => Props; diff: Record<string, string>; verify?: (state: ResourceState) => void | Promise<void> }[];
  /** Anything else this resource must do between the updates and the out-of-band change. */
  steps?: { title: string; run: (ctx: LifecycleContext) => Promise<void> }[];
  /** A change made outside Pulumi: refresh must show it, and up must show `diff` and revert it. */
  outOfBand?: { change: (id: string) => void | Promise<void>; diff: Record<string, string>; verify?: (id: string) => void | Promise<void> };
  /** Write-only paths an import cannot read: they are taken from the program. */
  importUnreadable?: string[];
  replace?: { inputs: () => Props; diff: Record<string, string>; deleteBeforeReplace: boolean };
  /** Deletes the resource outside Pulumi, so refresh must report it gone. */
  deleteOutOfBand?: (id: string) => Promise<void>;
  /** Whether the API still has it. */
  exists: (id: string) => boolean | Promise<boolean>;
  /**
   * The API cannot delete it (an account, a domain): destroy forgets it with this warning, and
   * it still exists afterwards.
   */
  destroyForgets?: { warning: RegExp };
}

export function describeLifecycle(c: LifecycleCase): void {
  describe(`${c.type} lifecycle`, () => {
    let inputs: Props = {};
    let id = "";
    const deployment = () => c.world().deployment;
    const urn = () => deployment().urn(c.type, c.name);
    const state = () => deployment().state.get(urn())!;
    const up = (news: Props, options?: { preview?: boolean; timeout?: number }) => deployment().register(c.type, c.name, news, options);
    const ctx: LifecycleContext = { id: () => id, state, up };

    it("is created", async () => {
      inputs = c.create.inputs();
      const step = await up(inputs);
      expect(step.op).toBe("create");
      id = step.state!.id;
      expect(id).not.toBe("");
      // The docs tell `pulumi import` this shape: it must be the id a create records.
      expect(id).toMatch(importIdPattern(registry().resources.get(c.type)!.importId));
      expect(await c.exists(id)).toBe(true);
      await c.create.verify?.(step.state!);
    });

    it("shows no diff when nothing changed", async () => {
      const step = await up(inputs);
      expect(step.op).toBe("same");
    });

    for (const update of c.updates ?? []) {
      it(`updates in place: ${update.title}`, async () => {
        inputs = update.inputs();
        const step = await up(inputs);
        expect(step.op).toBe("update");
        expect(step.diff!.detailedDiff).toEqual(update.diff);
        expect(step.state!.id).toBe(id);
        await update.verify?.(step.state!);
        expect((await up(inputs)).op).toBe("same");
      });
    }

    for (const step of c.steps ?? []) it(step.title, () => step.run(ctx));

    if (c.outOfBand) {
      const outOfBand = c.outOfBand;
      it("refresh finds a change made outside Pulumi, and up reverts it", async () => {
        inputs = pickInputs(state());
        await outOfBand.change(id);
        const refreshed = await deployment().refresh(urn());
        expect(refreshed.op).toBe("refresh");
        const step = await up(inputs);
        expect(step.op).toBe("update");
        expect(step.diff!.detailedDiff).toEqual(outOfBand.diff);
        await outOfBand.verify?.(id);
        expect((await up(inputs)).op).toBe("same");
      });
    }

    it("imports by id and verifies against the program with no diff", async () => {
      inputs = pickInputs(state());
      const imported = await new Deployment(c.world().plugin, `import-${c.name}`).import(c.type, c.name, id, inputs);
      expect(imported.diff!.changes).toBe(false);
      expect(imported.diff!.detailedDiff).toEqual({});
      // Read must map every property the program sets, except what the API never returns.
      const unreadable = c.importUnreadable ?? [];
      const read = reveal(imported.readInputs!);
      const expected = withoutPaths(reveal(inputs), unreadable);
      expect(keysOf(read).filter((k) => k !== "__unreadable").sort()).toEqual(keysOf(expected).sort());
    });

    if (c.replace) {
      const replace = c.replace;
      it(`is replaced${replace.deleteBeforeReplace ? ", deleting first," : ""} when ${Object.keys(replace.diff).join(" and ")} change${Object.keys(replace.diff).length === 1 ? "s" : ""}`, async () => {
        const oldId = id;
        inputs = replace.inputs();
        const preview = await up(inputs, { preview: true });
        expect(preview.op).toBe("replace");
        const step = await up(inputs);
        expect(step.op).toBe("replace");
        expect(step.diff!.detailedDiff).toEqual(replace.diff);
        expect(step.diff!.deleteBeforeReplace).toBe(replace.deleteBeforeReplace);
        id = step.state!.id;
        expect(id).not.toBe(oldId);
        expect(await c.exists(oldId)).toBe(false);
        expect(await c.exists(id)).toBe(true);
      });
    }

    if (c.deleteOutOfBand) {
      const remove = c.deleteOutOfBand;
      it("refresh reports a resource deleted outside Pulumi as gone, and up creates it again", async () => {
        await remove(id);
        expect((await deployment().refresh(urn())).op).toBe("gone");
        const step = await up(inputs);
        expect(step.op).toBe("create");
        id = step.state!.id;
        expect(await c.exists(id)).toBe(true);
      });
    }

    if (c.destroyForgets) {
      const { warning } = c.destroyForgets;
      it("is forgotten by destroy with a warning, as the API cannot delete it", async () => {
        const logsBefore = c.world().plugin.logs.length;
        await deployment().delete(urn());
        expect(deployment().state.has(urn())).toBe(false);
        expect(await c.exists(id)).toBe(true);
        const warnings = c.world().plugin.logs.slice(logsBefore).filter((l) => l.severity === "warning" && l.urn === urn());
        expect(warnings.map((l) => l.message)).toContainEqual(expect.stringMatching(warning));
      });
    } else {
      it("is deleted, leaving nothing behind", async () => {
        await deployment().delete(urn());
        expect(await c.exists(id)).toBe(false);
        expect(deployment().state.has(urn())).toBe(false);
      });
    }
  });
}

/** The checked inputs of a state: what the program declared. */
function pickInputs(state: ResourceState): Props {
  return state.inputs;
}

/** Every defined leaf path: "user.name", "domains". */
function keysOf(value: Props, prefix = ""): string[] {
  return Object.entries(value).flatMap(([key, v]) => {
    if (v === undefined || v === null) return [];
    if (typeof v === "object" && !Array.isArray(v)) return keysOf(v as Props, `${prefix}${key}.`);
    return [`${prefix}${key}`];
  });
}

function withoutPaths(value: Props, paths: string[]): Props {
  const copy = structuredClone(value);
  for (const path of paths) {
    const parts = path.split(".");
    let parent: any = copy;
    for (const part of parts.slice(0, -1)) parent = parent?.[part];
    if (parent && typeof parent === "object") delete parent[parts.at(-1)!];
  }
  return copy;
}

/** "<domainName>/<recordId>" as a pattern: each placeholder one or more characters other than "/". */
export function importIdPattern(importId: string): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${importId.split(/<[^>]+>/).map(literal).join("[^/]+")}$`);
}
