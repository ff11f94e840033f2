import { describe, expect, it } from "vitest";
import { checkInputs } from "../../kit/check";
import { Changes } from "../../kit/diff";
import type { LinuxHostingDetailData } from "./answers";
import type { HostingCalls } from "./client-hostings";
import { applySettings, changedIn, everything, siteProblems, type HostingSettings } from "./hosting-settings-plan";
import { LinuxHostingSettings, settingsFromApi } from "./linux-hosting-settings";

const D = "example.com";
const detail: LinuxHostingDetailData = {
  domain_name: D,
  servicepack_id: 1,
  php_version: "8.2",
  ftp_enabled: true,
  sites: [
    { name: D, path: "/www", host_headers: [{ name: D }, { name: `www.${D}` }], ssl_enabled: true, https_redirect_enabled: true, http2_enabled: false },
    { name: `shop.${D}`, path: "/subsites/shop", host_headers: [{ name: `shop.${D}` }], ssl_enabled: false, https_redirect_enabled: false, http2_enabled: false },
  ],
};

/** A hosting client that records the calls it is asked to make. */
function recorder(): { client: HostingCalls; calls: string[] } {
  const calls: string[] = [];
  const record = (name: string) => async (...args: unknown[]) => void calls.push(`${name} ${args.slice(1, -1).map((a) => JSON.stringify(a)).join(" ")}`);
  const client = new Proxy({}, { get: (_t, name: string) => record(name) }) as HostingCalls;
  return { client, calls };
}

describe("LinuxHostingSettings", () => {
  it("reads back what the detail shows: Let's Encrypt only as off, for the host names of a site without SSL", () => {
    expect(settingsFromApi(detail).inputs).toEqual({
      domainName: D,
      phpVersion: "8.2",
      ftpEnabled: true,
      http2: { [D]: false, [`shop.${D}`]: false },
      autoRedirect: { [D]: true, [`www.${D}`]: true, [`shop.${D}`]: false },
      letsEncrypt: { [`shop.${D}`]: false },
    });
  });

  it("refuses sites and host names the hosting lacks, and host names of one site that disagree on the redirect", () => {
    const settings: HostingSettings = { domainName: D, http2: { "nosuch.com": true }, letsEncrypt: { [`shop.${D}`]: true }, autoRedirect: { [D]: true, [`www.${D}`]: false } };
    expect(siteProblems(detail, settings)).toEqual([
      { property: 'http2["nosuch.com"]', reason: `is not a site of Linux hosting ${D}; its sites: ${D}, shop.${D}` },
      {
        property: `autoRedirect["www.${D}"]`,
        reason: `must be the same as autoRedirect["${D}"]: Combell keeps one HTTPS redirect per site, and both are host names of site ${D}`,
      },
    ]);
  });

  it("enables Let's Encrypt before HTTP/2 and the redirect, and switches it off after them", async () => {
    const { client, calls } = recorder();
    const settings: HostingSettings = {
      domainName: D,
      sshEnabled: true,
      letsEncrypt: { [D]: true, [`shop.${D}`]: false },
      http2: { [D]: true, [`shop.${D}`]: false },
      autoRedirect: { [`shop.${D}`]: false },
    };
    const pending: string[][] = [];
    await applySettings(client, settings, everything, {}, (p) => pending.push(p));
    expect(calls).toEqual([
      "setSsh true",
      `setLetsEncrypt "${D}" true`,
      `setHttp2 "${D}" true`,
      `setHttp2 "shop.${D}" false`,
      `setAutoRedirect "shop.${D}" false`,
      `setLetsEncrypt "shop.${D}" false`,
    ]);
    expect(pending.at(-1)).toEqual([]);
    expect(pending[0]).toEqual(["sshEnabled", "letsEncrypt"]);
  });

  it("on an update sends only what changed, a map key by key, and a map set anew whole", async () => {
    const { client, calls } = recorder();
    const settings: HostingSettings = { domainName: D, phpVersion: "8.3", gzipCompression: true, http2: { [D]: true, [`shop.${D}`]: true }, letsEncrypt: { [D]: true } };
    const changes = new Changes({ [`http2["shop.${D}"]`]: { kind: "update", replace: false }, letsEncrypt: { kind: "add", replace: false } });
    await applySettings(client, settings, changedIn(changes), {});
    expect(calls).toEqual([`setLetsEncrypt "${D}" true`, `setHttp2 "shop.${D}" true`]);
  });

  it("keeps map keys as the API shows them: lowercase, without a trailing dot", () => {
    expect(checkInputs(LinuxHostingSettings, { domainName: D, http2: { "WWW.Example.com.": true } })).toEqual({
      inputs: { domainName: D, http2: { "www.example.com": true } },
      failures: [],
    });
    expect(checkInputs(LinuxHostingSettings, { domainName: D, letsEncrypt: { "not a host": true } }).failures).toEqual([
      { property: 'letsEncrypt["not a host"]', reason: "the key must be a host name such as www.example.com" },
    ]);
  });
});
