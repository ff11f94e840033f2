// Provisioning jobs: an asynchronous create answers 202 at once and the work
// happens "in the background". The job is "ongoing" for the job duration (by the
// sandbox's clock), then "finished" with links to what it created; only then do
// the resources appear in the store. failNextJob makes the next job end
// "failed" or "cancelled" instead: such a job creates nothing (no partial
// resource) and releases the names it held. A job whose work itself fails (the
// real MariaDB refusing, say) ends "failed" with the reason in `failure`.
//
// Jobs settle when due, either by a ticker (every TICK_MS while any is
// ongoing) or when polled, whichever comes first; so a custom clock that jumps
// ahead is honoured by the next poll.
import { randomUUID } from "node:crypto";
import type { Chaos } from "./base-chaos";
import type { JobRecord } from "./combell-store";

const TICK_MS = 20;

export interface JobWork {
  kind: string;
  /**
   * Names the job will create ("mysql:ID100001_shop"), held until it ends so a
   * second create of the same thing is refused while the first is ongoing.
   */
  reserves?: string[];
  /** Creates the resources when the job is due; returns their links ("/v2/..."). Throwing fails the job. */
  finish(): string[] | Promise<string[]>;
}

export type FailedOutcome = "failed" | "cancelled";

export class JobRunner {
  private readonly pending = new Map<string, JobWork>();
  private readonly settling = new Map<string, Promise<void>>();
  private readonly reserved = new Set<string>();
  /** Jobs chaos made hang: ongoing until chaos is off. */
  private readonly held = new Set<string>();
  private failNext: FailedOutcome | null = null;
  private ticker: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly jobs: Map<string, JobRecord>,
    private readonly clock: () => number,
    private durationMs: number,
    private readonly chaos?: Chaos,
  ) {}

  setDuration(ms: number): void {
    if (!(ms >= 0)) throw new Error("A job duration is a number of milliseconds, 0 or more.");
    this.durationMs = ms;
  }

  /** The next job started ends with this status instead of "finished". */
  failNextJob(outcome: FailedOutcome): void {
    if (outcome !== "failed" && outcome !== "cancelled") throw new Error('failNextJob takes "failed" or "cancelled".');
    this.failNext = outcome;
  }

  isReserved(name: string): boolean {
    return this.reserved.has(name);
  }

  start(work: JobWork): JobRecord {
    const now = this.clock();
    const id = randomUUID();
    const chaotic = this.failNext ? "ok" : (this.chaos?.asyncOutcome("provisioning job", `/v2/provisioningjobs/${id}`) ?? "ok");
    const job: JobRecord = {
      id,
      kind: work.kind,
      status: "ongoing",
      created_at: now,
      due_at: now + this.durationMs,
      outcome: this.failNext ?? (chaotic === "fail" ? "failed" : "finished"),
      resource_links: [],
      failure: null,
    };
    this.failNext = null;
    if (chaotic === "hang") {
      this.held.add(id);
      // Its estimate goes by meanwhile, as a stuck job's does; once chaos is off it takes its usual time.
      void this.chaos!.whenCalm().then(() => {
        this.held.delete(id);
        job.due_at = this.clock() + this.durationMs;
      });
    }
    this.jobs.set(job.id, job);
    this.pending.set(job.id, work);
    for (const name of work.reserves ?? []) this.reserved.add(name);
    this.startTicker();
    return job;
  }

  /** Settles the job if it is due; resolves once it has (or at once when not due). */
  async settle(job: JobRecord): Promise<void> {
    const work = this.pending.get(job.id);
    if (!work || job.status !== "ongoing" || this.clock() < job.due_at || this.held.has(job.id)) return this.settling.get(job.id);
    let running = this.settling.get(job.id);
    if (!running) {
      running = this.run(job, work).finally(() => this.settling.delete(job.id));
      this.settling.set(job.id, running);
    }
    return running;
  }

  private async run(job: JobRecord, work: JobWork): Promise<void> {
    try {
      if (this.closed) return;
      if (job.outcome !== "finished") {
        job.status = job.outcome;
        return;
      }
      try {
        job.resource_links = await work.finish();
        job.status = "finished";
      } catch (error) {
        job.status = "failed";
        job.failure = error instanceof Error ? error.message : String(error);
      }
    } finally {
      this.pending.delete(job.id);
      for (const name of work.reserves ?? []) this.reserved.delete(name);
    }
  }

  private startTicker(): void {
    if (this.ticker || this.closed) return;
    this.ticker = setInterval(() => {
      for (const id of this.pending.keys()) {
        const job = this.jobs.get(id);
        if (job) void this.settle(job);
        else this.pending.delete(id); // removed from the store out of band: forgotten
      }
      if (this.pending.size === 0) this.stopTicker();
    }, TICK_MS);
    // An ongoing job must not keep a test process alive.
    this.ticker.unref();
  }

  private stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  /** Stops the ticker and waits for work already under way (a real CREATE DATABASE). */
  async close(): Promise<void> {
    this.closed = true;
    this.stopTicker();
    await Promise.allSettled([...this.settling.values()]);
  }
}
