// Actions: every modifying call of the real API answers at once with the new
// data and an action id, while the server does the work in the background. The
// action is "open" for a while, then "success" (or "error"). Providers must poll
// it; the delay here is what makes a provider that does not wait visible.
import { newId, unixSeconds, type ActionRecord } from "./serverpilot-records";

export class ActionTracker {
  private readonly pendingTimers = new Set<NodeJS.Timeout>();
  private failNext = false;

  constructor(
    private readonly actions: Map<string, ActionRecord>,
    private delayMs: number,
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
    const outcome = this.failNext ? "error" : "success";
    this.failNext = false;
    const timer = setTimeout(() => {
      this.pendingTimers.delete(timer);
      action.status = outcome;
      if (outcome === "success") onSuccess?.();
    }, this.delayMs);
    // An open action must not keep a test process alive.
    timer.unref();
    this.pendingTimers.add(timer);
    return action.id;
  }

  close(): void {
    for (const timer of this.pendingTimers) clearTimeout(timer);
    this.pendingTimers.clear();
  }
}
