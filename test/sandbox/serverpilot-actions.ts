// Actions: every modifying call of the real API answers at once with the new
// data and an action id, while the server does the work in the background. The
// action is "open" for a while, then "success" (or "error"). Providers must poll
// it; the delay here is what makes a provider that does not wait visible.
import type { Chaos } from "./base-chaos";
import { newId, unixSeconds, type ActionRecord } from "./serverpilot-records";

export class ActionTracker {
  private readonly pendingTimers = new Set<NodeJS.Timeout>();
  private failNext = false;
  private closed = false;

  constructor(
    private readonly actions: Map<string, ActionRecord>,
    private delayMs: number,
    private readonly chaos?: Chaos,
  ) {}

  setDelay(ms: number): void {
    this.delayMs = ms;
  }

  /** The next action started ends in "error". */
  failNextAction(): void {
    this.failNext = true;
  }

  /**
   * Records an open action for the server and completes it after the delay.
   * `onSuccess` runs when it completes successfully (e.g. a new server connects).
   */
  start(serverid: string, onSuccess?: () => void): string {
    const action: ActionRecord = { id: newId(), serverid, status: "open", datecreated: unixSeconds() };
    this.actions.set(action.id, action);
    const chaotic = this.failNext ? "fail" : (this.chaos?.asyncOutcome("action", `/v1/actions/${action.id}`) ?? "ok");
    const outcome = chaotic === "fail" ? "error" : "success";
    this.failNext = false;
    // A hung action stays open until chaos is off, then takes its usual time.
    if (chaotic === "hang") void this.chaos!.whenCalm().then(() => this.complete(action, outcome, onSuccess));
    else this.complete(action, outcome, onSuccess);
    return action.id;
  }

  private complete(action: ActionRecord, outcome: "success" | "error", onSuccess?: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.pendingTimers.delete(timer);
      action.status = outcome;
      if (outcome === "success") onSuccess?.();
    }, this.delayMs);
    // An open action must not keep a test process alive.
    timer.unref();
    this.pendingTimers.add(timer);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.pendingTimers) clearTimeout(timer);
    this.pendingTimers.clear();
  }
}
