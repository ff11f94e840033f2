// No secret of the reseller API backend shows in plain text anywhere a user or a CI log sees it:
// the API secret (config or COMBELL_API_SECRET), an Account's ftpPassword, a MysqlDatabase's and
// a Mailbox's password (and their changes), a Domain's transferAuthCode. Checked in the state and outputs (only
// as secrets), engine log lines, error messages (property errors and recorded partial states
// included) and the plugin's stderr, through the real plugin process against the Combell
// sandbox, also when the sandbox echoes what it was sent in its error.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { PluginProcess } from "../harness/plugin";
import type { EmulatorRequest } from "../sandbox/base";
import { startCombellEnvironment, type CombellEnvironment } from "../support/combell-environment";
import { expectNoneShown, jsonEscaped, shownBy, visibleIn } from "../support/secret-exposure";
import { isSecret, plainText, reveal, secret } from "../support/secrets";

const ACCOUNT = "hosting:combell:Account";
const MYSQL_DATABASE = "hosting:combell:MysqlDatabase";
const DOMAIN = "hosting:combell:Domain";
const MAILBOX = "hosting:combell:Mailbox";
const HOSTING_PACK = 3001;
/** A piece of a secret this long, cut from anywhere in it, is a leak too. */

let env: CombellEnvironment;
let accountId = 0;

beforeAll(async () => {
  env = await startCombellEnvironment();
  const fixtures = new Deployment(env.plugin, "fixtures");
  accountId = Number((await fixtures.register(ACCOUNT, "base", { identifier: "secrets-base.be", servicepackId: HOSTING_PACK })).state!.id);
});

afterAll(async () => {
  await env?.stop();
});

/** What the sandbox was sent, as JSON and as the raw text. */
const sent = (request: EmulatorRequest) => JSON.parse(request.body.toString("utf8"));
const rawBody = (request: EmulatorRequest) => request.body.toString("utf8");


/** None of the values (nor the API secret) shows, whole or as a piece: as sent, JSON-escaped, or with its whitespace squashed. */
const expectHidden = (text: string, values: string[]) =>
  expectNoneShown(text, [...values, env.sandbox.apiSecret], (value) => [value, jsonEscaped(value), value.replace(/\s+/g, " ")]);

describe("create, update, preview, refresh and import", () => {
  it("hold the secrets only as secrets in the state and outputs, and no log line or stderr shows them", async () => {
    const d = env.deployment;
    const ftpPassword = "Ftp-s3cret-Alpha9";
    const passwords = ["Db-s3cret-Bravo17", "Db-s3cret-Charlie2"];
    const authCode = "Auth/Code-Delta#4711";
    const mailPasswords = ["Mail-s3cret-Echo1", "Mail-s3cret-Fox22"];
    const account = { identifier: "secrets-shop.be", servicepackId: HOSTING_PACK, ftpPassword };
    const shop = await d.register(ACCOUNT, "shop", account);
    const shopId = Number(shop.state!.id);
    // The values really went to the API: the test is not about secrets never sent.
    expect(env.sandbox.store.accounts.get(shopId)!.ftp_password).toBe(ftpPassword);
    const database = { databaseName: "secrets", accountId: shopId, password: secret(passwords[0]) };
    const created = await d.register(MYSQL_DATABASE, "db", database);
    const id = created.state!.id;
    const changed = { ...database, password: passwords[1] };
    expect((await d.register(MYSQL_DATABASE, "db", changed, { preview: true })).diff!.detailedDiff).toEqual({ password: "update" });
    expect((await d.register(MYSQL_DATABASE, "db", changed)).op).toBe("update");
    expect(await env.mariadb.canLogin(created.state!.outputs.userName as string, passwords[1], id)).toBe(true);
    const mailbox = { emailAddress: "info@secrets-base.be", accountId, password: mailPasswords[0] };
    await d.register(MAILBOX, "info", mailbox);
    const newMail = { ...mailbox, password: secret(mailPasswords[1]) };
    expect((await d.register(MAILBOX, "info", newMail)).op).toBe("update");
    expect(env.sandbox.store.mailboxes.get("info@secrets-base.be")!.password).toBe(mailPasswords[1]);
    const domain = { domainName: "secrets-transfer.be", transferAuthCode: authCode };
    await d.register(DOMAIN, "moved", domain);
    expect(env.sandbox.store.domains.get("secrets-transfer.be")).toMatchObject({ origin: "transfer", auth_code: authCode });
    for (const urn of [...d.state.keys()]) expect((await d.refresh(urn)).op).toBe("refresh");

    const imports = new Deployment(env.plugin, "imports");
    await imports.import(ACCOUNT, "shop", String(shopId), account);
    await imports.import(MYSQL_DATABASE, "db", id, changed);
    await imports.import(DOMAIN, "moved", "secrets-transfer.be", domain);
    await imports.import(MAILBOX, "info", "info@secrets-base.be", newMail);

    const states = [...d.state.values(), ...imports.state.values()];
    for (const state of states) {
      for (const key of ["ftpPassword", "password", "transferAuthCode"]) {
        if (key in state.outputs) expect(isSecret(state.outputs[key]), `${state.urn} ${key}`).toBe(true);
        if (key in state.inputs) expect(isSecret(state.inputs[key]), `${state.urn} input ${key}`).toBe(true);
      }
    }
    expect(reveal(d.state.get(d.urn(MYSQL_DATABASE, "db"))!.outputs.password)).toBe(passwords[1]);
    // An import takes the write-only values from the program, still as secrets.
    expect(reveal(imports.state.get(imports.urn(DOMAIN, "moved"))!.inputs.transferAuthCode)).toBe(authCode);
    expectHidden(visibleIn(env.plugin, ...states.map((s) => plainText(s.outputs) + plainText(s.inputs))), [ftpPassword, ...passwords, authCode, ...mailPasswords]);
  });
});

describe("an API that echoes the secret it was sent in its error", () => {
  it("a 400 naming the FTP password: the property error shows the refusal, masked", async () => {
    const ftpPassword = "Ftp-s3cret-Echo42";
    env.sandbox.injectFault({
      method: "POST",
      path: /^\/v2\/accounts$/,
      status: 400,
      body: (r) => ({ validation_errors: [{ error_code: "invalid_value", error_text: `"ftp_password" ${sent(r).ftp_password} is too easy to guess.` }] }),
    });
    const error = await env.deployment.register(ACCOUNT, "echoed", { identifier: "secrets-echo.be", servicepackId: HOSTING_PACK, ftpPassword }).catch((e) => e);
    expect(error.propertyErrors).toEqual([{ property: "ftpPassword", reason: 'Combell refused it: "ftp_password" *** is too easy to guess. (invalid_value)' }]);
    expectHidden(visibleIn(env.plugin, shownBy(error)), [ftpPassword]);
  });

  it("a database's password in a 500's multi-line trace, in a 400 echoing the raw body, and in a 500 that is retried", async () => {
    const d = env.deployment;
    const passwords = ["Db-s3cret-Trace55", "Db-s3cret-Raw666", "Db-s3cret-Retry77"];
    env.sandbox.injectFault({
      method: "POST",
      path: /^\/v2\/mysqldatabases$/,
      status: 500,
      body: (r) => ({
        error_code: "internal_server_error",
        error_text: `System.InvalidOperationException: CREATE USER failed\r\n   at Mysql.CreateUser(password: ${sent(r).password})\r\n   at Provisioning.Run()`,
      }),
    });
    const database = { databaseName: "echoes", accountId };
    // A 500 may hide a create that happened: a short timeout keeps the look for it short.
    const trace = await d.register(MYSQL_DATABASE, "echoes", { ...database, password: passwords[0] }, { timeout: 2 }).catch((e) => e);
    expect(trace.message).toMatch(/failed with 500 Internal Server Error: System\.InvalidOperationException: CREATE USER failed at Mysql\.CreateUser\(password: \*\*\*\) at/);
    expect(d.state.has(d.urn(MYSQL_DATABASE, "echoes"))).toBe(false);

    await d.register(MYSQL_DATABASE, "echoes", { ...database, password: passwords[0] });
    const password = /\/users\/[^/]+\/password$/;
    env.sandbox.injectFault({
      method: "PUT",
      path: password,
      status: 400,
      body: (r) => ({ validation_errors: [{ error_code: "invalid_value", error_text: `Could not use ${rawBody(r)}` }] }),
    });
    const raw = await d.register(MYSQL_DATABASE, "echoes", { ...database, password: passwords[1] }).catch((e) => e);
    expect(shownBy(raw)).toContain('Could not use {"password":"***"}');

    env.sandbox.injectFault({ method: "PUT", path: password, status: 500, body: (r) => ({ error_code: "internal_server_error", error_text: `lost ${rawBody(r)}` }) });
    expect((await d.register(MYSQL_DATABASE, "echoes", { ...database, password: passwords[2] })).op).toBe("update");
    expect(env.plugin.logs.map((l) => l.message)).toContainEqual(expect.stringMatching(/failed with 500 Internal Server Error: lost \{"password":"\*\*\*"\} \(internal_server_error\); retrying in/));
    expectHidden(visibleIn(env.plugin, shownBy(trace), shownBy(raw)), passwords);
  });

  it("a mailbox's new password in a 400 echoing the raw body: the property error shows the refusal, masked", async () => {
    const d = env.deployment;
    const passwords = ["Mail-s3cret-Golf33", "Mail-s3cret-Hotel4"];
    const mailbox = { emailAddress: "echo@secrets-base.be", accountId, password: passwords[0] };
    await d.register(MAILBOX, "echo", mailbox);
    env.sandbox.injectFault({
      method: "PUT",
      path: /^\/v2\/mailboxes\/[^/]+\/password$/,
      status: 400,
      body: (r) => ({ validation_errors: [{ error_code: "invalid_value", error_text: `"password" in ${rawBody(r)} was used before.` }] }),
    });
    const error = await d.register(MAILBOX, "echo", { ...mailbox, password: passwords[1] }).catch((e) => e);
    expect(error.propertyErrors).toEqual([{ property: "password", reason: 'Combell refused it: "password" in {"password":"***"} was used before. (invalid_value)' }]);
    expectHidden(visibleIn(env.plugin, shownBy(error), plainText(d.state.get(d.urn(MAILBOX, "echo"))!.outputs)), passwords);
  });

  it("a transfer code with a newline, one of 700 characters past the 500 a message keeps, one JSON-escaped, and one the API cut at either end", async () => {
    const d = env.deployment;
    const long = randomBytes(350).toString("hex");
    const cases = [
      { code: "Auth-Line-One\nAuth-Line-Two", status: 500, echo: (code: string) => `transfer refused for code ${code} by the registry` },
      { code: long, status: 500, echo: (code: string) => `${"The registry refused the transfer. ".repeat(13)}Code: ${code}` },
      { code: 'Auth"Quoted\\Code\n77', status: 500, echo: (_code: string, r: EmulatorRequest) => `could not process ${rawBody(r)}` },
      { code: long, status: 400, echo: (code: string) => `"auth_code" "${code.slice(0, 64)}..." (${code.length} characters) is not valid.` },
      { code: long, status: 500, echo: (code: string) => `the code ending "...${code.slice(-40)}" was refused` },
    ];
    const shown: string[] = [];
    for (const { code, status, echo } of cases) {
      env.sandbox.injectFault({ method: "POST", path: /^\/v2\/domains\/transfers$/, status, body: (r) => ({ error_code: "refused", error_text: echo(sent(r).auth_code, r) }) });
      // A 500 may hide a transfer that started: a short timeout keeps the look for it short.
      const error = await d.register(DOMAIN, "echoed", { domainName: "secrets-echo.be", transferAuthCode: code }, { timeout: 2 }).catch((e) => e);
      expect(shownBy(error)).toMatch(status === 400 ? /transferAuthCode: Combell refused it: "auth_code" "\*\*\*\.\.\." \(700 characters\)/ : /Combell API POST \/v2\/domains\/transfers failed with 500 Internal Server Error: .*\*\*\*/);
      shown.push(shownBy(error));
    }
    expect(d.state.has(d.urn(DOMAIN, "echoed"))).toBe(false);
    expectHidden(visibleIn(env.plugin, ...shown), cases.map((c) => c.code));
  });
});

describe("a create with a secret that does not finish: a provisioning job that fails or outlasts the wait, a setting refused after it", () => {
  it("an account whose job fails, polled through a 503 that names the password: error, warning and retry line show none of it", async () => {
    const ftpPassword = "Ftp-s3cret-Failed8";
    env.sandbox.failNextJob("failed");
    env.sandbox.injectFault({ method: "GET", path: /^\/v2\/provisioningjobs\//, status: 503, body: { error_code: "busy", error_text: `the job with ftp_password ${ftpPassword} is busy` } });
    const error = await env.deployment.register(ACCOUNT, "failing", { identifier: "secrets-failing.be", servicepackId: HOSTING_PACK, ftpPassword }).catch((e) => e);
    expect(error.message).toMatch(/^Combell provisioning job [0-9a-f-]{36} \(create account secrets-failing\.be\) ended with status "failed"/);
    expect(error.initFailure).toBeUndefined();
    expect(env.plugin.logs.map((l) => l.message)).toContainEqual(expect.stringMatching(/failed with 503 Service Unavailable: the job with ftp_password \*\*\* is busy/));
    expectHidden(visibleIn(env.plugin, shownBy(error)), [ftpPassword]);
  });

  it("a database that exists when the wait gives up: recorded with its password as a secret only, and the next up finishes it", async () => {
    const d = env.deployment;
    const password = "Db-s3cret-Partial9";
    env.sandbox.injectFault({ method: "GET", path: /^\/v2\/provisioningjobs\//, delayMs: 4000 });
    const inputs = { databaseName: "partial", accountId, password };
    const error = await d.register(MYSQL_DATABASE, "partial", inputs, { timeout: 2 }).catch((e) => e);
    expect(error.message).toMatch(/^created ID\d+_partial, but then: Timed out waiting for Combell provisioning job/);
    const recorded = d.state.get(d.urn(MYSQL_DATABASE, "partial"))!;
    expect(recorded.id).toBe(error.initFailure.id);
    expect(isSecret(error.initFailure.properties.password)).toBe(true);
    expect(reveal(error.initFailure.properties.password)).toBe(password);
    expectHidden(visibleIn(env.plugin, shownBy(error), plainText(recorded.outputs), plainText(recorded.inputs)), [password]);
    const next = await d.register(MYSQL_DATABASE, "partial", inputs);
    expect(next.op).toBe("update");
    expect(isSecret(next.state!.outputs.password)).toBe(true);
    expect(await env.mariadb.canLogin(recorded.id, password, recorded.id)).toBe(true);
    expectHidden(visibleIn(env.plugin, plainText(next.state!.outputs)), [password]);
  });

  it("a mailbox created, then its auto-reply refused with its password named: recorded with the password as a secret only", async () => {
    const d = env.deployment;
    const password = "Mail-s3cret-India5";
    env.sandbox.injectFault({ method: "PUT", path: /\/autoreply$/, status: 400, body: { validation_errors: [{ error_code: "invalid_value", error_text: `"message" may not contain the password ${password}.` }] } });
    const inputs = { emailAddress: "away@secrets-base.be", accountId, password, autoReply: { enabled: true, subject: "Away", message: "Back soon." } };
    const error = await d.register(MAILBOX, "away", inputs).catch((e) => e);
    expect(error.message).toMatch(/^created away@secrets-base\.be, but then: .*"message" may not contain the password \*\*\*\./);
    const recorded = d.state.get(d.urn(MAILBOX, "away"))!;
    expect(isSecret(recorded.outputs.password)).toBe(true);
    expectHidden(visibleIn(env.plugin, shownBy(error), plainText(recorded.outputs), plainText(recorded.inputs)), [password]);
    expect((await d.register(MAILBOX, "away", inputs)).op).toBe("update");
    expect(env.sandbox.store.mailboxes.get("away@secrets-base.be")!.auto_reply).toMatchObject({ enabled: true });
  });
});

describe("the API secret", () => {
  it("a wrong one from COMBELL_API_SECRET: the 401 says what to check and shows neither it nor the right one", async () => {
    const wrong = `wrong-${randomBytes(24).toString("base64url")}`;
    const plugin = await PluginProcess.start({ env: { COMBELL_API_SECRET: wrong } });
    try {
      await plugin.configure({ "hosting:config:combellApiKey": env.sandbox.apiKey, "hosting:config:combellEndpoint": env.sandbox.url });
      const error = await new Deployment(plugin).register(ACCOUNT, "wrong", { identifier: "secrets-wrong.be", servicepackId: HOSTING_PACK }).catch((e) => e);
      expect(error.message).toMatch(/failed with 401 Unauthorized: Invalid signature\..*check hosting:combellApiKey and hosting:combellApiSecret/);
      expectHidden(visibleIn(plugin, shownBy(error)), [wrong]);
    } finally {
      await plugin.stop();
    }
  });

  it("a 401 that echoes the request's signature and the secret itself shows neither", async () => {
    env.sandbox.injectFault({
      method: "GET",
      path: /^\/v2\/accounts\//,
      status: 401,
      body: (r) => ({ error_code: "unauthorized", error_text: `Authorization ${r.headers.authorization} refused (secret on file: ${env.sandbox.apiSecret})` }),
    });
    const fixtures = new Deployment(env.plugin, "fixtures");
    const error = await fixtures.import(ACCOUNT, "again", String(accountId)).catch((e) => e);
    const signature = env.sandbox.requests.filter((r) => r.status === 401).at(-1)!.headers.authorization!.split(":")[1];
    expect(error.message).toMatch(/failed with 401 Unauthorized: Authorization \*\*\* refused \(secret on file: \*\*\*\)/);
    expect(error.message).not.toContain(signature);
    expectHidden(visibleIn(env.plugin, shownBy(error)), []);
  });

  it("shows nowhere in what the plugin said during this whole file", () => {
    expectHidden(visibleIn(env.plugin), []);
  });
});
