import { z } from "zod";
import { sameValue } from "../../kit/diff";
import { finishCreate } from "../../kit/errors";
import { field } from "../../kit/fields";
import { defineResource } from "../../kit/resource";
import { serverPilotApi } from "./api";
import { applySsl, planSsl, sslSettingsOf, type SslSettings } from "./app-ssl";
import { serverPilotClient, type AppData } from "./client";
import { appName, domainName, email, MAX_DOMAINS_PER_APP, passwordLength, runtimes } from "./rules";

const lowercaseList = (value: unknown) => (Array.isArray(value) ? value.map((v) => String(v).toLowerCase()) : value);

const inputs = {
  name: field(appName(), {
    description: "The nickname of the app: 3 to 30 lowercase letters and digits. Its web root is /srv/users/<sysuser>/apps/<name>/public.",
    replaceOnChanges: true,
  }),
  sysuserId: field(z.string().min(1, "must be a system user id"), {
    description: "The system user that owns the app; it also decides the server the app runs on.",
    replaceOnChanges: true,
  }),
  runtime: field(z.enum(runtimes), {
    description: "The PHP runtime.",
  }),
  domains: field(
    z.array(domainName()).max(MAX_DOMAINS_PER_APP, `must list at most ${MAX_DOMAINS_PER_APP} domains`).default([]),
    {
      description:
        "The domains the web server answers for (example.com also serves www.example.com). The whole list is sent on every change; its order does not matter.",
      unordered: true,
      normalize: lowercaseList,
    },
  ),
  wordpress: field(
    z
      .strictObject({
        siteTitle: field(z.string().min(1, "must not be empty"), { description: "The site title." }),
        adminUser: field(z.string().min(1, "must not be empty").max(60, "must be at most 60 characters (WordPress's limit)"), {
          description: "The WordPress administrator's user name, at most 60 characters.",
        }),
        adminPassword: field(passwordLength(), {
          description: "The WordPress administrator's password, 8 to 200 characters.",
          secret: true,
        }),
        adminEmail: field(email(), { description: "The WordPress administrator's email address." }),
      })
      .optional(),
    {
      description: "Installs WordPress when the app is created. ServerPilot never returns it; changing it recreates the app.",
      replaceOnChanges: true,
      writeOnly: true,
      typeName: "AppWordpress",
    },
  ),
  autoSsl: field(z.boolean().default(false), {
    description:
      "Serve HTTPS with a certificate ServerPilot issues and renews (AutoSSL, paid plans; the domains must resolve to the server). Excludes customSsl.",
  }),
  customSsl: field(
    z
      .strictObject({
        key: field(z.string().regex(/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "must be a PEM private key"), {
          description: "The PEM private key.",
          secret: true,
        }),
        cert: field(z.string().regex(/-----BEGIN CERTIFICATE-----/, "must be a PEM certificate"), {
          description: "The PEM certificate.",
        }),
        cacerts: field(z.string().regex(/-----BEGIN CERTIFICATE-----/, "must be PEM certificates").optional(), {
          description: "The PEM CA certificate chain, if any.",
        }),
      })
      .optional(),
    { description: "Serve HTTPS with your own certificate. Excludes autoSsl.", typeName: "AppCustomSsl" },
  ),
  forceSsl: field(z.boolean().default(false), {
    description: "Redirect HTTP to HTTPS (ForceSSL). Needs autoSsl or customSsl.",
  }),
};

const outputs = {
  serverId: field(z.string(), { description: "The server the app runs on." }),
  datecreated: field(z.number().int(), { description: "When the app was created (Unix seconds)." }),
  autoSslAvailable: field(z.boolean().optional(), {
    description: "Whether an AutoSSL certificate is available for the app (reported on paid plans only).",
  }),
  autoSslDomains: field(z.array(z.string()).optional(), {
    description: "The domains of the available AutoSSL certificate.",
  }),
};

type AppInputs = z.infer<z.ZodObject<typeof inputs>>;

function sslOf(args: Pick<AppInputs, "autoSsl" | "forceSsl" | "customSsl">): SslSettings {
  return { autoSsl: args.autoSsl, forceSsl: args.forceSsl, customSsl: args.customSsl };
}

function observed(data: AppData) {
  const ssl = sslSettingsOf(data.ssl);
  return {
    inputs: {
      name: data.name,
      sysuserId: data.sysuserid,
      runtime: data.runtime as AppInputs["runtime"],
      domains: data.domains,
      autoSsl: ssl.autoSsl,
      forceSsl: ssl.forceSsl,
      customSsl: ssl.customSsl,
    },
    outputs: {
      serverId: data.serverid,
      datecreated: data.datecreated,
      autoSslAvailable: data.autossl?.available,
      autoSslDomains: data.autossl?.domains,
    },
  };
}

export const App = defineResource({
  token: "hosting:serverpilot:App",
  description:
    "A PHP web application (a website) owned by a system user, optionally with WordPress installed, and its SSL: AutoSSL or a custom certificate, and ForceSSL.",
  api: serverPilotApi,
  inputs,
  outputs,
  // App names are unique per server: a replacement under the same name must delete first.
  uniqueKeys: (args) => [args.name],
  rules(args) {
    const failures = [];
    if (args.autoSsl && args.customSsl) {
      failures.push({ property: "customSsl", reason: "cannot be set together with autoSsl: an app has either AutoSSL or a custom certificate" });
    }
    if (args.forceSsl && !args.autoSsl && !args.customSsl) {
      failures.push({ property: "forceSsl", reason: "needs SSL: set autoSsl to true or provide customSsl" });
    }
    return failures;
  },
  describeUpdate(olds, news) {
    const steps: string[] = [];
    if (olds.runtime !== news.runtime) steps.push(`change the runtime from ${olds.runtime} to ${news.runtime}`);
    return [...steps, ...planSsl(sslOf(olds), sslOf(news)).map((s) => s.describe)];
  },
  async create(ctx, args) {
    const client = serverPilotClient(ctx.config);
    const created = await client.createApp(
      {
        name: args.name,
        sysuserid: args.sysuserId,
        runtime: args.runtime,
        domains: args.domains,
        ...(args.wordpress
          ? {
              wordpress: {
                site_title: args.wordpress.siteTitle,
                admin_user: args.wordpress.adminUser,
                admin_password: args.wordpress.adminPassword,
                admin_email: args.wordpress.adminEmail,
              },
            }
          : {}),
      },
      ctx,
    );
    const id = created.data.id;
    await finishCreate(id, args, {}, async () => {
      await client.settle(created, ctx);
      await applySsl(client, created.data, sslOf(args), ctx);
    });
    const current = await client.getApp(id, ctx);
    return { id, outputs: observed(current ?? created.data).outputs };
  },
  async read(ctx, id) {
    const data = await serverPilotClient(ctx.config).getApp(id, ctx);
    return data && observed(data);
  },
  async update(ctx, id, olds, news) {
    const client = serverPilotClient(ctx.config);
    const change: { runtime?: string; domains?: string[] } = {};
    if (olds.inputs.runtime !== news.runtime) change.runtime = news.runtime;
    if (!sameValue(olds.inputs.domains, news.domains, inputs.domains)) change.domains = news.domains;
    if (Object.keys(change).length > 0) await client.updateApp(id, change, ctx);
    const app = await client.getApp(id, ctx);
    if (!app) throw new Error(`app ${id} disappeared during the update`);
    await applySsl(client, app, sslOf(news), ctx);
    const current = await client.getApp(id, ctx);
    return observed(current ?? app).outputs;
  },
  async delete(ctx, id) {
    ctx.log(`deleting app ${id} with its databases`);
    await serverPilotClient(ctx.config).deleteApp(id, ctx);
  },
});
