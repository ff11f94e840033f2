// A Linux hosting's settings through the real plugin process against the Combell sandbox, on the
// shared lifecycle table: adopted at create, only what changed sent on update (Let's Encrypt
// before HTTP/2 and the redirect), refused before anything changes where the hosting cannot take
// it, and left as they are by destroy. Also getLinuxHostings and getPhpVersions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Deployment } from "../harness/deployment";
import { startCombellEnvironment, type CombellEnvironment } from "../support/combell-environment";
import { describeLifecycle } from "../support/lifecycle";

const SETTINGS = "hosting:combell:LinuxHostingSettings";
const ACCOUNT = "hosting:combell:Account";
const D = "settings.example.com";
const WWW = `www.${D}`;

let env: CombellEnvironment;

beforeAll(async () => {
  env = await startCombellEnvironment();
  const fixtures = new Deployment(env.plugin, "fixtures");
  for (const identifier of [D, "other.example.com", "half.example.com"]) {
    await fixtures.register(ACCOUNT, identifier, { identifier, servicepackId: 3001 });
  }
});

afterAll(async () => {
  await env?.stop();
});

const world = () => env;
const hosting = (domain = D) => env.sandbox.store.linuxHostings.get(domain)!;
const site = (domain = D) => hosting(domain).sites[0];
const writes = (since: number) => env.sandbox.requests.slice(since).filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path.replace(/^\/v2\/linuxhostings\/[^/]+/, "")}`);

const settings = (extra: Record<string, unknown> = {}) => ({
  domainName: D,
  phpVersion: "8.3",
  gzipCompression: false,
  phpMemoryLimit: 512,
  apcu: { enabled: true, sizeMb: 64 },
  http2: { [D]: true },
  letsEncrypt: { [D]: true, [WWW]: true },
  autoRedirect: { [D]: true, [WWW]: true },
  ftpEnabled: false,
  sshEnabled: true,
  ...extra,
});
let since = 0;

describeLifecycle({
  type: SETTINGS,
  name: "settings",
  world,
  create: {
    inputs: () => {
      since = env.sandbox.requests.length;
      return settings();
    },
    verify: (state) => {
      expect(state.id).toBe(D);
      expect(hosting()).toMatchObject({ php_version: "8.3", gzip_enabled: false, php_memory_limit: 512, apcu: { enabled: true, apcu_size: 64 }, ftp_enabled: false, ssh_enabled: true });
      expect(site()).toMatchObject({ ssl_enabled: true, http2_enabled: true, https_redirect_enabled: true, letsencrypt_hostnames: [D, WWW] });
      // Every setting has its own call; Let's Encrypt comes before what needs SSL.
      expect(writes(since)).toEqual([
        "PUT /phpsettings/version",
        "PUT /settings/gzipcompression",
        "PUT /phpsettings/memorylimit",
        "PUT /phpsettings/apcu",
        "PUT /ftp/configuration",
        "PUT /ssh/configuration",
        `PUT /sslsettings/${D}/letsencrypt`,
        `PUT /sslsettings/${WWW}/letsencrypt`,
        `PUT /sites/${D}/http2/configuration`,
        `PUT /sslsettings/${D}/autoredirect`,
        `PUT /sslsettings/${WWW}/autoredirect`,
      ]);
      expect(state.outputs.sites).toEqual([{ name: D, hostNames: [D, WWW], sslEnabled: true }]);
      expect(state.outputs).toMatchObject({ ftpUsername: D, sshHost: `ssh.${D}`, sshUsername: D });
    },
  },
  updates: [
    {
      title: "only what changed: the PHP version and the APCu size",
      inputs: () => {
        since = env.sandbox.requests.length;
        return settings({ phpVersion: "8.1", apcu: { enabled: true, sizeMb: 128 } });
      },
      diff: { phpVersion: "update", "apcu.sizeMb": "update" },
      verify: () => {
        expect(writes(since)).toEqual(["PUT /phpsettings/version", "PUT /phpsettings/apcu"]);
        expect(hosting()).toMatchObject({ php_version: "8.1", apcu: { enabled: true, apcu_size: 128 } });
      },
    },
    {
      title: "one host name's Let's Encrypt, key by key",
      inputs: () => {
        since = env.sandbox.requests.length;
        return settings({ phpVersion: "8.1", apcu: { enabled: true, sizeMb: 128 }, letsEncrypt: { [D]: true, [WWW]: false } });
      },
      diff: { [`letsEncrypt["${WWW}"]`]: "update" },
      verify: () => {
        expect(writes(since)).toEqual([`PUT /sslsettings/${WWW}/letsencrypt`]);
        expect(site()).toMatchObject({ ssl_enabled: true, letsencrypt_hostnames: [D] });
      },
    },
  ],
  steps: [
    {
      title: "refuses a PHP version the hosting does not offer before anything changes, naming the available ones",
      run: async ({ up }) => {
        const before = env.sandbox.requests.length;
        const error = await up(settings({ phpVersion: "5.6", gzipCompression: true, apcu: { enabled: true, sizeMb: 128 }, letsEncrypt: { [D]: true, [WWW]: false } })).catch((e) => e);
        expect(error.message).toMatch(`phpVersion: is not available on Linux hosting ${D}; available: 7.4, 8.0, 8.1, 8.2, 8.3`);
        expect(writes(before)).toEqual([]);
        expect(hosting().gzip_enabled).toBe(false);
      },
    },
    {
      title: "refuses sites and host names the hosting does not have, and host names of one site that disagree on the redirect",
      run: async ({ up }) => {
        const before = env.sandbox.requests.length;
        const error = await up(settings({ http2: { "nosuch.example.com": true }, autoRedirect: { [D]: true, [WWW]: false } })).catch((e) => e);
        expect(error.message).toContain(`http2["nosuch.example.com"]: is not a site of Linux hosting ${D}; its sites: ${D}`);
        expect(error.message).toContain(`autoRedirect["${WWW}"]: must be the same as autoRedirect["${D}"]: Combell keeps one HTTPS redirect per site`);
        expect(writes(before)).toEqual([]);
      },
    },
    {
      title: "a setting the program stops setting is no change and is left as it is; refresh no longer reports it",
      run: async ({ up, state }) => {
        const { ftpEnabled: _ftp, ...rest } = settings({ phpVersion: "8.1", apcu: { enabled: true, sizeMb: 128 }, letsEncrypt: { [D]: true, [WWW]: false } });
        const before = env.sandbox.requests.length;
        expect((await up(rest)).op).toBe("same");
        expect(writes(before)).toEqual([]);
        expect(hosting().ftp_enabled).toBe(false);
        hosting().ftp_enabled = true;
        await env.deployment.refresh(state().urn);
        expect(state().inputs).not.toHaveProperty("ftpEnabled");
        expect((await up(rest)).op).toBe("same");
        // Set again, it is managed again: the change made meanwhile is undone.
        const again = await up(settings({ phpVersion: "8.1", apcu: { enabled: true, sizeMb: 128 }, letsEncrypt: { [D]: true, [WWW]: false } }));
        expect(again.diff!.detailedDiff).toEqual({ ftpEnabled: "add" });
        expect(hosting().ftp_enabled).toBe(false);
      },
    },
  ],
  outOfBand: {
    // Let's Encrypt switched off in the control panel takes SSL, HTTP/2 and the redirect with it.
    change: () => {
      Object.assign(site(), { letsencrypt_hostnames: [], ssl_enabled: false, http2_enabled: false, https_redirect_enabled: false });
      hosting().php_version = "7.4";
      hosting().gzip_enabled = true;
    },
    diff: {
      phpVersion: "update",
      [`letsEncrypt["${D}"]`]: "update",
      [`http2["${D}"]`]: "update",
      [`autoRedirect["${D}"]`]: "update",
      [`autoRedirect["${WWW}"]`]: "update",
    },
    verify: () => {
      expect(hosting().php_version).toBe("8.1");
      expect(site()).toMatchObject({ ssl_enabled: true, http2_enabled: true, https_redirect_enabled: true, letsencrypt_hostnames: [D] });
      // GZIP cannot be read back: the change made outside Pulumi stays unseen.
      expect(hosting().gzip_enabled).toBe(true);
    },
  },
  importUnreadable: ["gzipCompression", "phpMemoryLimit", "apcu", "letsEncrypt", "sshEnabled"],
  exists: (id) => env.sandbox.store.linuxHostings.has(id),
  destroyForgets: { warning: new RegExp(`the settings of Linux hosting ${D.replaceAll(".", "\\.")} stay as they are`) },
});

describe("LinuxHostingSettings beyond the table", () => {
  it("refuses at Check, before any request, an APCu without its size and limits that are not positive", async () => {
    const before = env.sandbox.requests.length;
    const error = await env.deployment
      .register(SETTINGS, "checked", { domainName: D, phpMemoryLimit: 0, apcu: { enabled: true } }, { preview: true })
      .catch((e) => e);
    expect(error.message).toMatch(/phpMemoryLimit: must be a positive number of MB/);
    expect(error.message).toMatch(/apcu\.sizeMb: is required while APCu is enabled/);
    expect(env.sandbox.requests.length).toBe(before);
  });

  it("adopts only a hosting that exists, naming domainName", async () => {
    const error = await env.deployment.register(SETTINGS, "none", { domainName: "nohosting.example.com", phpVersion: "8.2" }).catch((e) => e);
    expect(error.message).toMatch(/domainName: Combell has no Linux hosting nohosting\.example\.com/);
    expect(error.initFailure).toBeUndefined();
  });

  it("replaces the settings of one hosting by another's, leaving the first as it was", async () => {
    const d = env.deployment;
    await d.register(SETTINGS, "moving", { domainName: "other.example.com", phpVersion: "8.0" });
    const step = await d.register(SETTINGS, "moving", { domainName: "half.example.com", phpVersion: "8.0" });
    expect(step.op).toBe("replace");
    expect(step.diff!.detailedDiff).toEqual({ domainName: "update-replace" });
    expect(hosting("other.example.com").php_version).toBe("8.0");
    expect(hosting("half.example.com").php_version).toBe("8.0");
    await d.delete(step.urn);
  });

  it("a create that fails half-way is recorded without the write-only settings not yet sent, and the next up sends them", async () => {
    const d = env.deployment;
    env.sandbox.injectFault({ method: "PUT", path: /\/phpsettings\/memorylimit$/, status: 400, body: { validation_errors: [{ error_code: "out_of_range", error_text: "memory_limit is too high" }] } });
    const inputs = { ...settings({ domainName: "half.example.com", http2: { "half.example.com": true }, letsEncrypt: { "half.example.com": true }, autoRedirect: { "half.example.com": true } }) };
    const error = await d.register(SETTINGS, "half", inputs).catch((e) => e);
    expect(error.message).toMatch(/^created half\.example\.com, but then: Combell LinuxHostingSettings "half": phpMemoryLimit "512" is outside the range Combell allows; choose a value within the range it names \(phpMemoryLimit: Combell refused it: memory_limit is too high/);
    expect(error.initFailure.id).toBe("half.example.com");
    const recorded = d.state.get(d.urn(SETTINGS, "half"))!.outputs;
    expect(recorded).toMatchObject({ phpVersion: "8.3", gzipCompression: false });
    expect(recorded).not.toHaveProperty("phpMemoryLimit");
    expect(recorded).not.toHaveProperty("sshEnabled");
    const retry = await d.register(SETTINGS, "half", inputs);
    expect(retry.op).toBe("update");
    expect(Object.keys(retry.diff!.detailedDiff).sort()).toEqual(['http2["half.example.com"]', "apcu", 'autoRedirect["half.example.com"]', "ftpEnabled", "letsEncrypt", "phpMemoryLimit", "sshEnabled"].sort());
    expect(hosting("half.example.com")).toMatchObject({ php_memory_limit: 512, ssh_enabled: true, ftp_enabled: false });
    expect(site("half.example.com")).toMatchObject({ ssl_enabled: true, http2_enabled: true, https_redirect_enabled: true });
  });
});

describe("getLinuxHostings", () => {
  it("lists every hosting of the reseller's accounts", async () => {
    const { result } = await env.plugin.invoke("hosting:combell:getLinuxHostings", {});
    expect((result.hostings as { domainName: string }[]).map((h) => h.domainName)).toEqual(expect.arrayContaining([D, "other.example.com", "half.example.com"]));
    expect((result.hostings as object[])[0]).toEqual({ domainName: expect.any(String), servicepackId: 3001 });
  });
});

describe("getPhpVersions", () => {
  it("lists a hosting's available versions, following every page", async () => {
    hosting("other.example.com").available_php_versions = Array.from({ length: 30 }, (_, i) => `8.${i}`);
    const before = env.sandbox.requests.length;
    const { result } = await env.plugin.invoke("hosting:combell:getPhpVersions", { domainName: "other.example.com" });
    expect(result.versions).toEqual(Array.from({ length: 30 }, (_, i) => `8.${i}`));
    expect(env.sandbox.requests.slice(before).filter((r) => r.path.endsWith("/availableversions")).length).toBe(2);
  });
});
