import { describe, expect, it } from "vitest";
import { planSsl, sslSettingsOf, type SslSettings } from "./app-ssl";

const none: SslSettings = { autoSsl: false, forceSsl: false };
const auto = (forceSsl = false): SslSettings => ({ autoSsl: true, forceSsl });
const custom = (cert = "CERT-A", forceSsl = false): SslSettings => ({ autoSsl: false, forceSsl, customSsl: { key: "KEY", cert } });
const steps = (from: SslSettings, to: SslSettings) => planSsl(from, to).map((s) => s.describe);

describe("planSsl follows ServerPilot's rules for moving between SSL modes", () => {
  it.each([
    ["nothing to do", none, none, []],
    ["AutoSSL, then ForceSSL in its own call", none, auto(true), ["enable AutoSSL", "turn ForceSSL on (redirect HTTP to HTTPS)"]],
    ["custom certificate alone", none, custom(), ["install the custom certificate"]],
    ["AutoSSL to custom: remove first, which turns ForceSSL off, so turn it on again", auto(true), custom("CERT-A", true), [
      "remove AutoSSL (this also turns ForceSSL off)",
      "install the custom certificate",
      "turn ForceSSL on (redirect HTTP to HTTPS)",
    ]],
    ["custom to AutoSSL", custom(), auto(), ["remove the custom certificate", "enable AutoSSL"]],
    ["a new certificate replaces the old one in place, ForceSSL kept", custom("CERT-A", true), custom("CERT-B", true), ["replace the custom certificate"]],
    ["the same certificate as ServerPilot returns it (CRLF, no final newline) is no change", custom("L1\r\nL2"), custom("L1\nL2\n"), []],
    ["removing SSL also removes ForceSSL: no separate call", auto(true), none, ["remove AutoSSL (this also turns ForceSSL off)"]],
    ["ForceSSL off alone", auto(true), auto(false), ["turn ForceSSL off"]],
  ])("%s", (_name, from, to, expected) => {
    expect(steps(from, to)).toEqual(expected);
  });

  it("ignores whitespace around PEM blocks", () => {
    expect(steps(custom("CERT-A\n"), custom("CERT-A"))).toEqual([]);
  });
});

describe("sslSettingsOf reads the API's ssl object", () => {
  it("tells AutoSSL from a custom certificate by `auto`", () => {
    expect(sslSettingsOf(null)).toEqual(none);
    expect(sslSettingsOf({ key: "k", cert: "c", cacerts: null, auto: true, force: true })).toEqual(auto(true));
    expect(sslSettingsOf({ key: "k", cert: "c", cacerts: "ca", auto: false, force: false })).toEqual({
      autoSsl: false,
      forceSsl: false,
      customSsl: { key: "k", cert: "c", cacerts: "ca" },
    });
  });
});
