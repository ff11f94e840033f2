import { defineApi } from "../../kit/api";
import { pterodactylRefusals } from "./refusals";
import { caCertificateVariable, certificateHint } from "../../kit/ca-certificate";
import { validateEndpoint, validateHeaderToken } from "../../kit/config";
import { APPLICATION_API_PATH } from "./api-path";
import { PterodactylClient } from "./client";
import { pterodactylErrorMessage } from "./errors";


/** The Application API's URL for a panel URL, with or without a trailing slash or the API path given by mistake. */
export function applicationApiUrl(endpoint: string): string {
  const url = new URL(endpoint);
  let path = url.pathname.replace(/\/+$/, "");
  if (path.endsWith(APPLICATION_API_PATH)) path = path.slice(0, -APPLICATION_API_PATH.length);
  return `${url.origin}${path}${APPLICATION_API_PATH}`;
}

const CA_CERTIFICATE = caCertificateVariable("pterodactylCaCertificate", "PTERODACTYL_CA_CERTIFICATE", "the panel");

export const pterodactylApi = defineApi({
  name: "Pterodactyl",
  summary: "Pterodactyl and Pelican game-server panels: server databases (Application API)",
  keywords: ["pterodactyl", "pelican"],
  refusals: pterodactylRefusals,
  config: {
    endpoint: {
      key: "pterodactylEndpoint",
      description: "The panel's base URL (https://panel.example.com); the provider adds /api/application.",
      env: ["PTERODACTYL_ENDPOINT"],
      required: true,
      validate: validateEndpoint,
    },
    apiKey: {
      key: "pterodactylApiKey",
      description: "An Application API key of the panel (Admin > Application API) that may read and write server databases.",
      secret: true,
      env: ["PTERODACTYL_API_KEY"],
      required: true,
      validate: validateHeaderToken,
    },
    caCertificate: CA_CERTIFICATE,
  },
  connect({ endpoint, apiKey, caCertificate }, { http }) {
    const bearer = `Bearer ${apiKey}`;
    return new PterodactylClient(
      http({
        baseUrl: applicationApiUrl(endpoint),
        credentials: [apiKey, bearer],
        authorize: ({ headers }) => {
          headers.authorization = bearer;
        },
        errorMessage: pterodactylErrorMessage,
        caCertificates: caCertificate,
        certificateHint: certificateHint(CA_CERTIFICATE, "the panel"),
      }),
    );
  },
});
