// Row 5: the requests one create and one refresh cost, counted where the API would count them, for
// a resource of each API. Asynchronous work (actions, jobs, provisioning) is done at once here, so
// the counts are the fixed cost: a longer job adds its polls (row 6 shows how many).
import type { Props } from "../test/harness/plugin";
import type { ServedRequest } from "../test/sandbox/base";
import type { Row } from "./report";
import { combellWorld, configuredPlugin, dbaasWorld, dnsRecord, pterodactylWorld, serverPilotWorld, wispanelDatabase, wispanelWorld } from "./worlds";

interface Subject {
  label: string;
  type: string;
  inputs: Props;
  requests: ServedRequest[];
}

const API_PREFIX = /^\/(?:v\d|api\/v\d|api\/application)(?=\/)/;

/** "GET /actions/:id": ids and domain names (anything with a digit or a dot) as :id. */
function shortForm(request: ServedRequest): string {
  const path = request.path.replace(API_PREFIX, "").split("/").map((segment) => (/[\d.]/.test(segment) || (segment.length >= 12 && /[A-Z]/.test(segment)) ? ":id" : segment)).join("/");
  return `${request.method} ${path}`;
}

export async function measureRequestsPerOperation(): Promise<Row[]> {
  const worlds = await Promise.all([serverPilotWorld(0), combellWorld({ jobDurationMs: 0, retryAfterSeconds: 0 }), pterodactylWorld(), wispanelWorld(), dbaasWorld(0)]);
  const [serverpilot, combell, pterodactyl, wispanel, dbaas] = worlds;
  // One program that uses all five APIs: one plugin configured for each.
  const { plugin, deployment } = await configuredPlugin(Object.assign({}, ...worlds.map((w) => w.config)));
  const subjects: Subject[] = [
    { label: "ServerPilot Server (action)", type: "hosting:serverpilot:Server", inputs: { name: "bench1" }, requests: serverpilot.sandbox.requests },
    { label: "Combell DnsRecord", type: "hosting:combell:DnsRecord", inputs: dnsRecord(1), requests: combell.sandbox.requests },
    { label: "Combell Account (job)", type: "hosting:combell:Account", inputs: { identifier: "bench-shop.example.com", servicepackId: 3001 }, requests: combell.sandbox.requests },
    { label: "Pterodactyl ServerDatabase", type: "hosting:pterodactyl:ServerDatabase", inputs: { serverId: 1, database: "bench", host: 1 }, requests: pterodactyl.sandbox.requests },
    { label: "WisPanel Database", type: "hosting:wispanel:Database", inputs: wispanelDatabase(1), requests: wispanel.sandbox.requests },
    { label: "DBaaS Database (provisioning)", type: "hosting:dbaas:Database", inputs: { name: "bench", dbType: "mongodb", planId: "db-s-1vcpu-1gb", region: "nyc1" }, requests: dbaas.sandbox.requests },
  ];
  try {
    const rows: Row[] = [];
    for (const subject of subjects) {
      const beforeCreate = subject.requests.length;
      const step = await deployment.register(subject.type, subject.label.replace(/\W+/g, "-"), subject.inputs);
      const create = subject.requests.length - beforeCreate;
      const beforeRefresh = subject.requests.length;
      await deployment.refresh(step.urn);
      const refresh = subject.requests.length - beforeRefresh;
      const asked = subject.requests.slice(beforeCreate, beforeRefresh).map(shortForm).join(", ");
      rows.push({
        what: `requests per create / refresh: ${subject.label}`,
        measured: `${create} / ${refresh}`,
        reference: `create: ${asked}`,
        target: "",
        values: { create, refresh },
      });
    }
    return rows;
  } finally {
    await plugin.stop();
    await Promise.all(worlds.map((w) => w.sandbox.close()));
  }
}
