// Resources of packages other than hosting (@pulumi/mysql, say) need their own provider plugins,
// which only the Pulumi CLI downloads: none can run on a machine without it. A program that mixes
// them with hosting's resources still runs: hosting's go to the real plugin, and these are
// answered by the mocks themselves (the id is their name, the state their inputs), recorded in
// the stack file with the inputs and provider they were given, so a test sees what the program
// handed them. Nothing behind them exists.
import type { Props } from "./plugin";

/** One resource of another package as the mocks answered it. */
export interface MockedResource {
  urn: string;
  type: string;
  name: string;
  id: string;
  /** As the program gave them, secrets still wrapped. */
  inputs: Props;
  /** The provider resource it was registered with ("urn::id"), when the program named one. */
  provider?: string;
}

export type MockOp = "create" | "update" | "same" | "delete";

/** "mysql" for "mysql:index/user:User" and for "pulumi:providers:mysql". */
export function packageOf(type: string): string {
  return type.startsWith("pulumi:providers:") ? type.slice("pulumi:providers:".length) : type.split(":")[0];
}

export class MockedResources {
  private readonly before: Map<string, MockedResource>;
  private readonly now = new Map<string, MockedResource>();

  constructor(recorded: MockedResource[] = []) {
    this.before = new Map(recorded.map((r) => [r.urn, r]));
  }

  register(resource: MockedResource): MockOp {
    this.now.set(resource.urn, resource);
    const old = this.before.get(resource.urn);
    if (!old) return "create";
    return JSON.stringify(old.inputs) === JSON.stringify(resource.inputs) && old.provider === resource.provider ? "same" : "update";
  }

  /** Those recorded before that the program no longer declares. */
  dropped(): MockedResource[] {
    return [...this.before.values()].filter((r) => !this.now.has(r.urn));
  }

  /** What the stack records after an up. */
  registered(): MockedResource[] {
    return [...this.now.values()];
  }

  /** Every one recorded before, for a destroy. */
  recorded(): MockedResource[] {
    return [...this.before.values()];
  }
}
