// When to look again at an operation that gave no hint of its own (no Retry-After, no estimate).
//
// A finished job is noticed at the first poll after it finished, so the gap between polls is
// how late the provider can be. Looking late by a fixed few seconds is fine for a job of minutes
// and poor for one of ten seconds; what a user notices is lateness in proportion to the wait.
// So the gap grows (backing off, to spare the API's rate limit), but never past a share of the
// time waited so far: a job that finishes after D is noticed within about POLL_GAP_SHARE × D,
// or MIN_POLL_GAP_MS for short ones, however long it runs.

/**
 * Short jobs: looking a few times a second costs little, and with the poll's own round trip a
 * finished job is still noticed within half a second.
 */
export const MIN_POLL_GAP_MS = 400;
/** The longest gap, as a share of the time waited so far: a 30 s job is noticed within 3.6 s. */
export const POLL_GAP_SHARE = 0.12;
/** Each gap is this much longer than the one before, until the ceiling holds it back. */
export const POLL_GAP_GROWTH = 1.5;
/** Jitter only shortens a gap (down to this share of it), so the ceiling always holds. */
const JITTER_SHARE = 0.2;

/** The longest a gap may be `elapsedMs` into a wait. */
export function pollGapCeiling(elapsedMs: number): number {
  return Math.max(MIN_POLL_GAP_MS, POLL_GAP_SHARE * Math.max(0, elapsedMs));
}

export interface PollScheduleOptions {
  /** The first gap (before jitter). */
  initialDelayMs: number;
  /** No gap is longer than this, whatever the time waited. */
  maxDelayMs: number;
  /** In [0, 1); Math.random unless a test injects one. */
  random?: () => number;
}

/**
 * The gaps of one wait: the first is initialDelayMs, each next one POLL_GAP_GROWTH times
 * longer, held under pollGapCeiling(elapsed) and maxDelayMs, and jittered down by up to
 * JITTER_SHARE so many waits started together (twenty creates of one `pulumi up`) spread out.
 */
export class PollSchedule {
  private delay: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;

  constructor(options: PollScheduleOptions) {
    this.maxDelayMs = Math.max(1, options.maxDelayMs);
    this.delay = Math.min(Math.max(1, options.initialDelayMs), this.maxDelayMs);
    this.random = options.random ?? Math.random;
  }

  /** The longest the next gap may be: what pauseAfter may defer an estimate to. */
  ceiling(elapsedMs: number): number {
    return Math.min(this.maxDelayMs, pollGapCeiling(elapsedMs));
  }

  /** The gap after a poll made `elapsedMs` into the wait. */
  next(elapsedMs: number): number {
    const gap = Math.min(this.delay, this.ceiling(elapsedMs));
    // Growth starts from the gap actually used, so a ceiling that rises later is approached
    // step by step rather than jumped to.
    this.delay = Math.min(this.maxDelayMs, gap * POLL_GAP_GROWTH);
    return Math.max(1, Math.floor(gap * (1 - JITTER_SHARE * this.random())));
  }
}
