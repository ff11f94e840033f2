import { validateEndpoint } from "../../config";
import type { ApiBinding } from "../../kit/api";

export const serverPilotApi: ApiBinding = {
  name: "ServerPilot",
  config: [
    {
      name: "serverpilotClientId",
      description: "ServerPilot API client id (Account > API).",
      env: ["SERVERPILOT_CLIENT_ID"],
    },
    {
      name: "serverpilotApiKey",
      description: "ServerPilot API key. Only one key is active at a time.",
      secret: true,
      env: ["SERVERPILOT_API_KEY"],
    },
    {
      name: "serverpilotEndpoint",
      description: "ServerPilot API base URL.",
      env: ["SERVERPILOT_ENDPOINT"],
      default: "https://api.serverpilot.io/v1",
      validate: validateEndpoint,
    },
  ],
  required: ["serverpilotClientId", "serverpilotApiKey"],
};
