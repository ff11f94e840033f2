// Provisioning jobs that do not simply finish, through the real plugin process against the Combell
// sandbox: a job that fails, one that is cancelled, a create whose customTimeouts run out while
// its job runs (recorded under the job, or with its id when the result is there already), a 429 while polling, and how soon the provider sees a job finish.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { PluginProcess } from "../harness/plugin";
import { startCombellSandbox } from "../sandbox/combell";
import { startCombellEnvironment, type CombellEnvironment } from "../support/combell-environment";

const DOMAIN = "hosting:combell:Domain";
const JOB_ID = "[0-9a-f-]{36}";

let env: CombellEnvironment;

beforeAll(async () => {
  env = await startCombellEnvironment();
});

afterAll(async () => {
  await env?.stop();
});

const warningsOf = (name: string) => env.plugin.logs.filter((l) => l.severity === "warning" && l.urn.endsWith(`::${name}`)).map((l) => l.message);
const jobOf = (kind: string) => [...env.sandbox.store.jobs.values()].filter((j) => j.kind === kind).at(-1)!;

describe("a provisioning job that does not finish", () => {
  it("failed: the error names the job and its status, nothing is recorded, and the warning says not to provision again before it is resolved", async () => {
    env.sandbox.failNextJob("failed");
    const error = await env.deployment.register(DOMAIN, "failing", { domainName: "failing-job.be" }).catch((e) => e);
    expect(error.message).toMatch(
      new RegExp(`^Combell provisioning job ${JOB_ID} \\(register domain failing-job\\.be\\) ended with status "failed": Combell asks not to provision again before the job is resolved; contact Combell support about it`),
    );
    expect(error.initFailure).toBeUndefined();
    expect(env.deployment.state.has(env.deployment.urn(DOMAIN, "failing"))).toBe(false);
    expect(env.sandbox.store.domains.has("failing-job.be")).toBe(false);
    expect(warningsOf("failing")).toContainEqual(
      expect.stringMatching(/the domain failing-job\.be is not recorded in the stack: provisioning job .+ may still create it\. Do not run `pulumi up` again before the job has finished/),
    );
  });

  it("cancelled: nothing was provisioned, nothing is recorded, and the next up provisions it", async () => {
    env.sandbox.failNextJob("cancelled");
    const error = await env.deployment.register(DOMAIN, "cancelled", { domainName: "cancelled-job.be" }).catch((e) => e);
    expect(error.message).toMatch(new RegExp(`^Combell provisioning job ${JOB_ID} \\(register domain cancelled-job\\.be\\) ended with status "cancelled": nothing was provisioned`));
    expect(error.initFailure).toBeUndefined();
    expect(warningsOf("cancelled")).toEqual([]);
    const retry = await env.deployment.register(DOMAIN, "cancelled", { domainName: "cancelled-job.be" });
    expect(retry.op).toBe("create");
    expect(env.sandbox.store.domains.has("cancelled-job.be")).toBe(true);
  });
});

describe("a create whose customTimeouts run out while its job runs", () => {
  it("is recorded under its job while the job still runs, never provisioned twice, and refresh records it under its id once the job is done", async () => {
    env.sandbox.setJobDuration(60_000);
    const started = Date.now();
    const urn = env.deployment.urn(DOMAIN, "slow");
    const error = await env.deployment.register(DOMAIN, "slow", { domainName: "slow-job.be" }, { timeout: 2 }).catch((e) => e);
    env.sandbox.setJobDuration(150);
    expect(Date.now() - started).toBeLessThan(6000);
    const job = jobOf("domain_registration");
    expect(error.message).toMatch(new RegExp(`^created provisioning-job:${JOB_ID}, but then: Timed out waiting for Combell provisioning job ${JOB_ID} \\(register domain slow-job\\.be\\): gave up after`));
    expect(env.deployment.state.get(urn)!.id).toBe(`provisioning-job:${job.id}`);
    expect(env.deployment.state.get(urn)!.inputs.domainName).toBe("slow-job.be");
    expect(warningsOf("slow")).toContainEqual(expect.stringContaining(`the domain slow-job.be is recorded in the stack under provisioning job ${job.id}, which has not finished`));
    const posts = () => env.sandbox.requests.filter((r) => r.method === "POST" && r.path === "/v2/domains/registrations").length;
    const postsBefore = posts();

    // While it runs: a refresh keeps the record as it is, and an up follows the job, sending nothing.
    expect((await env.deployment.refresh(urn)).state!.id).toBe(`provisioning-job:${job.id}`);
    const stillRunning = await env.deployment.register(DOMAIN, "slow", { domainName: "slow-job.be" }, { timeout: 1 }).catch((e) => e);
    expect(stillRunning.message).toMatch(/Timed out waiting for Combell provisioning job/);
    expect(posts()).toBe(postsBefore);

    // Done: the next up says to refresh; the refresh records the domain under its name; then nothing to do.
    job.due_at = Date.now();
    await expect.poll(() => env.sandbox.store.domains.has("slow-job.be"), { timeout: 3000 }).toBe(true);
    const finished = await env.deployment.register(DOMAIN, "slow", { domainName: "slow-job.be" }).catch((e) => e);
    expect(finished.message).toMatch(/provisioning job .+ has finished: the domain is slow-job\.be\. Run `pulumi refresh` to record it under that id/);
    expect((await env.deployment.refresh(urn)).state!.id).toBe("slow-job.be");
    expect((await env.deployment.register(DOMAIN, "slow", { domainName: "slow-job.be" })).op).toBe("same");
    expect(posts()).toBe(postsBefore);
  });

  it("a resource recorded under a job that is then cancelled leaves the stack at refresh, and a destroy while it runs refuses", async () => {
    env.sandbox.setJobDuration(60_000);
    const urn = env.deployment.urn(DOMAIN, "doomed");
    await env.deployment.register(DOMAIN, "doomed", { domainName: "doomed-job.be" }, { timeout: 1 }).catch((e) => e);
    env.sandbox.setJobDuration(150);
    const job = jobOf("domain_registration");
    expect(env.deployment.state.get(urn)!.id).toBe(`provisioning-job:${job.id}`);
    await expect(env.deployment.delete(urn)).rejects.toThrow(new RegExp(`the domain is still being provisioned by job ${job.id}: destroy it once the job has finished`));
    job.outcome = "cancelled";
    job.due_at = Date.now();
    await expect.poll(async () => (await env.deployment.refresh(urn)).op, { timeout: 3000 }).toBe("gone");
    expect(env.sandbox.store.domains.has("doomed-job.be")).toBe(false);
  });

  it("a resource recorded under a job Combell no longer knows says how to adopt what the job made", async () => {
    env.sandbox.setJobDuration(60_000);
    const urn = env.deployment.urn(DOMAIN, "forgotten");
    await env.deployment.register(DOMAIN, "forgotten", { domainName: "forgotten-job.be" }, { timeout: 1 }).catch((e) => e);
    env.sandbox.setJobDuration(150);
    const job = jobOf("domain_registration");
    expect(env.deployment.state.get(urn)!.id).toBe(`provisioning-job:${job.id}`);
    env.sandbox.store.jobs.delete(job.id);
    await expect(env.deployment.refresh(urn)).rejects.toThrow(
      new RegExp(`the domain is recorded under provisioning job ${job.id}, which Combell no longer knows: .*\`pulumi state delete\` this resource and \`pulumi import\``),
    );
    env.deployment.state.delete(urn);
  });

  it("is recorded with its id when the job has finished by the time the wait gives up, and the next up finishes it", async () => {
    // The job is done in 150 ms, but the poll that would see it hangs past the deadline.
    env.sandbox.injectFault({ method: "GET", path: /^\/v2\/provisioningjobs\//, delayMs: 4000 });
    const inputs = { domainName: "late-poll.be", autoRenew: false };
    const error = await env.deployment.register(DOMAIN, "late", inputs, { timeout: 2 }).catch((e) => e);
    expect(error.message).toMatch(/^created late-poll\.be, but then: Timed out waiting for Combell provisioning job/);
    expect(error.initFailure.id).toBe("late-poll.be");
    expect(warningsOf("late")).toContainEqual("the domain late-poll.be exists as late-poll.be and is recorded in the stack; the next `pulumi up` finishes it");
    const urn = env.deployment.urn(DOMAIN, "late");
    expect(env.deployment.state.get(urn)!.outputs).toMatchObject({ domainName: "late-poll.be", autoRenew: true });
    const retry = await env.deployment.register(DOMAIN, "late", inputs);
    expect(retry.op).toBe("update");
    expect(retry.diff!.detailedDiff).toEqual({ autoRenew: "update" });
    expect(env.sandbox.store.domains.get("late-poll.be")!.will_renew).toBe(false);
  });
});

describe("polling a job", () => {
  it("waits out a 429 with Retry-After and finishes the create", async () => {
    env.sandbox.injectFault({
      method: "GET",
      path: /^\/v2\/provisioningjobs\//,
      status: 429,
      headers: { "Retry-After": "1" },
      body: { error_code: "too_many_requests", error_text: "Too many requests, retry later" },
    });
    const started = Date.now();
    const step = await env.deployment.register(DOMAIN, "limited", { domainName: "rate-limited.be" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(step.op).toBe("create");
    expect(env.sandbox.store.domains.has("rate-limited.be")).toBe(true);
    expect(env.plugin.logs.some((l) => l.urn.endsWith("::limited") && /rate limited by Combell on GET \/v2\/provisioningjobs\//.test(l.message))).toBe(true);
  });

  it("sees a finished job within one Retry-After of its end (the sandbox's 0 s and 1 s here; the real API says 5 s)", async () => {
    const lags: Record<string, number> = {};
    for (const [retryAfter, duration] of [[0, 150], [1, 1500]] as const) {
      const sandbox = await startCombellSandbox({ jobDurationMs: duration, retryAfterSeconds: retryAfter });
      const plugin = await PluginProcess.start();
      try {
        await plugin.configure({ "hosting:config:combellApiKey": sandbox.apiKey, "hosting:config:combellApiSecret": sandbox.apiSecret, "hosting:config:combellEndpoint": sandbox.url });
        const deployment = new Deployment(plugin);
        await deployment.register(DOMAIN, "timed", { domainName: `timed${retryAfter}.be` });
        const job = [...sandbox.store.jobs.values()][0];
        const seen = sandbox.requests.find((r) => r.path === `/v2/provisioningjobs/${job.id}` && r.status === 201)!;
        lags[`Retry-After ${retryAfter}s`] = seen.at - job.due_at;
        expect(seen.at - job.due_at).toBeLessThanOrEqual(retryAfter * 1000 + 400);
      } finally {
        await plugin.stop();
        await sandbox.close();
      }
    }
    console.log(`job due -> the provider's poll that saw 201: ${Object.entries(lags).map(([k, v]) => `${k}: ${v} ms`).join(", ")}`);
  });
});
