// Row 6: how long after an asynchronous job finishes the provider notices, for jobs of 0.5, 2, 10
// and 30 seconds, on each API that has them: ServerPilot's actions (no hint when to look again),
// Combell's provisioning jobs (Retry-After 5 s, as the real API sends, and an estimate) and the
// DBaaS's provisioning (no hint). All twelve run at once, each started with its own duration.
// Measured at the sandbox: from when the job was done to the answer of the poll that saw it.
import type { Step } from "../test/harness/deployment";
import type { ServedRequest } from "../test/sandbox/base";
import { ms, type Row } from "./report";
import { sleep } from "./stats";
import { combellWorld, configuredPlugin, dbaasWorld, serverPilotWorld } from "./worlds";

const DURATIONS_MS = [500, 2000, 10_000, 30_000];
const COMBELL_RETRY_AFTER_S = 5;

/** No later than max(0.5 s, 15% of the job's duration, the server's Retry-After). */
const allowedMs = (durationMs: number, retryAfterMs: number) => Math.max(500, 0.15 * durationMs, retryAfterMs);

interface Kind {
  label: string;
  retryAfterMs: number;
  requests: ServedRequest[];
  setDuration(ms: number): void;
  create(name: string): { type: string; inputs: Record<string, unknown> };
  /** The request that starts the job. */
  starts(request: ServedRequest): boolean;
  /** When the job was done, and the polls that looked at it, in order. */
  follow(step: Step, start: ServedRequest, durationMs: number): { doneAt: number; polls: ServedRequest[]; noticed: ServedRequest | undefined };
}

interface Started {
  kind: Kind;
  durationMs: number;
  start: ServedRequest;
  step: Promise<Step>;
}

export async function measureJobNotice(): Promise<Row[]> {
  const serverpilot = await serverPilotWorld();
  const combell = await combellWorld({ retryAfterSeconds: COMBELL_RETRY_AFTER_S });
  const dbaas = await dbaasWorld();
  const worlds = [serverpilot, combell, dbaas];
  const { plugin, deployment } = await configuredPlugin(Object.assign({}, ...worlds.map((w) => w.config)));
  const pollsOf = (requests: ServedRequest[], path: string) => requests.filter((r) => r.method === "GET" && r.path === path);
  const kinds: Kind[] = [
    {
      label: "ServerPilot action",
      retryAfterMs: 0,
      requests: serverpilot.sandbox.requests,
      setDuration: (d) => serverpilot.sandbox.setActionDelay(d),
      create: (name) => ({ type: "hosting:serverpilot:Server", inputs: { name } }),
      starts: (r) => r.method === "POST" && r.path === "/v1/servers",
      follow(step, start, durationMs) {
        const action = [...serverpilot.sandbox.store.actions.values()].find((a) => a.serverid === step.state!.id)!;
        const polls = pollsOf(serverpilot.sandbox.requests, `/v1/actions/${action.id}`);
        // The action starts as the create is answered; the last poll is the one that saw it done.
        return { doneAt: start.at + durationMs, polls, noticed: polls.at(-1) };
      },
    },
    {
      label: `Combell job (Retry-After ${COMBELL_RETRY_AFTER_S} s)`,
      retryAfterMs: COMBELL_RETRY_AFTER_S * 1000,
      requests: combell.sandbox.requests,
      setDuration: (d) => combell.sandbox.setJobDuration(d),
      create: (name) => ({ type: "hosting:combell:Account", inputs: { identifier: `${name}.example.com`, servicepackId: 3001 } }),
      starts: (r) => r.method === "POST" && r.path === "/v2/accounts",
      follow(step) {
        const job = [...combell.sandbox.store.jobs.values()].find((j) => j.resource_links.includes(`/v2/accounts/${step.state!.id}`))!;
        const polls = pollsOf(combell.sandbox.requests, `/v2/provisioningjobs/${job.id}`);
        return { doneAt: job.due_at, polls, noticed: polls.find((r) => r.status === 201) };
      },
    },
    {
      label: "DBaaS provisioning",
      retryAfterMs: 0,
      requests: dbaas.sandbox.requests,
      setDuration: (d) => dbaas.sandbox.setProvisioningDelay(d),
      create: (name) => ({ type: "hosting:dbaas:Database", inputs: { name, dbType: "mongodb", planId: "db-s-1vcpu-1gb", region: "nyc1" } }),
      starts: (r) => r.method === "POST" && r.path === "/api/v1/databases",
      follow(step, start, durationMs) {
        const polls = pollsOf(dbaas.sandbox.requests, `/api/v1/databases/${step.state!.id}`);
        return { doneAt: start.at + durationMs, polls, noticed: polls.at(-1) };
      },
    },
  ];

  try {
    // The sandboxes take a duration for the jobs started from then on: each create starts its job
    // before the next duration is set.
    const launch = async (kind: Kind): Promise<Started[]> => {
      const started: Started[] = [];
      for (const durationMs of DURATIONS_MS) {
        kind.setDuration(durationMs);
        const seen = kind.requests.length;
        const { type, inputs } = kind.create(`notice${durationMs}`);
        const step = deployment.register(type, `notice-${kind.label.split(" ")[0]}-${durationMs}`, inputs);
        step.catch(() => undefined);
        let start: ServedRequest | undefined;
        while (!(start = kind.requests.slice(seen).find(kind.starts))) await sleep(2);
        started.push({ kind, durationMs, start, step });
      }
      return started;
    };
    const all = (await Promise.all(kinds.map(launch))).flat();
    const rows: Row[] = [];
    for (const { kind, durationMs, start, step } of all) {
      const what = `job of ${ms(durationMs)} noticed after: ${kind.label}`;
      const allowed = allowedMs(durationMs, kind.retryAfterMs);
      const created = await step.catch((error: Error) => error);
      if (created instanceof Error) {
        rows.push({ what, measured: `create failed: ${created.message}`, reference: "", target: `<= ${ms(allowed)}`, pass: false, values: { durationMs } });
        continue;
      }
      const { doneAt, polls, noticed } = kind.follow(created, start, durationMs);
      const lateMs = noticed ? noticed.at - doneAt : Number.NaN;
      rows.push({
        what,
        measured: `${ms(lateMs)} (${polls.length} polls)`,
        reference: "",
        target: `<= ${ms(allowed)}`,
        pass: lateMs <= allowed,
        values: { durationMs, lateMs, polls: polls.length, allowedMs: allowed },
      });
    }
    return rows;
  } finally {
    await plugin.stop();
    await Promise.all(worlds.map((w) => w.sandbox.close()));
  }
}
