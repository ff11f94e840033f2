import { defineApi } from "../../kit/api";
import { serverPilotRefusals } from "./refusals";
import { caCertificateVariable, certificateHint } from "../../kit/ca-certificate";
import { validateEndpoint, validateHeaderToken } from "../../kit/config";
import { ServerPilotClient } from "./client";

const CA_CERTIFICATE = caCertificateVariable("serverpilotCaCertificate", "SERVERPILOT_CA_CERTIFICATE", "the endpoint");

export const serverPilotApi = defineApi({
  name: "ServerPilot",
  summary: "ServerPilot servers, system users, apps (with SSL) and databases",
  keywords: ["serverpilot"],
  refusals: serverPilotRefusals,
  config: {
    clientId: {
      key: "serverpilotClientId",
      description: "ServerPilot API client id (Account > API).",
      env: ["SERVERPILOT_CLIENT_ID"],
      required: true,
      validate: validateHeaderToken,
    },
    apiKey: {
      key: "serverpilotApiKey",
      description: "ServerPilot API key. Only one key is active at a time.",
      secret: true,
      env: ["SERVERPILOT_API_KEY"],
      required: true,
      validate: validateHeaderToken,
    },
    endpoint: {
      key: "serverpilotEndpoint",
      description: "ServerPilot API base URL.",
      env: ["SERVERPILOT_ENDPOINT"],
      default: "https://api.serverpilot.io/v1",
      validate: validateEndpoint,
    },
    caCertificate: CA_CERTIFICATE,
  },
  connect({ clientId, apiKey, endpoint, caCertificate }, { http }) {
    const basic = `Basic ${Buffer.from(`${clientId}:${apiKey}`).toString("base64")}`;
    return new ServerPilotClient(
      http({
        baseUrl: endpoint,
        credentials: [apiKey, basic],
        authorize: ({ headers }) => {
          headers.authorization = basic;
        },
        errorMessage: (_status, body) => (body as { error?: { message?: string } } | undefined)?.error?.message,
        caCertificates: caCertificate,
        certificateHint: certificateHint(CA_CERTIFICATE, "the endpoint"),
      }),
    );
  },
});
