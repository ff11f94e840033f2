import type { CombellClient } from "../../provider/backends/combell/client";
import type { CreateContext } from "../../provider/kit/context";

/** A create's context as the server hands it out, recording what the resource said and did. */
export interface RecordingContext extends CreateContext<CombellClient> {
  logs: string[];
  warnings: string[];
  /** Every ctx.created call's id, in order. */
  createdIds: string[];
}

export function recordingContext(client: CombellClient, options: { deadline?: number; signal?: AbortSignal } = {}): RecordingContext {
  const logs: string[] = [];
  const warnings: string[] = [];
  const createdIds: string[] = [];
  return {
    urn: "urn:pulumi:test::test::hosting:combell:Thing::t",
    client,
    ...options,
    logs,
    warnings,
    createdIds,
    log: (message) => logs.push(message),
    warn: (message) => warnings.push(message),
    created: (id) => createdIds.push(id),
  };
}
