// The reseller API's part of `npm run bench`: how many requests each create costs, and how soon
// after a provisioning job finishes the provider notices it, against the Combell sandbox.
import { Deployment } from "../test/harness/deployment";
import { PluginProcess, type Props } from "../test/harness/plugin";
import { startCombellSandbox } from "../test/sandbox/combell";
import type { MariaDB } from "../test/sandbox/mariadb";

const JOB_MS = 2000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchCombell(mariadb: MariaDB, retryAfterSeconds: number): Promise<void> {
  const sandbox = await startCombellSandbox({ mariadb, jobDurationMs: JOB_MS, retryAfterSeconds });
  const plugin = await PluginProcess.start();
  try {
    await plugin.configure({
      "hosting:config:combellApiKey": sandbox.apiKey,
      "hosting:config:combellApiSecret": sandbox.apiSecret,
      "hosting:config:combellEndpoint": sandbox.url,
    });
    const d = new Deployment(plugin);
    const created = async (type: string, name: string, inputs: Props) => {
      const before = sandbox.requests.length;
      const started = Date.now();
      const step = await d.register(type, name, inputs);
      return { id: step.state!.id, requests: sandbox.requests.length - before, ms: Date.now() - started };
    };
    const rows: [string, { requests: number; ms: number }][] = [];
    const account = await created("hosting:combell:Account", "a", { identifier: "bench.example.com", servicepackId: 3001 });
    rows.push(["Account (job)", account]);
    const accountId = Number(account.id);
    rows.push(["Domain (job)", await created("hosting:combell:Domain", "d", { domainName: "bench-registered.be" })]);
    rows.push(["MysqlDatabase (job)", await created("hosting:combell:MysqlDatabase", "db", { databaseName: "bench", accountId, password: "Bench1234pw" })]);
    rows.push(["DnsRecord", await created("hosting:combell:DnsRecord", "r", { domainName: "bench.example.com", type: "A", recordName: "app", content: "192.0.2.1" })]);
    rows.push(["Mailbox", await created("hosting:combell:Mailbox", "m", { emailAddress: "info@bench.example.com", accountId, password: "Bench1234pw" })]);
    rows.push(["SshKey", await created("hosting:combell:SshKey", "k", { domainName: "bench.example.com", publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFeckW6xwhA1E3TE1UBWQzVbiFYrJRqHbe2bGi99ncXA b@h" })]);
    console.log(`Combell creates (Retry-After ${retryAfterSeconds} s, jobs of ${JOB_MS} ms): requests per create, including Check's none`);
    for (const [what, { requests, ms }] of rows) console.log(`  ${what}: ${requests} requests, ${ms} ms`);

    // When each job was due, against the poll that first saw it finished.
    const noticed: number[] = [];
    for (const job of sandbox.store.jobs.values()) {
      const seen = sandbox.requests.find((r) => r.path === `/v2/provisioningjobs/${job.id}` && r.status === 201);
      if (seen) noticed.push(seen.at - job.due_at);
    }
    console.log(
      `  job finished -> provider noticed, ${noticed.length} jobs: median ${median(noticed)} ms, max ${Math.max(...noticed)} ms; polls per job: ${(sandbox.requests.filter((r) => r.path.startsWith("/v2/provisioningjobs/")).length / noticed.length).toFixed(1)}`,
    );
    await d.destroyAll();
  } finally {
    await plugin.stop();
    await sandbox.close();
  }
}
