import { defineApi } from "../../kit/api";
import { wisPanelRefusals } from "./refusals";
import { caCertificateVariable, certificateHint } from "../../kit/ca-certificate";
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

const CA_CERTIFICATE = caCertificateVariable("wispanelCaCertificate", "WISPANEL_CA_CERTIFICATE", "the panel");

export const wisPanelApi = defineApi({
  name: "WisPanel",
  summary: "WisPanel MySQL/MariaDB databases and their users",
  keywords: ["wispanel"],
  refusals: wisPanelRefusals,
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
    caCertificate: CA_CERTIFICATE,
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
        certificateHint: certificateHint(CA_CERTIFICATE, "the panel"),
      }),
    );
  },
});
