// Linux hostings, SSH keys and mailboxes in the Combell sandbox: the detail a
// hosting shows, the settings routes and their rules, SSH fingerprints as
// ssh-keygen computes them, and mailboxes as the OpenAPI defines them.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startCombellSandbox, type CombellSandbox } from "./combell";
import { combellClient, provision, type Answer, type Call } from "./combell-test-client";

let counter = 0;
const uniqueDomain = (prefix = "h") => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}.be`;

// Made with `ssh-keygen -t ed25519` / `-t rsa -b 2048`; fingerprints from `ssh-keygen -l -E md5`.
const ED25519_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFeckW6xwhA1E3TE1UBWQzVbiFYrJRqHbe2bGi99ncXA t@h";
const ED25519_MD5 = "2d:82:77:d2:be:27:4c:e3:f4:e7:1e:69:5e:2d:ad:45";
const RSA_KEY =
  "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDGfjF3mkPwqi1yOwNSiGKtTfQzCE13GEz546qyoggfnCcmXk7Bf1mfNGCFHMDg6WWBJ3o2K3rFrQ5xRXcLemWaPI6bNWxG+G9ePHpn3L/31Nun79Qau34eWND7SxhCkZxdRxMskwQ2VIM+CrrVCBy/DpZyx8ARupSg26yZTskdZqYNguKfTW42LOZarrcnDSACmKiwq4dkW4B9SKZyDuYucEiuzCnaodjhWb+PO7aA7spe/uUAgMCfCpxiWHXnrCKyqgiqhnvLw6zSDq50UXX6D+IvSFFsRe8y7S70O/XfGZQgXA3PrTDhlVKF47FCly6iIklJkbRXAQMQUZjyzh1j rsa@h";
const RSA_MD5 = "2c:a8:2b:bf:57:b5:04:f0:2d:ed:37:3e:a5:69:98:8a";

function expectInvalid(answer: Answer, expected: Array<[field: string, code: string]>): void {
  expect(answer.status, answer.text).toBe(400);
  expect(answer.body.validation_errors.map((e: any) => [e.error_text.match(/^"([^"]+)"/)?.[1], e.error_code])).toEqual(expected);
}

describe("Combell sandbox: Linux hostings, SSH and mailboxes", () => {
  let sandbox: CombellSandbox;
  let api: Call;
  let domain: string;
  let accountId: number;

  beforeAll(async () => {
    sandbox = await startCombellSandbox({ jobDurationMs: 20 });
    api = combellClient(sandbox);
    domain = uniqueDomain();
    const done = await provision(api, "/accounts", { identifier: domain, servicepack_id: 3001, ftp_password: "ftpPass123" });
    accountId = Number(done.body.resource_links[0].split("/").pop());
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  const path = (rest = "") => `/linuxhostings/${domain}${rest}`;

  describe("Linux hostings", () => {
    it("shows a hosting created with its account, with its site and host names", async () => {
      expect((await api("GET", "/linuxhostings")).body).toContainEqual({ domain_name: domain, servicepack_id: 3001 });
      const detail = await api("GET", path());
      expect(detail.body).toEqual({
        domain_name: domain, servicepack_id: 3001, max_webspace_size: 10240, max_size: 10240, webspace_usage: 0, actual_size: 0,
        ip: expect.stringMatching(/^10\./), ip_type: "shared", ftp_enabled: true, ftp_username: domain,
        ssh_host: `ssh.${domain}`, ssh_username: domain, php_version: "8.2",
        sites: [{
          name: domain, path: "/www",
          host_headers: [{ name: domain, enabled: true }, { name: `www.${domain}`, enabled: true }],
          ssl_enabled: false, https_redirect_enabled: false, http2_enabled: false,
        }],
        mysql_database_names: [],
      });
      expect((await api("GET", "/linuxhostings/nothere.be")).status).toBe(404);
    });

    it("changes the PHP version only to an available one", async () => {
      const versions = await api("GET", path("/phpsettings/availableversions"));
      expect(versions.body).toEqual(["7.4", "8.0", "8.1", "8.2", "8.3"].map((version) => ({ version })));
      expect((await api("PUT", path("/phpsettings/version"), { version: "8.3" })).status).toBe(204);
      expect((await api("GET", path())).body.php_version).toBe("8.3");
      const refused = await api("PUT", path("/phpsettings/version"), { version: "5.6" });
      expectInvalid(refused, [["version", "invalid_value"]]);
      expect(refused.body.validation_errors[0].error_text).toContain("7.4, 8.0, 8.1, 8.2, 8.3");
      expectInvalid(await api("PUT", path("/phpsettings/version"), { version: 8.3 }), [["version", "invalid_type"]]);
    });

    it("sets GZIP, the memory limit, APCu, FTP and SSH, answering 204", async () => {
      expect((await api("PUT", path("/settings/gzipcompression"), { enabled: false })).status).toBe(204);
      expect((await api("PUT", path("/phpsettings/memorylimit"), { memory_limit: 512 })).status).toBe(204);
      expect((await api("PUT", path("/phpsettings/apcu"), { enabled: true, apcu_size: 64 })).status).toBe(204);
      expect((await api("PUT", path("/ftp/configuration"), { enabled: false })).status).toBe(204);
      expect((await api("PUT", path("/ssh/configuration"), { enabled: true })).status).toBe(204);
      expect(sandbox.store.linuxHostings.get(domain)).toMatchObject({
        gzip_enabled: false, php_memory_limit: 512, apcu: { enabled: true, apcu_size: 64 }, ftp_enabled: false, ssh_enabled: true,
      });
      expect((await api("GET", path())).body.ftp_enabled).toBe(false);
      expectInvalid(await api("PUT", path("/settings/gzipcompression"), { enabled: "yes" }), [["enabled", "invalid_type"]]);
      expectInvalid(await api("PUT", path("/settings/gzipcompression"), {}), [["enabled", "required"]]);
      expectInvalid(await api("PUT", path("/phpsettings/memorylimit"), { memory_limit: 0 }), [["memory_limit", "out_of_range"]]);
      expectInvalid(await api("PUT", path("/phpsettings/apcu"), { enabled: true }), [["apcu_size", "required"]]);
      expectInvalid(await api("PUT", path("/ftp/configuration"), { enabled: true, password: "x" }), [["password", "unknown_field"]]);
    });

    it("needs SSL (Let's Encrypt) before HTTP/2 and the HTTPS redirect, and drops both with it", async () => {
      const site = sandbox.store.linuxHostings.get(domain)!.sites[0];
      expectInvalid(await api("PUT", path(`/sites/${domain}/http2/configuration`), { enabled: true }), [["enabled", "ssl_required"]]);
      expectInvalid(await api("PUT", path(`/sslsettings/www.${domain}/autoredirect`), { enabled: true }), [["enabled", "ssl_required"]]);
      expect((await api("PUT", path(`/sslsettings/www.${domain}/letsencrypt`), { enabled: true })).status).toBe(204);
      expect((await api("PUT", path(`/sites/${domain}/http2/configuration`), { enabled: true })).status).toBe(204);
      expect((await api("PUT", path(`/sslsettings/${domain}/autoredirect`), { enabled: true })).status).toBe(204);
      expect((await api("GET", path())).body.sites[0]).toMatchObject({ ssl_enabled: true, http2_enabled: true, https_redirect_enabled: true });
      expect(site.letsencrypt_hostnames).toEqual([`www.${domain}`]);
      expect((await api("PUT", path(`/sslsettings/www.${domain}/letsencrypt`), { enabled: false })).status).toBe(204);
      expect((await api("GET", path())).body.sites[0]).toMatchObject({ ssl_enabled: false, http2_enabled: false, https_redirect_enabled: false });
      expect((await api("PUT", path("/sslsettings/other.be/letsencrypt"), { enabled: true })).status).toBe(404);
      expect((await api("PUT", path("/sites/nosuchsite.be/http2/configuration"), { enabled: false })).status).toBe(404);
    });

    it("creates a subsite (201 with a Location) and deletes it, but not the main site", async () => {
      const sub = `shop.${domain}`;
      const created = await api("POST", path("/subsites"), { domain_name: sub, path: "/subsites/shop" });
      expect(created.status, created.text).toBe(201);
      expect(created.headers.get("location")).toBe(`/v2/linuxhostings/${domain}`);
      expect((await api("GET", path())).body.sites[1]).toMatchObject({ name: sub, path: "/subsites/shop", host_headers: [{ name: sub, enabled: true }] });
      expectInvalid(await api("POST", path("/subsites"), { domain_name: sub }), [["domain_name", "already_exists"]]);
      expectInvalid(await api("POST", path("/subsites"), { domain_name: `www.${domain}` }), [["domain_name", "already_exists"]]);
      expectInvalid(await api("POST", path("/subsites"), { domain_name: "x.be", path: "../etc" }), [["path", "invalid_value"]]);
      const other = await api("POST", path("/subsites"), { domain_name: `blog.${domain}` });
      expect(other.status).toBe(201);
      expect(sandbox.store.linuxHostings.get(domain)!.sites[2].path).toBe(`/subsites/blog.${domain}`);
      expect((await api("DELETE", path(`/subsites/${sub}`))).status).toBe(204);
      expect((await api("DELETE", path(`/subsites/${sub}`))).status).toBe(404);
      expectInvalid(await api("DELETE", path(`/subsites/${domain}`)), [["site_name", "not_a_subsite"]]);
    });
  });

  describe("SSH keys", () => {
    it("attaches keys (201), lists them with ssh-keygen's MD5 fingerprint, and deletes by fingerprint", async () => {
      const added = await api("POST", path("/ssh/keys"), { public_key: ED25519_KEY });
      expect(added.status, added.text).toBe(201);
      expect(added.headers.get("location")).toBe(`/v2/linuxhostings/${domain}/ssh/keys`);
      expect((await api("POST", path("/ssh/keys"), { public_key: RSA_KEY })).status).toBe(201);
      expect((await api("GET", path("/ssh/keys"))).body).toEqual([
        { fingerprint: ED25519_MD5, public_key: ED25519_KEY },
        { fingerprint: RSA_MD5, public_key: RSA_KEY },
      ]);
      expect((await api("GET", "/ssh")).body).toContainEqual({ fingerprint: ED25519_MD5, public_key: ED25519_KEY, linux_hostings: [domain] });
      expectInvalid(await api("POST", path("/ssh/keys"), { public_key: ED25519_KEY }), [["public_key", "already_exists"]]);

      expect((await api("DELETE", path(`/ssh/keys/${ED25519_MD5}`))).status).toBe(204);
      expect((await api("DELETE", path(`/ssh/keys/${ED25519_MD5}`))).status).toBe(404);
      expectInvalid(await api("DELETE", path(`/ssh/keys/${RSA_MD5.toUpperCase()}`)), [["fingerprint", "invalid_value"]]);
      expectInvalid(await api("DELETE", path("/ssh/keys/SHA256:abc")), [["fingerprint", "invalid_value"]]);
      expect((await api("GET", path("/ssh/keys"))).body).toEqual([{ fingerprint: RSA_MD5, public_key: RSA_KEY }]);
    });

    it("refuses what is not an OpenSSH public key", async () => {
      for (const key of ["not a key", "ssh-dss AAAAB3NzaC1kc3MAAACBAP0000000000000000000000", ED25519_KEY.replace("ssh-ed25519", "ssh-rsa"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFec t@h"]) {
        expectInvalid(await api("POST", path("/ssh/keys"), { public_key: key }), [["public_key", "invalid_value"]]);
      }
      expectInvalid(await api("POST", path("/ssh/keys"), {}), [["public_key", "required"]]);
    });
  });

  describe("mailboxes", () => {
    const mailbox = () => `info@${domain}`;

    it("creates a mailbox with 201 and its Location, shows it, and deletes it", async () => {
      const created = await api("POST", "/mailboxes", { email_address: mailbox(), account_id: accountId, password: "mailPass123" });
      expect(created.status, created.text).toBe(201);
      expect(created.text).toBe("");
      expect(created.headers.get("location")).toBe(`/v2/mailboxes/${mailbox()}`);
      expect(sandbox.store.mailboxes.get(mailbox())!.password).toBe("mailPass123");
      expect((await api("GET", `/mailboxes?domain_name=${domain}`)).body).toEqual([{ name: mailbox(), max_size: 2048, actual_size: 0 }]);
      expect((await api("GET", `/mailboxes/${mailbox()}`)).body).toEqual({
        name: mailbox(), login: mailbox(), max_size: 2048, actual_size: 0,
        auto_reply: { enabled: false, subject: null, message: null },
        auto_forward: { enabled: false, email_addresses: [], copy_to_myself: false },
      });
      expectInvalid(await api("POST", "/mailboxes", { email_address: mailbox(), account_id: accountId, password: "mailPass123" }), [["email_address", "already_exists"]]);
      const extra = `extra@${domain}`;
      expect((await api("POST", "/mailboxes", { email_address: extra, account_id: accountId, password: "mailPass123" })).status).toBe(201);
      expect((await api("DELETE", `/mailboxes/${extra}`)).status).toBe(204);
      expect((await api("GET", `/mailboxes/${extra}`)).status).toBe(404);
    });

    it("validates creates: fields, the password rule, the account and the domain", async () => {
      expectInvalid(await api("POST", "/mailboxes", {}), [["email_address", "required"], ["account_id", "required"], ["password", "required"]]);
      expectInvalid(await api("POST", "/mailboxes", { email: `a@${domain}`, account_id: accountId, password: "mailPass123" }), [["email", "unknown_field"], ["email_address", "required"]]);
      expectInvalid(await api("POST", "/mailboxes", { email_address: `b@${domain}`, account_id: accountId, password: "nodigits" }), [["password", "invalid_value"]]);
      expectInvalid(await api("POST", "/mailboxes", { email_address: "b@elsewhere.be", account_id: accountId, password: "mailPass123" }), [["email_address", "invalid_value"]]);
      expectInvalid(await api("POST", "/mailboxes", { email_address: `b@${domain}`, account_id: 1, password: "mailPass123" }), [["account_id", "invalid_value"]]);
      expectInvalid(await api("GET", "/mailboxes"), [["domain_name", "required"]]);
    });

    it("changes the password, auto-reply and auto-forward (204), with their rules", async () => {
      expect((await api("PUT", `/mailboxes/${mailbox()}/password`, { password: "newPass456" })).status).toBe(204);
      expect(sandbox.store.mailboxes.get(mailbox())!.password).toBe("newPass456");
      expectInvalid(await api("PUT", `/mailboxes/${mailbox()}/password`, { password: "short1" }), [["password", "invalid_value"]]);

      expectInvalid(await api("PUT", `/mailboxes/${mailbox()}/autoreply`, { enabled: true }), [["subject", "required"], ["message", "required"]]);
      expect((await api("PUT", `/mailboxes/${mailbox()}/autoreply`, { enabled: true, subject: "Away", message: "Back soon" })).status).toBe(204);
      expectInvalid(await api("PUT", `/mailboxes/${mailbox()}/autoforward`, { enabled: true, email_addresses: [] }), [["email_addresses", "too_short"]]);
      expectInvalid(await api("PUT", `/mailboxes/${mailbox()}/autoforward`, { enabled: true, email_addresses: [mailbox()] }), [["email_addresses", "invalid_value"]]);
      expectInvalid(await api("PUT", `/mailboxes/${mailbox()}/autoforward`, { enabled: true, email_addresses: ["nope"] }), [["email_addresses[0]", "invalid_value"]]);
      expect((await api("PUT", `/mailboxes/${mailbox()}/autoforward`, { enabled: true, email_addresses: ["Boss@Example.com"], copy_to_myself: true })).status).toBe(204);
      const detail = await api("GET", `/mailboxes/${mailbox()}`);
      expect(detail.body.auto_reply).toEqual({ enabled: true, subject: "Away", message: "Back soon" });
      expect(detail.body.auto_forward).toEqual({ enabled: true, email_addresses: ["boss@example.com"], copy_to_myself: true });
    });
  });
});
