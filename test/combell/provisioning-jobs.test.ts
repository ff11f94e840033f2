// Provisioning jobs that do not simply finish, through the real plugin process against the Combell
// sandbox: a job that fails, one that is cancelled, a create whose customTimeouts run out while
// its job runs (reported with how to import the result, or recorded when the result is there
// already), a 429 while polling, and how soon the provider sees a job finish.
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
  it("is reported with how to import the result while the job still runs, and the next up refuses to provision it twice", async () => {
    env.sandbox.setJobDuration(60_000);
    const started = Date.now();
    const error = await env.deployment.register(DOMAIN, "slow", { domainName: "slow-job.be" }, { timeout: 2 }).catch((e) => e);
    env.sandbox.setJobDuration(150);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(error.message).toMatch(new RegExp(`^Timed out waiting for Combell provisioning job ${JOB_ID} \\(register domain slow-job\\.be\\): gave up after`));
    expect(error.initFailure).toBeUndefined();
    const job = jobOf("domain_registration");
    expect(warningsOf("slow")).toContainEqual(
      `the domain slow-job.be is not recorded in the stack: provisioning job ${job.id} may still create it. Do not run \`pulumi up\` again before the job has finished (GET /v2/provisioningjobs/${job.id}), or it is provisioned twice; once it has, adopt the result with \`pulumi import hosting:combell:Domain <name> slow-job.be\``,
    );
    // The job finishes later; the next up is refused with the same advice, and the import works.
    job.due_at = Date.now();
    await expect.poll(() => env.sandbox.store.domains.has("slow-job.be"), { timeout: 3000 }).toBe(true);
    const again = await env.deployment.register(DOMAIN, "slow", { domainName: "slow-job.be" }).catch((e) => e);
    expect(again.message).toMatch(/domainName: slow-job\.be is in the reseller's portfolio already: adopt it with `pulumi import hosting:combell:Domain <name> slow-job\.be`/);
    const imported = await env.deployment.import(DOMAIN, "slow", "slow-job.be", { domainName: "slow-job.be" });
    expect(imported.diff!.changes).toBe(false);
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
