import { X509Certificate } from "node:crypto";
import { defineApi } from "../../kit/api";
import { validateEndpoint, validateHeaderToken } from "../../kit/config";
import { WisPanelClient } from "./client";
import { wispanelErrorMessage } from "./errors";

/** The API's path below the panel's address: the endpoint is the panel, the client adds this. */
export const API_PATH = "/api/v1";

/** The panel's origin and a proxy's prefix, without a trailing slash or an /api/v1 given by mistake. */
export function apiBaseUrl(endpoint: string): string {
  const url = new URL(endpoint);
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.origin}${path.endsWith(API_PATH) ? path.slice(0, -API_PATH.length) : path}${API_PATH}`;
}

/** WisPanel's API keys: `wsp_` and the secret (Profile > API keys; the secret is shown once). */
export function validateApiToken(value: string): string | undefined {
  if (!value.startsWith("wsp_")) return "must be a WisPanel API key, which starts with wsp_ (the secret_key shown once when the key is issued, not its key_prefix or id)";
  return validateHeaderToken(value);
}

const BEGIN = "-----BEGIN CERTIFICATE-----";
const END = "-----END CERTIFICATE-----";

/**
 * The certificate blocks of a PEM text, in one pass: a lazy pattern would scan to the end once
 * for every BEGIN line without its END, quadratic in a pasted file of BEGIN lines.
 */
function pemBlocks(value: string): string[] {
  const blocks: string[] = [];
  for (let start = value.indexOf(BEGIN); start >= 0; ) {
    const end = value.indexOf(END, start + BEGIN.length);
    if (end < 0) break;
    blocks.push(value.slice(start, end + END.length));
    start = value.indexOf(BEGIN, end + END.length);
  }
  return blocks;
}

/** One or more PEM certificates that parse: a panel's self-signed CA. */
export function validateCaCertificate(value: string): string | undefined {
  if (value.length > 262_144) return "must be at most 256 KiB of PEM";
  const blocks = pemBlocks(value);
  if (blocks.length === 0) return "must be a PEM certificate (-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----), the CA that signed the panel's certificate";
  for (const [index, block] of blocks.entries()) {
    try {
      new X509Certificate(block);
    } catch {
      return `certificate ${index + 1} of ${blocks.length} is not a valid X.509 certificate`;
    }
  }
  return undefined;
}

export const wisPanelApi = defineApi({
  name: "WisPanel",
  summary: "WisPanel MySQL/MariaDB databases and their users",
  keywords: ["wispanel"],
  config: {
    endpoint: {
      key: "wispanelEndpoint",
      description: "The WisPanel panel's address, such as https://panel.example.com:2083; the provider adds /api/v1.",
      env: ["WISPANEL_ENDPOINT"],
      required: true,
      validate: validateEndpoint,
    },
    apiToken: {
      key: "wispanelApiToken",
      description: "A WisPanel API key (wsp_...), sent as a Bearer token. Its owner's username prefixes every database and user it creates.",
      secret: true,
      env: ["WISPANEL_API_TOKEN"],
      required: true,
      validate: validateApiToken,
    },
    caCertificate: {
      key: "wispanelCaCertificate",
      description:
        "PEM certificate of the authority that signed the panel's certificate, for panels with a self-signed one: the panel's certificate is checked against it instead of the system's authorities (checks stay on).",
      env: ["WISPANEL_CA_CERTIFICATE"],
      validate: validateCaCertificate,
    },
  },
  connect({ endpoint, apiToken, caCertificate }, { http }) {
    return new WisPanelClient(
      http({
        baseUrl: apiBaseUrl(endpoint),
        credentials: [apiToken],
        authorize: ({ headers }) => {
          headers.authorization = `Bearer ${apiToken}`;
        },
        errorMessage: wispanelErrorMessage,
        // The document's 60 a minute per token, until the panel's X-RateLimit-* headers say otherwise.
        rateLimit: { documentedPerMinute: 60 },
        caCertificates: caCertificate,
        certificateHint:
          "if the panel uses a self-signed certificate, set hosting:wispanelCaCertificate (or WISPANEL_CA_CERTIFICATE) to the PEM of the CA that signed it",
      }),
    );
  },
});
