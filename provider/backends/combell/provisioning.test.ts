import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { DeadlineExceededError, JobFailedError } from "../../http/errors";
import { Account } from "./account";
import { MysqlDatabase } from "./mysql-database";
import { failure, useTestServers } from "../../../test/support/http-client-fixtures";
import { sendJson, type RecordedRequest } from "../../../test/support/http-test-server";
import { combellClientFor } from "../../../test/support/combell-client";
import { recordingContext } from "../../../test/support/combell-context";

// Provisioning jobs against a real loopback server: the create answers 202 with the job in
// Location, the job answers 200 while it runs and 201 with its resource links when done.
const { serve } = useTestServers({ closeClients: true });

const JOB = "6f1c3a9e-1111-4a2b-9c3d-000000000042";
const ACCOUNT = { id: 42, identifier: "example.com", servicepack: { id: 7, name: "Hosting S" }, addons: [{ id: 1, name: "SSL" }] };
const args = { identifier: "example.com", servicepackId: 7, ftpPassword: "ftpPass123" };

type Route = (req: RecordedRequest, res: ServerResponse, polls: number) => void;

/** A server whose job answers `jobAnswers[n]` to its n-th poll (the last one repeats). */
async function provisioningServer(jobAnswers: Route[], others: Record<string, Route> = {}) {
  let polls = 0;
  const pollTimes: number[] = [];
  const server = await serve((req, res) => {
    const [path] = req.url.split("?");
    const route = `${req.method} ${path}`;
    if (route === `GET /v2/provisioningjobs/${JOB}`) {
      pollTimes.push(Date.now());
      const answer = jobAnswers[Math.min(polls, jobAnswers.length - 1)];
      polls++;
      return answer(req, res, polls);
    }
    const other = others[route];
    if (other) return other(req, res, polls);
    sendJson(res, 404, { message: `no route ${route}` });
  });
  return { server, pollTimes, posts: () => server.requests.filter((r) => r.method === "POST") };
}

const acceptedAfter = (seconds: number): Route => (_req, res) =>
  sendJson(res, 202, undefined, { Location: `/v2/provisioningjobs/${JOB}`, "Retry-After": String(seconds) });
const accepted = acceptedAfter(0);
const ongoing = (headers: Record<string, string>, estimate?: string): Route => (_req, res) =>
  sendJson(res, 200, { id: JOB, status: "ongoing", ...(estimate ? { completion: { estimate } } : {}) }, headers);
const finished = (link: string): Route => (_req, res) => sendJson(res, 201, { id: JOB, resource_links: [link] });
const ended = (status: string): Route => (_req, res) => sendJson(res, 200, { id: JOB, status });
const accountRoutes = (listed: () => unknown[]): Record<string, Route> => ({
  "GET /v2/accounts": (_req, res) => sendJson(res, 200, listed()),
  "POST /v2/accounts": accepted,
  "GET /v2/accounts/42": (_req, res) => sendJson(res, 200, ACCOUNT),
});

describe("an account create's provisioning job", () => {
  it("is followed from 202 through 200 ongoing to 201, honouring Retry-After and the estimate, then read", async () => {
    const later = new Date(Date.now() + 700).toISOString();
    const passed = new Date(Date.now() - 1000).toISOString();
    const { server, pollTimes, posts } = await provisioningServer(
      [ongoing({ "Retry-After": "0" }, later), ongoing({ "Retry-After": "1" }, passed), finished("/v2/accounts/42")],
      accountRoutes(() => []),
    );
    const ctx = recordingContext(combellClientFor(server));
    const created = await Account.create(ctx, args);

    expect(created).toEqual({ id: "42", outputs: { servicepackName: "Hosting S", addons: [{ id: 1, name: "SSL" }] } });
    expect(ctx.createdIds).toEqual(["42"]);
    expect(posts()).toHaveLength(1);
    expect(JSON.parse(posts()[0].body)).toEqual({ identifier: "example.com", servicepack_id: 7, ftp_password: "ftpPass123" });
    const [afterEstimate, afterRetryAfter] = pollTimes.slice(1).map((t, i) => t - pollTimes[i]);
    // An estimate later than Retry-After defers the next look to it; a passed one leaves Retry-After's 1 s.
    expect(afterEstimate).toBeGreaterThanOrEqual(400);
    expect(afterEstimate).toBeLessThan(1500);
    expect(afterRetryAfter).toBeGreaterThanOrEqual(950);
    expect(afterRetryAfter).toBeLessThan(1900);
    expect(ctx.logs[0]).toBe(`Combell accepted the account example.com; following provisioning job ${JOB}`);
  });

  it("looks at the job no sooner than the 202's Retry-After, nor than a poll's, even when the estimate is sooner", async () => {
    const soon = new Date(Date.now() + 100).toISOString();
    const { server, pollTimes } = await provisioningServer([ongoing({ "Retry-After": "1" }, soon), finished("/v2/accounts/42")], {
      ...accountRoutes(() => []),
      "POST /v2/accounts": acceptedAfter(1),
    });
    const postedAt = Date.now();
    await Account.create(recordingContext(combellClientFor(server)), args);
    expect(pollTimes[0]! - postedAt).toBeGreaterThanOrEqual(950);
    expect(pollTimes[1]! - pollTimes[0]!).toBeGreaterThanOrEqual(950);
  });

  it("reads the job's Location and Retry-After in any header case", async () => {
    const { server, posts } = await provisioningServer([ongoing({ "retry-after": "0" }), finished("https://api.example.invalid/v2/accounts/42")], {
      ...accountRoutes(() => []),
      "POST /v2/accounts": (_req, res) => sendJson(res, 202, undefined, { location: `https://api.example.invalid/v2/provisioningjobs/${JOB}` }),
    });
    const ctx = recordingContext(combellClientFor(server));
    expect((await Account.create(ctx, args)).id).toBe("42");
    expect(posts()).toHaveLength(1);
  });

  it("retries a job poll that failed with 500, never the POST that answered 202", async () => {
    const { server, posts } = await provisioningServer([(_req, res) => sendJson(res, 500, { message: "oops" }), finished("/v2/accounts/42")], accountRoutes(() => []));
    await Account.create(recordingContext(combellClientFor(server)), args);
    expect(posts()).toHaveLength(1);
    expect(server.requests.filter((r) => r.url.startsWith("/v2/provisioningjobs/"))).toHaveLength(2);
  });

  it("fails naming the job when it failed, and warns how to adopt what it may still make", async () => {
    const { server } = await provisioningServer([ended("failed")], accountRoutes(() => []));
    const ctx = recordingContext(combellClientFor(server));
    const error = await failure(Account.create(ctx, args));
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error.message).toBe(
      `Combell provisioning job ${JOB} (create account example.com) ended with status "failed": Combell asks not to provision again before the job is resolved; contact Combell support about it`,
    );
    expect(ctx.createdIds).toEqual([]);
    expect(ctx.warnings).toHaveLength(1);
    expect(ctx.warnings[0]).toContain(`provisioning job ${JOB} may still create it`);
    expect(ctx.warnings[0]).toContain("pulumi import hosting:combell:Account <name> <account id>");
  });

  it("fails naming the job when it was cancelled, and looks for nothing", async () => {
    const { server } = await provisioningServer([ended("cancelled")], accountRoutes(() => []));
    const ctx = recordingContext(combellClientFor(server));
    const error = await failure(Account.create(ctx, args));
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error.message).toContain(`job ${JOB}`);
    expect(error.message).toContain('ended with status "cancelled"');
    expect(ctx.warnings).toEqual([]);
    // The guard before the POST is the only listing: nothing was looked for afterwards.
    expect(server.requests.filter((r) => r.url.startsWith("/v2/accounts?"))).toHaveLength(1);
  });

  it("records the account when the deadline passes while the job runs but the account is listed already", async () => {
    let posted = false;
    const { server } = await provisioningServer([ongoing({ "Retry-After": "1" })], {
      ...accountRoutes(() => (posted ? [{ id: 42, identifier: "example.com", servicepack_id: 7 }] : [])),
      "POST /v2/accounts": (req, res, polls) => {
        posted = true;
        accepted(req, res, polls);
      },
    });
    const ctx = recordingContext(combellClientFor(server), { deadline: Date.now() + 1500 });
    const error = await failure(Account.create(ctx, args));
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect(error.message).toContain(`Combell provisioning job ${JOB}`);
    expect(ctx.createdIds).toEqual(["42"]);
    expect(ctx.warnings).toEqual(["the account example.com exists as 42 and is recorded in the stack; the next `pulumi up` finishes it"]);
  });

  it("refuses to provision an identifier that already has an account, naming it", async () => {
    const { server, posts } = await provisioningServer([ended("failed")], accountRoutes(() => [{ id: 9, identifier: "Example.com", servicepack_id: 3 }]));
    const error = await failure(Account.create(recordingContext(combellClientFor(server)), args));
    expect(error.message).toBe(
      "identifier: an account with identifier example.com exists already (id 9): adopt it with `pulumi import hosting:combell:Account <name> 9`, or choose another identifier",
    );
    expect(posts()).toEqual([]);
  });
});

describe("a MySQL database create's provisioning job", () => {
  it("gives the provisioned name from the resource link, and the user from the users list", async () => {
    const db = { name: "ID42_tests", hostname: "ID42_tests.db.webhosting.be", user_count: 1, max_size: 1024, actual_size: 0, account_id: 42 };
    const { server, posts } = await provisioningServer([ongoing({ "Retry-After": "0" }), finished("/v2/mysqldatabases/ID42_tests")], {
      "POST /v2/mysqldatabases": accepted,
      "GET /v2/mysqldatabases/ID42_tests": (_req, res) => sendJson(res, 200, db),
      "GET /v2/mysqldatabases/ID42_tests/users": (_req, res) => sendJson(res, 200, [{ name: "ID42_tests", rights: "read_and_write", enabled: true }]),
    });
    const ctx = recordingContext(combellClientFor(server));
    const created = await MysqlDatabase.create(ctx, { databaseName: "tests", accountId: 42, password: "dbPass1234" });
    expect(created).toEqual({
      id: "ID42_tests",
      outputs: { name: "ID42_tests", hostname: "ID42_tests.db.webhosting.be", userName: "ID42_tests", userCount: 1, maxSize: 1024, actualSize: 0 },
    });
    expect(ctx.createdIds).toEqual(["ID42_tests"]);
    expect(JSON.parse(posts()[0].body)).toEqual({ database_name: "tests", account_id: 42, password: "dbPass1234" });
  });
});
