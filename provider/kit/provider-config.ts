import type { Api, ConfigVariable } from "./api";

// Settings of the provider itself rather than of one API: they hold for every API's requests.

const MAX_REQUEST_TIMEOUT_SECONDS = 3600;

/** A positive number of seconds (a fraction allowed), at most an hour. */
export function validateRequestTimeout(value: string): string | undefined {
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (seconds > 0 && seconds <= MAX_REQUEST_TIMEOUT_SECONDS) return undefined;
  return `must be a number of seconds greater than 0 and at most ${MAX_REQUEST_TIMEOUT_SECONDS}, such as 30, got "${value.slice(0, 40)}"`;
}

export const requestTimeout: ConfigVariable = {
  key: "requestTimeout",
  description:
    "How long, in seconds, one HTTP request to an API may take, headers and body, before it counts as failed and is retried where that is safe; default 30. Waits for actions, jobs and provisioning are bounded by the resource's customTimeouts instead.",
  env: ["HOSTING_REQUEST_TIMEOUT"],
  default: "30",
  validate: validateRequestTimeout,
};

export const PROVIDER_VARIABLES: readonly ConfigVariable[] = [requestTimeout];

/** Every config variable the provider reads: its own, then each API's. */
export function configVariablesOf(apis: readonly Api[]): ConfigVariable[] {
  return [...PROVIDER_VARIABLES, ...apis.flatMap((api) => api.variables)];
}
