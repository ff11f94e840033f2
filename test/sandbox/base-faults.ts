// Injected faults: what a test makes the next matching requests meet before
// the API proper sees them (rate limit, auth and routes included). They are how
// a test shows that a provider survives a 500, honours a Retry-After, times out
// on a server that never answers, and retries (or not) after a dropped socket.
import type { EmulatorRequest } from "./base-definition";
import type { HeaderMap } from "./base-error";

export interface InjectedFault {
  /** Any method when absent; compared case-insensitively. */
  method?: string;
  /** Tested against the path without query, e.g. "/v1/servers/abc"; any path when absent. */
  path?: RegExp;
  /** Answer with this status. Without status or drop the request is only delayed, then served as usual. */
  status?: number;
  /**
   * With status; default: the API's error body for "Injected fault: HTTP <status>". A function
   * makes it from the request, body included: an API that echoes what it was sent.
   */
  body?: object | string | number | boolean | null | ((request: EmulatorRequest) => unknown);
  /** With status. */
  headers?: HeaderMap;
  /** Wait this long before answering (or dropping, or serving as usual). */
  delayMs?: number;
  /** Destroy the connection without an answer. */
  drop?: boolean;
  /**
   * Serve the request first (what it makes or changes stays made or changed), then answer with
   * the fault instead of the real answer, or drop the connection: an API that did the work and
   * failed to say so.
   */
  afterServing?: boolean;
  /** How many matching requests meet this fault; default 1. */
  times?: number;
}

export class FaultList {
  private readonly faults: Array<InjectedFault & { remaining: number }> = [];

  add(fault: InjectedFault): void {
    if (fault.drop && fault.status !== undefined) {
      throw new Error("An injected fault either answers with a status or drops the connection, not both.");
    }
    if (!fault.drop && fault.status === undefined && !(fault.delayMs! > 0)) {
      throw new Error("An injected fault needs a status, drop: true or a delayMs.");
    }
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  /** Forgets every fault not met yet: the service is well again. */
  clear(): void {
    this.faults.length = 0;
  }

  /** The first fault that matches, counted as used. */
  take(method: string, path: string): InjectedFault | undefined {
    const index = this.faults.findIndex((f) => {
      if (f.method !== undefined && f.method.toUpperCase() !== method) return false;
      if (f.path === undefined) return true;
      // A /g or /y pattern keeps state between test() calls; start it afresh.
      f.path.lastIndex = 0;
      return f.path.test(path);
    });
    if (index < 0) return undefined;
    const fault = this.faults[index];
    if (--fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }
}
