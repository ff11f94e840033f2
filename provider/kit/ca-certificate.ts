// A certificate authority of one's own, per API: for a self-hosted panel (or a proxy in front of
// an API) whose certificate a private CA signed. Certificates stay checked, against that CA
// instead of the system's authorities; there is deliberately no way to switch checks off.
import { X509Certificate } from "node:crypto";
import type { ConfigVariable } from "./api";

/** One or more PEM certificates that parse. */
export function validateCaCertificate(value: string): string | undefined {
  if (value.length > 262_144) return "must be at most 256 KiB of PEM";
  const blocks = value.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g);
  if (!blocks) return "must be a PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----), the CA that signed the server's certificate";
  for (const [index, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch {
      return `certificate ${index + 1} of ${blocks.length} is not a valid X.509 certificate`;
    }
  }
  return undefined;
}

/** `hosting:<key>` (or `env`): the PEM of the CA that signed `server`'s certificate. */
export function caCertificateVariable(key: string, env: string, server: string): ConfigVariable {
  return {
    key,
    description: `PEM certificate of the authority that signed ${server}'s certificate, for a self-signed one: the certificate is checked against it instead of the system's authorities (checks stay on).`,
    env: [env],
    validate: validateCaCertificate,
  };
}

/** What an untrusted certificate's error adds: where the CA goes. */
export function certificateHint(variable: ConfigVariable, server: string): string {
  return `if ${server} uses a self-signed certificate, set hosting:${variable.key} (or ${variable.env.join(" or ")}) to the PEM of the CA that signed it`;
}
