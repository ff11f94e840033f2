import { z } from "zod";
import type { OperationContext } from "../../http/client";
import { waitFor } from "../../http/wait";
import { sameValue } from "../../kit/diff";
import { field } from "../../kit/fields";
import type { AppData, ServerPilotClient, SslData } from "./client";
import { normalizePem, pem } from "./rules";

// An app's SSL is one of: none, AutoSSL, or a custom certificate, plus ForceSSL on top. The API
// moves between them in separate calls with rules (custom and AutoSSL exclude each other;
// ForceSSL needs SSL and its own call; removing SSL turns ForceSSL off). The plan below is the
// one place that knows the order; preview prints it and apply runs it.

/** The `customSsl` input. Certificates compare as ServerPilot stores them (normalizePem). */
export const customSslField = field(
  z
    .strictObject({
      key: field(pem("PRIVATE KEY-----", "must be a PEM private key (-----BEGIN ... PRIVATE KEY-----)"), {
        description: "The PEM private key.",
        secret: true,
        normalize: normalizePem,
      }),
      cert: field(pem("-----BEGIN CERTIFICATE-----", "must be a PEM certificate"), {
        description: "The PEM certificate.",
        normalize: normalizePem,
      }),
      cacerts: field(pem("-----BEGIN CERTIFICATE-----", "must be PEM certificates").nullable().optional(), {
        description: "The PEM CA certificate chain; null or absent when there is none.",
        normalize: normalizePem,
      }),
    })
    .optional(),
  { description: "Serve HTTPS with your own certificate. Excludes autoSsl.", typeName: "AppCustomSsl" },
);

export interface CustomCertificate {
  key: string;
  cert: string;
  cacerts?: string | null;
}

export interface SslSettings {
  autoSsl: boolean;
  forceSsl: boolean;
  customSsl?: CustomCertificate;
}

type Mode = "none" | "auto" | "custom";

export type SslStep =
  | { action: "remove"; describe: string }
  | { action: "enable-auto"; describe: string }
  | { action: "install-custom"; describe: string; certificate: CustomCertificate }
  | { action: "force"; describe: string; force: boolean };

const modeOf = (s: SslSettings): Mode => (s.autoSsl ? "auto" : s.customSsl ? "custom" : "none");
const modeName: Record<Mode, string> = { none: "no SSL", auto: "AutoSSL", custom: "the custom certificate" };

export function sslSettingsOf(ssl: SslData | null | undefined): SslSettings {
  if (!ssl) return { autoSsl: false, forceSsl: false };
  if (ssl.auto) return { autoSsl: true, forceSsl: ssl.force ?? false };
  return {
    autoSsl: false,
    forceSsl: ssl.force ?? false,
    customSsl: { key: ssl.key ?? "", cert: ssl.cert ?? "", ...(ssl.cacerts ? { cacerts: ssl.cacerts } : {}) },
  };
}

/** The calls, in order, that take an app from `current` SSL to `desired` SSL. */
export function planSsl(current: SslSettings, desired: SslSettings): SslStep[] {
  const steps: SslStep[] = [];
  const from = modeOf(current);
  const to = modeOf(desired);
  let force = current.forceSsl;
  if (from !== to) {
    if (from !== "none") {
      steps.push({
        action: "remove",
        describe: `remove ${modeName[from]}${force ? " (this also turns ForceSSL off)" : ""}`,
      });
      force = false;
    }
    if (to === "auto") steps.push({ action: "enable-auto", describe: "enable AutoSSL" });
    if (to === "custom") {
      steps.push({ action: "install-custom", describe: "install the custom certificate", certificate: desired.customSsl! });
    }
  } else if (to === "custom" && !sameValue(current.customSsl, desired.customSsl, customSslField)) {
    steps.push({ action: "install-custom", describe: "replace the custom certificate", certificate: desired.customSsl! });
  }
  if (to !== "none" && desired.forceSsl !== force) {
    steps.push({
      action: "force",
      describe: desired.forceSsl ? "turn ForceSSL on (redirect HTTP to HTTPS)" : "turn ForceSSL off",
      force: desired.forceSsl,
    });
  }
  return steps;
}

/** Runs the plan from the app's real SSL state, each step waiting for its action. */
export async function applySsl(
  client: ServerPilotClient,
  app: AppData,
  desired: SslSettings,
  ctx: OperationContext,
): Promise<void> {
  const steps = planSsl(sslSettingsOf(app.ssl), desired);
  for (const step of steps) {
    ctx.log?.(step.describe);
    switch (step.action) {
      case "remove":
        await client.deleteSsl(app.id, ctx);
        break;
      case "enable-auto":
        await waitForAutoSsl(client, app, ctx);
        await client.setSsl(app.id, { auto: true }, `enable AutoSSL on app ${app.name}`, ctx);
        break;
      case "install-custom":
        await client.setSsl(
          app.id,
          { key: step.certificate.key, cert: step.certificate.cert, cacerts: step.certificate.cacerts ?? null },
          `install a custom certificate on app ${app.name}`,
          ctx,
        );
        break;
      case "force":
        await client.setSsl(app.id, { force: step.force }, `turn ForceSSL ${step.force ? "on" : "off"} on app ${app.name}`, ctx);
        break;
    }
  }
  if (steps.length > 0 && desired.forceSsl) {
    // The document does not say whether installing a certificate keeps ForceSSL; check.
    const after = await client.getApp(app.id, ctx);
    if (after?.ssl && after.ssl.force !== true) {
      await client.setSsl(app.id, { force: true }, `turn ForceSSL on on app ${app.name}`, ctx);
    }
  }
}

/**
 * AutoSSL can be enabled only once ServerPilot has a certificate available for the app's
 * domains, which comes a while after they point at the server.
 */
async function waitForAutoSsl(client: ServerPilotClient, app: AppData, ctx: OperationContext): Promise<void> {
  await waitFor(
    {
      what: `AutoSSL to become available for app ${app.name} (its domains must resolve to the server)`,
      poll: async (pollCtx) => {
        const current = await client.getApp(app.id, pollCtx);
        if (!current) throw new Error(`app ${app.id} no longer exists`);
        if (!current.autossl) {
          throw new Error(
            `AutoSSL is not offered for app ${app.name}: ServerPilot reports AutoSSL only on paid plans. Use customSsl instead, or upgrade the plan.`,
          );
        }
        return current.autossl.available ? { done: true, value: undefined } : { done: false, status: "not available yet" };
      },
      maxDelayMs: 10_000,
    },
    ctx,
  );
}
