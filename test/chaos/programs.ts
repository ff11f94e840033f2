// The small programs chaos runs are made of: per API, resources with their inputs at creation,
// after a change that updates them in place and after one that replaces them. A seed picks which
// resources a run's program holds; names carry the run's tag, so runs never meet each other's.
import type { Props } from "../harness/plugin";
import { secret } from "../support/secrets";

/** The id the run has recorded for a resource of the program, by name. */
export type IdOf = (name: string) => string;

export interface ProgramResource {
  type: string;
  name: string;
  /** The resources of the program whose ids its inputs take: it is registered after them. */
  dependsOn: string[];
  create(id: IdOf): Props;
  /** A change the API makes in place. */
  update?(id: IdOf): Props;
  /** A change that replaces it. */
  replace?(id: IdOf): Props;
  /** The API cannot delete it: destroy forgets it, and it stays. */
  forgotten?: boolean;
}

export type Random = () => number;
export type ProgramPart = (random: Random, tag: string) => ProgramResource[];

const chance = (random: Random, p: number) => random() < p;

/** A server, and below it perhaps a system user, an app and a database. */
export const serverPilotPart: ProgramPart = (random, tag) => {
  const parts: ProgramResource[] = [];
  const server = `${tag}-server`;
  parts.push({
    type: "hosting:serverpilot:Server",
    name: server,
    dependsOn: [],
    create: () => ({ name: `w${tag}` }),
    update: () => ({ name: `w${tag}`, firewall: true, autoupdates: false }),
    replace: () => ({ name: `w${tag}b`, firewall: true, autoupdates: false }),
  });
  if (!chance(random, 0.8)) return parts;
  const sysuser = `${tag}-sysuser`;
  parts.push({
    type: "hosting:serverpilot:SysUser",
    name: sysuser,
    dependsOn: [server],
    create: (id) => ({ serverId: id(server), name: `u${tag}`, password: secret("first-password") }),
    update: (id) => ({ serverId: id(server), name: `u${tag}`, password: secret("second-password") }),
    replace: (id) => ({ serverId: id(server), name: `u${tag}b`, password: secret("second-password") }),
  });
  if (!chance(random, 0.7)) return parts;
  const app = `${tag}-app`;
  parts.push({
    type: "hosting:serverpilot:App",
    name: app,
    dependsOn: [sysuser],
    create: (id) => ({ name: `a${tag}`, sysuserId: id(sysuser), runtime: "php8.2", domains: [`${tag}.example.com`] }),
    update: (id) => ({ name: `a${tag}`, sysuserId: id(sysuser), runtime: "php8.3", domains: [`${tag}.example.com`, `www.${tag}.example.com`] }),
    replace: (id) => ({ name: `a${tag}b`, sysuserId: id(sysuser), runtime: "php8.3", domains: [`${tag}.example.com`] }),
  });
  if (!chance(random, 0.7)) return parts;
  parts.push({
    type: "hosting:serverpilot:Database",
    name: `${tag}-db`,
    dependsOn: [app],
    create: (id) => ({ appId: id(app), name: `d${tag}`, user: { name: `du${tag}`, password: secret("db-password-1") } }),
    update: (id) => ({ appId: id(app), name: `d${tag}`, user: { name: `du${tag}`, password: secret("db-password-2") } }),
    replace: (id) => ({ appId: id(app), name: `d${tag}b`, user: { name: `du${tag}b`, password: secret("db-password-2") } }),
  });
  return parts;
};

/**
 * Some of: an account of the run's own (with perhaps a MySQL database on it), a DNS record in
 * the fixture account's zone, a mailbox and a MySQL database of the fixture account.
 */
export function combellPart(fixture: { accountId: () => number; domain: string }): ProgramPart {
  return (random, tag) => {
    const parts: ProgramResource[] = [];
    const picks = { account: chance(random, 0.4), record: chance(random, 0.6), mailbox: chance(random, 0.5), database: chance(random, 0.5) };
    if (!picks.record && !picks.mailbox && !picks.database) picks.account = true;
    const account = `${tag}-account`;
    if (picks.account) {
      parts.push({
        type: "hosting:combell:Account",
        name: account,
        dependsOn: [],
        create: () => ({ identifier: `${tag}.example.org`, servicepackId: 3001 }),
        replace: () => ({ identifier: `${tag}b.example.org`, servicepackId: 3001 }),
        forgotten: true,
      });
    }
    if (picks.record) {
      const record = (extra: Props) => ({ domainName: fixture.domain, type: "A", recordName: `r${tag}`, content: "192.0.2.10", ...extra });
      parts.push({
        type: "hosting:combell:DnsRecord",
        name: `${tag}-record`,
        dependsOn: [],
        create: () => record({}),
        update: () => record({ content: "192.0.2.20", ttl: 600 }),
        replace: () => record({ type: "AAAA", content: "2001:db8::20", ttl: 600 }),
      });
    }
    if (picks.mailbox) {
      const mailbox = (local: string, password: string) => ({ emailAddress: `${local}@${fixture.domain}`, accountId: fixture.accountId(), password: secret(password) });
      parts.push({
        type: "hosting:combell:Mailbox",
        name: `${tag}-mailbox`,
        dependsOn: [],
        create: () => mailbox(`m${tag}`, "Passw0rd111"),
        update: () => mailbox(`m${tag}`, "Passw0rd222"),
        replace: () => mailbox(`m${tag}b`, "Passw0rd222"),
      });
    }
    if (picks.database) {
      // On the run's own account when it has one: a database waits for its account's job.
      const onOwn = picks.account && chance(random, 0.5);
      const accountId = (id: IdOf) => (onOwn ? Number(id(account)) : fixture.accountId());
      const database = (id: IdOf, name: string, password: string) => ({ databaseName: name, accountId: accountId(id), password: secret(password) });
      parts.push({
        type: "hosting:combell:MysqlDatabase",
        name: `${tag}-mysql`,
        dependsOn: onOwn ? [account] : [],
        create: (id) => database(id, `d${tag}`, "Passw0rd111"),
        update: (id) => database(id, `d${tag}`, "Passw0rd222"),
        replace: (id) => database(id, `d${tag}b`, "Passw0rd222"),
      });
    }
    return parts;
  };
}

/** A game server's database on the panel. */
export const pterodactylPart: ProgramPart = (_random, tag) => {
  const inputs = (extra: Props) => ({ serverId: 1, database: `d${tag}`, host: 1, passwordRotation: "1", ...extra });
  return [
    {
      type: "hosting:pterodactyl:ServerDatabase",
      name: `${tag}-panel-db`,
      dependsOn: [],
      create: () => inputs({}),
      update: () => inputs({ passwordRotation: "2" }),
      replace: () => inputs({ passwordRotation: "2", remote: "127.0.0.1" }),
    },
  ];
};

/** A WisPanel database and its user. */
export const wisPanelPart: ProgramPart = (_random, tag) => {
  const inputs = (extra: Props) => ({ name: `d${tag}`, user: `u${tag}`, password: secret("Passw0rd-111"), domain: "example.com", ...extra });
  return [
    {
      type: "hosting:wispanel:Database",
      name: `${tag}-wis-db`,
      dependsOn: [],
      create: () => inputs({}),
      update: () => inputs({ password: secret("Passw0rd-222"), remoteAccess: true, remoteHost: "10.0.0.5" }),
      replace: () => inputs({ name: `d${tag}b`, password: secret("Passw0rd-222") }),
    },
  ];
};

const ENGINES = ["postgresql", "mysql", "redis", "mongodb"] as const;

/** One or two DBaaS databases of engines the seed picks; every change replaces one. */
export const dbaasPart: ProgramPart = (random, tag) => {
  const count = chance(random, 0.5) ? 2 : 1;
  const first = Math.floor(random() * ENGINES.length);
  return Array.from({ length: count }, (_, i) => {
    const dbType = ENGINES[(first + i) % ENGINES.length];
    const inputs = (extra: Props) => ({ name: `${dbType}-${tag}`, dbType, planId: "db-s-1vcpu-1gb", region: "nyc1", ...extra });
    return {
      type: "hosting:dbaas:Database",
      name: `${tag}-${dbType}`,
      dependsOn: [],
      create: () => inputs({}),
      replace: () => inputs({ storageGb: 20 }),
    };
  });
};
