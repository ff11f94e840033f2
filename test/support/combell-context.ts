import type { CombellClient } from "../../provider/backends/combell/client";
import type { CreateContext } from "../../provider/kit/context";

/** A create's context as the server hands it out, recording what the resource said and did. */
export interface RecordingContext extends CreateContext<CombellClient> {
  logs: string[];
  warnings: string[];
  /** Every ctx.created call's id, in order. */
  createdIds: string[];
  /** The last ctx.notYetApplied call's properties. */
  notApplied: string[];
}

export function recordingContext(client: CombellClient, options: { deadline?: number; signal?: AbortSignal } = {}): RecordingContext {
  const logs: string[] = [];
  const warnings: string[] = [];
  const createdIds: string[] = [];
  const context = {
    urn: "urn:pulumi:test::test::hosting:combell:Thing::t",
    client,
    ...options,
    logs,
    warnings,
    createdIds,
    log: (message: string) => void logs.push(message),
    warn: (message: string) => void warnings.push(message),
    notApplied: [] as string[],
    created: (id: string) => void createdIds.push(id),
    notYetApplied: (properties: string[]) => void (context.notApplied = [...properties]),
  };
  return context as RecordingContext;
}
