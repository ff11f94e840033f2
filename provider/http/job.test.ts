import { describe, expect, it } from "vitest";
import { retryAfterMs } from "./backoff";
import type { OperationContext } from "./context";
import { CancelledError, DeadlineExceededError, JobFailedError } from "./errors";
import { followJob, type JobState } from "./job";
import { failure, useTestServers } from "../../test/support/http-client-fixtures";
import { sendJson, type Handler } from "../../test/support/http-test-server";

// The client's own backoff, not the fixtures' fast one.
const { serve, clientFor } = useTestServers({ apiName: "Combell", basePath: "/v2", authorize: () => {}, backoff: undefined, closeClients: true });

interface JobBody {
  id: string;
  status?: string;
  completion?: { estimate_ms?: number };
  resource_links?: string[];
  detail?: string;
}

/** A reseller-API-like provisioning job: 200 while it runs or once it failed, 201 when it is done. */
async function provisioningJob(handler: Handler) {
  const server = await serve(handler);
  const client = clientFor(server);
  const times: number[] = [];
  const poll = async (ctx: OperationContext): Promise<JobState<string>> => {
    times.push(Date.now());
    const response = await client.get<JobBody>("/provisioningjobs/42", {}, ctx);
    const job = response.body;
    if (response.status === 201) return { state: "succeeded", value: job.resource_links![0]! };
    if (job.status === "failed" || job.status === "cancelled") return { state: "failed", status: job.status, detail: job.detail };
    return { state: "running", status: job.status, retryAfterMs: retryAfterMs(response.headers), estimateMs: job.completion?.estimate_ms };
  };
  return { server, poll, times };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);
const what = "Combell provisioning job 42 (create account example.com)";

describe("followJob", () => {
  it("returns the job's value and looks again when Retry-After says, not after the backoff", async () => {
    const job = await provisioningJob((_req, res, i) =>
      i < 2 ? sendJson(res, 200, { id: "42", status: "ongoing" }, { "retry-after": "1" }) : sendJson(res, 201, { id: "42", resource_links: ["/v2/accounts/7"] }),
    );
    const link = await followJob({ what, jobId: "42", initialDelayMs: 10, poll: job.poll }, {});
    expect(link).toBe("/v2/accounts/7");
    for (const gap of gaps(job.times)) expect(gap).toBeGreaterThanOrEqual(950);
  });

  it("without a Retry-After, polls when the job's estimate says it is done, before a longer backoff delay", async () => {
    const job = await provisioningJob((_req, res, i) =>
      i === 0
        ? sendJson(res, 200, { id: "42", status: "ongoing", completion: { estimate_ms: 300 } })
        : sendJson(res, 201, { id: "42", resource_links: ["/v2/accounts/7"] }),
    );
    await followJob({ what, jobId: "42", initialDelayMs: 4000, poll: job.poll }, {});
    expect(gaps(job.times)[0]).toBeGreaterThanOrEqual(290);
    expect(gaps(job.times)[0]).toBeLessThan(800);
  });

  it("ignores an estimate that has already passed and backs off instead", async () => {
    const job = await provisioningJob((_req, res, i) =>
      i < 3 ? sendJson(res, 200, { id: "42", status: "ongoing", completion: { estimate_ms: 0 } }) : sendJson(res, 201, { id: "42", resource_links: ["/a"] }),
    );
    await followJob({ what, jobId: "42", initialDelayMs: 40, random: () => 0, poll: job.poll }, {});
    expect(gaps(job.times)[0]).toBeGreaterThanOrEqual(38);
  });

  it("fails with JobFailedError naming the job, its status and the API's detail", async () => {
    const job = await provisioningJob((_req, res, i) =>
      sendJson(res, 200, i === 0 ? { id: "42", status: "ongoing" } : { id: "42", status: "failed", detail: "quota\nexceeded" }),
    );
    const err = (await failure(followJob({ what, jobId: "42", initialDelayMs: 5, poll: job.poll }, {}))) as JobFailedError;
    expect(err).toBeInstanceOf(JobFailedError);
    expect(err.message).toBe('Combell provisioning job 42 (create account example.com) ended with status "failed": quota exceeded');
    expect([err.jobId, err.status, err.detail]).toEqual(["42", "failed", "quota exceeded"]);
    const bare = new JobFailedError({ what: "create account example.com", jobId: "42", status: "cancelled" });
    expect(bare.message).toBe('Create account example.com (job 42) ended with status "cancelled"');
  });

  it("logs progress with the job's status", async () => {
    const job = await provisioningJob((_req, res, i) =>
      i < 8 ? sendJson(res, 200, { id: "42", status: "ongoing" }) : sendJson(res, 201, { id: "42", resource_links: ["/a"] }),
    );
    const logs: string[] = [];
    await followJob({ what, jobId: "42", initialDelayMs: 20, maxDelayMs: 20, progressEveryMs: 60, poll: job.poll }, { log: (m) => logs.push(m) });
    expect(logs.length).toBeGreaterThanOrEqual(1);
    expect(logs[0]).toMatch(/^still waiting for Combell provisioning job 42 \(create account example\.com\): ongoing, \d+ms elapsed$/);
  });

  it("stops within 200ms on cancel while waiting out a long Retry-After", async () => {
    const job = await provisioningJob((_req, res) => sendJson(res, 200, { id: "42", status: "ongoing" }, { "retry-after": "30" }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await failure(followJob({ what, jobId: "42", poll: job.poll }, { signal: controller.signal }));
    expect(err).toBeInstanceOf(CancelledError);
    expect(err.message).toBe(`Waiting for ${what} was cancelled`);
    expect(Date.now() - started).toBeLessThan(300);
  });

  it("gives up at the deadline with the last status", async () => {
    const job = await provisioningJob((_req, res) => sendJson(res, 200, { id: "42", status: "ongoing" }, { "retry-after": "30" }));
    const err = await failure(followJob({ what, jobId: "42", poll: job.poll }, { deadline: Date.now() + 200 }));
    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect(err.message).toMatch(/^Timed out waiting for Combell provisioning job 42 \(create account example\.com\): gave up after \d+ms when the deadline passed; last status: ongoing$/);
  });
});
