import { defineApi } from "../../kit/api";
import { dbaasRefusals } from "./refusals";
import { caCertificateVariable, certificateHint } from "../../kit/ca-certificate";
import { validateEndpoint, validateHeaderToken } from "../../kit/config";
import { DbaasClient } from "./client";

/** The document's path prefix; the client adds it. */
export const API_PATH = "/api/v1";

/** The endpoint's own path (a proxy's prefix), without a trailing slash or an /api/v1 given by mistake. */
export function endpointBase(endpoint: string): string {
  const url = new URL(endpoint);
  const path = url.pathname.replace(/\/+$/, "");
  return `${url.origin}${path.endsWith(API_PATH) ? path.slice(0, -API_PATH.length) : path}${API_PATH}`;
}

const CA_CERTIFICATE = caCertificateVariable("dbaasCaCertificate", "DBAAS_CA_CERTIFICATE", "the endpoint");

export const dbaasApi = defineApi({
  name: "DBaaS",
  summary: "DBaaS database instances (PostgreSQL, MySQL, Redis and MongoDB)",
  keywords: ["dbaas", "postgresql", "mysql", "redis", "mongodb"],
  refusals: dbaasRefusals,
  config: {
    endpoint: {
      key: "dbaasEndpoint",
      description: "DBaaS API URL, without the API path: the provider adds /api/v1.",
      env: ["DBAAS_ENDPOINT"],
      required: true,
      validate: validateEndpoint,
    },
    apiToken: {
      key: "dbaasApiToken",
      description: "DBaaS API token (Bearer), with the scopes databases:read and databases:write.",
      secret: true,
      env: ["DBAAS_API_TOKEN"],
      required: true,
      validate: validateHeaderToken,
    },
    caCertificate: CA_CERTIFICATE,
  },
  connect({ endpoint, apiToken, caCertificate }, { http }) {
    const bearer = `Bearer ${apiToken}`;
    // No client-side rate: the DBaaS enforces none.
    return new DbaasClient(
      http({
        baseUrl: endpointBase(endpoint),
        credentials: [apiToken, bearer],
        authorize: ({ headers }) => {
          headers.authorization = bearer;
        },
        errorMessage: (_status, body) => {
          const error = (body as { error?: unknown } | undefined)?.error;
          return typeof error === "string" ? error : undefined;
        },
        caCertificates: caCertificate,
        certificateHint: certificateHint(CA_CERTIFICATE, "the endpoint"),
      }),
    );
  },
});
