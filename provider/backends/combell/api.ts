import { defineApi } from "../../kit/api";
import { combellRefusals } from "./refusals";
import { caCertificateVariable, certificateHint } from "../../kit/ca-certificate";
import { validateEndpoint, validateHeaderToken } from "../../kit/config";
import { combellErrorMessage } from "./api-errors";
import { hmacAuthorizer } from "./auth";
import { CombellClient } from "./client";
import { API_VERSION_PATH } from "./links";

/** The endpoint's own path (a proxy's prefix), without a trailing slash or a /v2 given by mistake. */
export function endpointPrefix(endpoint: string): string {
  const path = new URL(endpoint).pathname.replace(/\/+$/, "");
  return path.endsWith(API_VERSION_PATH) ? path.slice(0, -API_VERSION_PATH.length) : path;
}

const CA_CERTIFICATE = caCertificateVariable("combellCaCertificate", "COMBELL_CA_CERTIFICATE", "the endpoint");

export const combellApi = defineApi({
  name: "Combell",
  summary: "Combell reseller accounts, domains, DNS records, Linux hostings (settings, SSH keys, subsites) and MySQL databases",
  keywords: ["combell"],
  refusals: combellRefusals,
  config: {
    apiKey: {
      key: "combellApiKey",
      description: "Combell reseller API key (control panel > API).",
      env: ["COMBELL_API_KEY"],
      required: true,
      validate: validateHeaderToken,
    },
    apiSecret: {
      key: "combellApiSecret",
      description: "Combell reseller API secret, which signs every request (HMAC); it is never sent.",
      secret: true,
      env: ["COMBELL_API_SECRET"],
      required: true,
      validate: validateHeaderToken,
    },
    endpoint: {
      key: "combellEndpoint",
      description: "Combell reseller API URL, without the API version: the provider adds /v2.",
      env: ["COMBELL_ENDPOINT"],
      default: "https://api.combell.com",
      validate: validateEndpoint,
    },
    caCertificate: CA_CERTIFICATE,
  },
  connect({ apiKey, apiSecret, endpoint, caCertificate }, { http }) {
    const prefix = endpointPrefix(endpoint);
    // No client-side rate: the document states none; the X-RateLimit-* headers and 429s are followed.
    return new CombellClient(
      http({
        baseUrl: `${new URL(endpoint).origin}${prefix}${API_VERSION_PATH}`,
        credentials: [apiSecret],
        authorize: hmacAuthorizer({ apiKey, apiSecret }, prefix),
        errorMessage: combellErrorMessage,
        caCertificates: caCertificate,
        certificateHint: certificateHint(CA_CERTIFICATE, "the endpoint"),
      }),
    );
  },
});
