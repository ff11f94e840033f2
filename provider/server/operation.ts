import type { ProviderConfiguration } from "../kit/config";
import type { CreateContext } from "../kit/context";
import type { Resource } from "../kit/resource";
import type { PropertyMap } from "../kit/values";
import type { EngineLog } from "./engine-log";

/** Default deadlines, in seconds, when neither the program nor the resource sets one. */
export const DEFAULT_TIMEOUT_SECONDS = { create: 20 * 60, update: 20 * 60, delete: 20 * 60, read: 5 * 60 };

/** The timeout of one request: the program's customTimeouts, else the resource's own default, else ours. */
export function timeoutOf(requested: number, resource: Pick<Resource, "timeouts">, kind: "create" | "update" | "delete"): number {
  return requested || resource.timeouts?.[kind] || DEFAULT_TIMEOUT_SECONDS[kind];
}

/** A create that the API accepted: its id, and the outputs known at that moment. */
export interface AcceptedCreate {
  id: string;
  outputs: PropertyMap;
  /** Write-only inputs not applied yet (ctx.notYetApplied): not recorded as the program's. */
  notApplied: string[];
}

/**
 * One provider operation (a create, a read, an invoke...): the context handed to the
 * declaration, and the bookkeeping around it. Logs are tied to the URN and all delivered before
 * the operation answers, so they come before its result in the engine's output.
 */
export class Operation<C = unknown> {
  readonly ctx: CreateContext<C>;
  /** Set once the API accepted a create: from then on a failure records the resource. */
  accepted: AcceptedCreate | undefined;
  private notApplied: string[] = [];
  /** Write-only inputs an update has applied (ctx.applied). */
  readonly applied = new Set<string>();
  private readonly pending: Promise<void>[] = [];

  private readonly explain: ((error: unknown) => unknown) | undefined;

  constructor(
    engine: EngineLog,
    urn: string,
    client: C,
    options: { timeoutSeconds: number; signal?: AbortSignal; explain?: (error: unknown) => unknown },
  ) {
    this.explain = options.explain;
    this.ctx = {
      urn,
      client,
      signal: options.signal,
      deadline: options.timeoutSeconds > 0 ? Date.now() + options.timeoutSeconds * 1000 : undefined,
      log: (message) => void this.pending.push(engine.send("info", message, urn)),
      warn: (message) => void this.pending.push(engine.send("warning", message, urn)),
      debug: (message) => void this.pending.push(engine.send("debug", message, urn)),
      created: (id, knownOutputs = {}) => {
        this.accepted = { id, outputs: { ...(this.accepted?.outputs ?? {}), ...knownOutputs }, notApplied: this.accepted?.notApplied ?? this.notApplied };
      },
      applied: (properties) => {
        for (const property of properties) this.applied.add(property);
      },
      notYetApplied: (properties) => {
        this.notApplied = [...properties];
        if (this.accepted) this.accepted.notApplied = this.notApplied;
      },
    };
  }

  /** Runs the declaration's work, then delivers every log line it produced. A failure comes out explained. */
  async run<T>(fn: (ctx: CreateContext<C>) => Promise<T>): Promise<T> {
    try {
      return await fn(this.ctx);
    } catch (error) {
      throw this.explain ? this.explain(error) : error;
    } finally {
      await this.flush();
    }
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending);
  }
}

/** What the lifecycle handlers need from the service: configuration, engine, cancellation. */
export interface OperationSource {
  readonly engine: EngineLog;
  configuration(): ProviderConfiguration;
  /** Aborted by Cancel. */
  cancellation(): AbortSignal;
}

export function operationFor<C>(
  source: OperationSource,
  resource: Pick<Resource<any, any, C>, "api">,
  urn: string,
  timeoutSeconds: number,
  options: { signal?: AbortSignal | undefined; explain?: (error: unknown) => unknown } = { signal: source.cancellation() },
): Operation<C> {
  return new Operation(source.engine, urn, source.configuration().clientFor(resource.api), { timeoutSeconds, ...options });
}
