// A WisPanel emulator for tests, on the sandbox base: HTTPS with a certificate signed by a CA made
// for the run (what a panel with a self-signed certificate looks like), Bearer wsp_ keys per panel
// user, the databases API of the document (wispanel-routes.ts) in one of the two error shapes its
// public pages show, 60 requests per window and token with X-RateLimit-* (Reset as a Unix
// timestamp), and, with a MariaDB, real databases and users behind each database.
import { randomBytes } from "node:crypto";
import { Chaos, EmulatorError, FixedWindowRateLimiter, startEmulator, type ChaosControls, type EmulatorDefinition, type InjectedFault, type ServedRequest } from "./base";
import type { MariaDB } from "./mariadb";
import { makeTestCertificates } from "../support/test-ca";
import { wispanelErrorBody, type ErrorShape } from "./wispanel-errors";
import { mariadbSide, noMysql } from "./wispanel-mysql";
import { databaseRoutes, type DatabaseRecord, type PhpMyAdminLogin, type WisPanelState, type WisPanelUser } from "./wispanel-routes";
import { recordSecret } from "../harness/scan-record";

export type { DatabaseRecord, PhpMyAdminLogin, WisPanelUser, ErrorShape };

export interface WisPanelSandboxOptions {
  /** The panel's users with API keys; default one user, "john". Tokens default to random wsp_ keys. */
  users?: { username: string; role?: "user" | "admin"; token?: string }[];
  /** When given, each database and its user really exist in it. */
  mariadb?: MariaDB;
  /** Default "newer". */
  errorShape?: ErrorShape;
  /** Requests per window and token; default 60 per 60 s, as the document says. */
  rateLimit?: { limit?: number; windowMs?: number };
  port?: number;
}

export interface WisPanelSandbox extends ChaosControls {
  /** The panel's address, e.g. "https://127.0.0.1:41234"; the API is under /api/v1. */
  readonly url: string;
  /** The CA (PEM) that signed the sandbox's certificate: what hosting:wispanelCaCertificate takes. */
  readonly ca: string;
  /** The first user's API key. */
  readonly token: string;
  /** username -> API key. */
  readonly tokens: Record<string, string>;
  readonly store: Map<string, DatabaseRecord>;
  /** Every phpMyAdmin login handed out, in order. */
  readonly logins: PhpMyAdminLogin[];
  readonly requests: ServedRequest[];
  readonly rateLimiter: FixedWindowRateLimiter;
  injectFault(fault: InjectedFault): void;
  close(): Promise<void>;
}

const BEARER = /^Bearer (\S{1,512})$/;

export function newApiKey(): string {
  return `wsp_${randomBytes(24).toString("hex")}`;
}

export async function startWisPanelSandbox(options: WisPanelSandboxOptions = {}): Promise<WisPanelSandbox> {
  const users = (options.users ?? [{ username: "john" }]).map((u) => ({ username: u.username, role: u.role ?? "user", token: u.token ?? newApiKey() }));
  for (const user of users) recordSecret(`WisPanel sandbox: ${user.username}'s API token`, user.token);
  const byToken = new Map<string, WisPanelUser>(users.map((u) => [u.token, { username: u.username, role: u.role }]));
  const shape = options.errorShape ?? "newer";
  const state: WisPanelState = { store: new Map(), mysql: options.mariadb ? mariadbSide(options.mariadb) : noMysql, shape, logins: [] };
  const limiter = new FixedWindowRateLimiter({
    limit: options.rateLimit?.limit ?? 60,
    windowMs: options.rateLimit?.windowMs ?? 60_000,
    reset: "unix",
    message: (limit, windowMs) => `Rate limit exceeded: at most ${limit} requests per ${windowMs / 1000} seconds per API token`,
  });
  const definition: EmulatorDefinition<WisPanelUser> = {
    name: "WisPanel",
    basePath: "/api/v1",
    authenticate(request) {
      const header = request.headers.authorization;
      if (!header) throw new EmulatorError(401, "Missing authorization");
      const user = byToken.get(BEARER.exec(header)?.[1] ?? "");
      if (!user) throw new EmulatorError(401, "Invalid or missing API key");
      return user;
    },
    errorBody: wispanelErrorBody(shape),
    routes: databaseRoutes(state),
    rateLimit: limiter.hook(),
  };
  const certificates = makeTestCertificates("WisPanel Sandbox CA");
  // The document's form: no Retry-After, X-RateLimit-Reset the Unix time the window ends.
  const chaos = new Chaos((seconds) => ({ "X-RateLimit-Limit": String(limiter.limit), "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": String(Math.ceil(Date.now() / 1000) + seconds) }));
  const emulator = await startEmulator(definition, { port: options.port, tls: certificates, chaos });
  return {
    url: new URL(emulator.url).origin,
    ca: certificates.ca,
    token: users[0]!.token,
    tokens: Object.fromEntries(users.map((u) => [u.username, u.token])),
    store: state.store,
    logins: state.logins,
    requests: emulator.requests,
    chaos: emulator.chaos,
    chaosOff: emulator.chaosOff,
    faultLog: emulator.faultLog,
    rateLimiter: limiter,
    injectFault: (fault) => emulator.injectFault(fault),
    close: () => emulator.close(),
  };
}
