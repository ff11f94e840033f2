import { describe, expect, it } from "vitest";
import { CancelledError, DeadlineExceededError } from "./errors";
import { failure, useTestServers } from "../../test/support/http-client-fixtures";
import { sendJson } from "../../test/support/http-test-server";
import { MIN_POLL_GAP_MS, PollSchedule, pollGapCeiling } from "./poll-schedule";
import { pauseAfter, waitFor, waitUntilGone } from "./wait";

// The client's own backoff, not the fixtures' fast one.
const { serve, clientFor } = useTestServers({ apiName: "Combell", basePath: "/v2", authorize: () => {}, backoff: undefined });

describe("waitFor", () => {
  it("polls a provisioning job on a real server until it finishes", async () => {
    const server = await serve((_req, res, i) =>
      i < 3
        ? sendJson(res, 200, { id: "42", status: "ongoing", completion: { estimate: "PT10S" } })
        : sendJson(res, 201, { id: "42", resource_links: ["/v2/accounts/7"] }),
    );
    const client = clientFor(server);
    const started = Date.now();
    const link = await waitFor(
      {
        what: "Combell provisioning job 42 (create account example.com)",
        initialDelayMs: 10,
        poll: async (ctx) => {
          const response = await client.get<{ status?: string; resource_links?: string[] }>("/provisioningjobs/42", {}, ctx);
          if (response.status === 201) return { done: true, value: response.body.resource_links![0]! };
          if (response.body.status === "failed") throw new Error("job failed");
          return { done: false, status: response.body.status };
        },
      },
      { deadline: Date.now() + 5000 },
    );
    expect(link).toBe("/v2/accounts/7");
    expect(server.requests).toHaveLength(4);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("polls at once, then with delays growing by 1.5x up to the maximum", async () => {
    const times: number[] = [];
    await waitFor(
      {
        what: "x",
        initialDelayMs: 40,
        maxDelayMs: 90,
        // No jitter: jitter only ever shortens a gap.
        random: () => 0,
        poll: async () => {
          times.push(Date.now());
          return times.length === 5 ? { done: true, value: 1 } : { done: false };
        },
      },
      {},
    );
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // 40, 60, 90, 90 (capped); timers on a busy machine come late, never early. The exact gaps
    // are the poll schedule's own tests (below); this shows waitFor keeps to them.
    [40, 60, 90, 90].forEach((expected, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(expected - 2);
      expect(gaps[i]).toBeLessThan(expected + 250);
    });
  });

  it("lets a failing poll fail the wait", async () => {
    let polls = 0;
    await expect(
      waitFor(
        {
          what: "ServerPilot action a1 (create app blog)",
          initialDelayMs: 5,
          poll: async () => {
            if (++polls === 2) throw new Error("ServerPilot action a1 (create app blog) failed");
            return { done: false, status: "open" };
          },
        },
        {},
      ),
    ).rejects.toThrow("ServerPilot action a1 (create app blog) failed");
    expect(polls).toBe(2);
  });

  it("gives up at the deadline naming what, the last status and the time waited", async () => {
    const started = Date.now();
    const err = await failure(waitFor(
      { what: "ServerPilot action a1 (create app blog)", initialDelayMs: 20, poll: async () => ({ done: false, status: "open" }) },
      { deadline: Date.now() + 200 },
    ));
    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect(err.message).toMatch(
      /^Timed out waiting for ServerPilot action a1 \(create app blog\): gave up after \d+ms when the deadline passed; last status: open$/,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
    expect(Date.now() - started).toBeLessThan(400);
  });

  it("reports a poll request cut by the deadline as this wait's timeout", async () => {
    const server = await serve((_req, res) => {
      setTimeout(() => sendJson(res, 200, { status: "ongoing" }), 2000);
    });
    const client = clientFor(server);
    const err = await failure(waitFor(
      {
        what: "Combell provisioning job 9",
        poll: async (ctx) => {
          await client.get("/provisioningjobs/9", {}, ctx);
          return { done: false };
        },
      },
      { deadline: Date.now() + 100 },
    ));
    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect(err.message).toMatch(/^Timed out waiting for Combell provisioning job 9: gave up after \d+ms/);
  });

  it("stops promptly on cancel, also mid-sleep", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 60);
    const started = Date.now();
    const err = await failure(waitFor(
      { what: "job 7", initialDelayMs: 5000, poll: async () => ({ done: false }) },
      { signal: controller.signal },
    ));
    expect(err).toBeInstanceOf(CancelledError);
    expect(err.message).toBe("Waiting for job 7 was cancelled");
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("logs progress with the status and the elapsed time", async () => {
    const logs: string[] = [];
    let polls = 0;
    await waitFor(
      {
        what: "WisPanel database shop",
        initialDelayMs: 20,
        maxDelayMs: 20,
        progressEveryMs: 100,
        poll: async () => (++polls >= 12 ? { done: true, value: undefined } : { done: false, status: `step ${polls}` }),
      },
      { log: (m) => logs.push(m) },
    );
    expect(logs.length).toBeGreaterThanOrEqual(1);
    expect(logs.length).toBeLessThanOrEqual(3);
    expect(logs[0]).toMatch(/^still waiting for WisPanel database shop: step \d+, 1\d\dms elapsed$/);
  });
});

describe("waitFor's hints from the operation", () => {
  it("waits nextPollInMs instead of the backoff delay, and until a later expectedDoneInMs", async () => {
    const times: number[] = [];
    const answers = [
      { done: false as const, nextPollInMs: 200 },
      { done: false as const, nextPollInMs: 50, expectedDoneInMs: 300 },
      { done: true as const, value: "ok" },
    ];
    const value = await waitFor(
      {
        what: "x",
        initialDelayMs: 10,
        poll: async () => {
          times.push(Date.now());
          return answers[times.length - 1]!;
        },
      },
      {},
    );
    expect(value).toBe("ok");
    const [first, second] = times.slice(1).map((t, i) => t - times[i]!);
    expect(first).toBeGreaterThanOrEqual(195);
    expect(second).toBeGreaterThanOrEqual(295);
    expect(second).toBeLessThan(800);
  });

  it("waits firstPollInMs before the first poll, and gives up at the deadline meanwhile", async () => {
    const started = Date.now();
    let polledAt = 0;
    await waitFor({ what: "x", firstPollInMs: 200, poll: async () => ((polledAt = Date.now()), { done: true as const, value: 1 }) }, {});
    expect(polledAt - started).toBeGreaterThanOrEqual(195);
    const error = await waitFor({ what: "job 9", firstPollInMs: 10_000, poll: async () => ({ done: true as const, value: 1 }) }, { deadline: Date.now() + 100 }).catch((e) => e);
    expect(error.message).toMatch(/job 9/);
  });
});

/** The times of the polls of a wait that lasts `forMs`, as waitFor makes them without hints. */
function pollTimes(schedule: PollSchedule, forMs: number): number[] {
  const times = [0];
  while (times.at(-1)! < forMs) times.push(times.at(-1)! + schedule.next(times.at(-1)!));
  return times;
}

const jitters: Record<string, () => number> = {
  "no jitter": () => 0,
  "the most jitter": () => 0.999,
  "random jitter": Math.random,
};

describe("the poll schedule", () => {
  for (const [name, random] of Object.entries(jitters)) {
    it(`never leaves a gap longer than max(0.4 s, 12% of the time waited so far), with ${name}`, () => {
      const times = pollTimes(new PollSchedule({ initialDelayMs: 250, maxDelayMs: 3_600_000, random }), 3_600_000);
      times.slice(1).forEach((t, i) => expect(t - times[i]!).toBeLessThanOrEqual(pollGapCeiling(times[i]!)));
    });
  }

  it("notices a job within max(0.5 s, 15% of its duration), for jobs of half a second to an hour", () => {
    for (const durationMs of [300, 500, 2000, 10_000, 30_000, 120_000, 3_600_000]) {
      for (const random of Object.values(jitters)) {
        const times = pollTimes(new PollSchedule({ initialDelayMs: 250, maxDelayMs: 3_600_000, random }), durationMs);
        const noticedAt = times.find((t) => t >= durationMs)!;
        // The gap's floor leaves a tenth of a second for the poll's own round trip.
        expect(noticedAt - durationMs).toBeLessThanOrEqual(Math.max(400, 0.15 * durationMs));
      }
    }
  });

  it("still backs off: gaps grow, so an hour's wait takes a few dozen polls, not thousands", () => {
    const times = pollTimes(new PollSchedule({ initialDelayMs: 250, maxDelayMs: 3_600_000, random: () => 0 }), 3_600_000);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    gaps.slice(1).forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(gaps[i]!));
    expect(gaps.slice(0, 3)).toEqual([250, 375, MIN_POLL_GAP_MS]);
    expect(gaps.at(-1)).toBeGreaterThan(300_000);
    expect(times.length).toBeLessThan(100);
  });

  it("keeps every gap under maxDelayMs, and starts at initialDelayMs", () => {
    const times = pollTimes(new PollSchedule({ initialDelayMs: 100, maxDelayMs: 5000, random: () => 0 }), 600_000);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps[0]).toBe(100);
    expect(Math.max(...gaps)).toBe(5000);
  });

  it("spreads waits started together: jitter shortens a gap by up to a fifth, never lengthens it", () => {
    const gapWith = (r: number) => new PollSchedule({ initialDelayMs: 1000, maxDelayMs: 5000, random: () => r }).next(20_000);
    expect(gapWith(0)).toBe(1000);
    expect(gapWith(0.5)).toBe(900);
    expect(gapWith(0.999)).toBeGreaterThanOrEqual(800);
  });
});

describe("pauseAfter", () => {
  it("defers a Retry-After to a later estimate only as far as the schedule's ceiling, and never below the Retry-After", () => {
    expect(pauseAfter({ nextPollInMs: 1000, expectedDoneInMs: 20_000 }, 250, 3600)).toBe(3600);
    expect(pauseAfter({ nextPollInMs: 5000, expectedDoneInMs: 20_000 }, 250, 500)).toBe(5000);
    expect(pauseAfter({ nextPollInMs: 5000 }, 250, 500)).toBe(5000);
    expect(pauseAfter({ nextPollInMs: 1000, expectedDoneInMs: 2000 }, 250, 3600)).toBe(2000);
  });

  it("never cuts a Retry-After short, and defers it to a later estimate, capped at a minute", () => {
    expect(pauseAfter({ nextPollInMs: 5000, expectedDoneInMs: 100 }, 250)).toBe(5000);
    expect(pauseAfter({ nextPollInMs: 5000, expectedDoneInMs: 20_000 }, 250)).toBe(20_000);
    expect(pauseAfter({ nextPollInMs: 5000, expectedDoneInMs: 3_600_000 }, 250)).toBe(60_000);
    expect(pauseAfter({ nextPollInMs: 0 }, 250)).toBe(50);
  });

  it("without a Retry-After, backs off, polling sooner when the estimate is sooner; a passed estimate says nothing", () => {
    expect(pauseAfter({}, 250)).toBe(250);
    expect(pauseAfter({ expectedDoneInMs: 100 }, 250)).toBe(100);
    expect(pauseAfter({ expectedDoneInMs: 1000 }, 250)).toBe(250);
    expect(pauseAfter({ expectedDoneInMs: -5 }, 250)).toBe(250);
  });
});

describe("waitUntilGone", () => {
  async function deletingServer(presentFor: number) {
    const server = await serve((_req, res, i) => (i < presentFor ? sendJson(res, 200, { id: "db1" }) : sendJson(res, 404)));
    const client = clientFor(server, { apiName: "DBaaS" });
    const exists = async (ctx: object) => (await client.get("/databases/db1", { expect404: true }, ctx)).status !== 404;
    return { server, exists };
  }

  it("returns once the API stops reporting the resource", async () => {
    const { server, exists } = await deletingServer(3);
    await waitUntilGone({ what: "DBaaS database db1 to be deleted", initialDelayMs: 5, exists }, {});
    expect(server.requests).toHaveLength(4);
  });

  it("says 'still present' in its progress lines and at the deadline", async () => {
    const { exists } = await deletingServer(1000);
    const logs: string[] = [];
    const err = await failure(
      waitUntilGone(
        { what: "DBaaS database db1 to be deleted", initialDelayMs: 20, maxDelayMs: 20, progressEveryMs: 50, exists },
        { deadline: Date.now() + 300, log: (m) => logs.push(m) },
      ),
    );
    expect(logs[0]).toMatch(/^still waiting for DBaaS database db1 to be deleted: still present, \d+ms elapsed$/);
    expect(err).toBeInstanceOf(DeadlineExceededError);
    // The deadline may also cut a look in flight; then that request is the last error.
    expect(err.message).toMatch(/; last status: still present(; last error: .*)?$/);
  });

  it("stops within 200ms on cancel mid-wait", async () => {
    const { exists } = await deletingServer(1000);
    const controller = new AbortController();
    setTimeout(() => controller.abort("engine cancel"), 100);
    const started = Date.now();
    const err = await failure(waitUntilGone({ what: "DBaaS database db1 to be deleted", initialDelayMs: 10_000, exists }, { signal: controller.signal }));
    expect(err).toBeInstanceOf(CancelledError);
    expect(err.message).toBe("Waiting for DBaaS database db1 to be deleted was cancelled: engine cancel");
    expect(Date.now() - started).toBeLessThan(300);
  });
});
