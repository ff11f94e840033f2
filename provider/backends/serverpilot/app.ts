import { z } from "zod";
import type { OperationContext } from "../../http/client";
import { InputError, type CheckFailure } from "../../kit/errors";
import { field } from "../../kit/fields";
import { createOnce } from "../../kit/lost-create";
import { defineResource } from "../../kit/resource";
import { containsUnknown, isUnknown } from "../../kit/values";
import { serverPilotApi } from "./api";
import { applySsl, customSslField, planSsl, sslSettingsOf, type SslSettings } from "./app-ssl";
import { unixTime, type AppData, type ServerData, type ServerPilotClient } from "./client";
import { apiId, appName, domainName, MAX_DOMAINS_PER_APP, nonEmpty, normalizeDomain, passwordLength, runtime } from "./rules";

const inputs = {
  name: field(appName(), {
    description: "The nickname of the app: 3 to 30 lowercase letters and digits. Its web root is /srv/users/<sysuser>/apps/<name>/public.",
    replaceOnChanges: true,
  }),
  sysuserId: field(apiId("a system user id"), {
    description: "The system user that owns the app; it also decides the server the app runs on.",
    replaceOnChanges: true,
  }),
  runtime: field(runtime(), {
    description:
      "The PHP runtime, such as php8.3. It must be one the server offers; where ServerPilot reports the server's runtimes, that is checked before anything changes.",
  }),
  domains: field(z.array(domainName()).max(MAX_DOMAINS_PER_APP, `must list at most ${MAX_DOMAINS_PER_APP} domains`).default([]), {
    description:
      "The domains the web server answers for (example.com also serves www.example.com; *.example.com every subdomain). Compared as ServerPilot stores them: in any order, in any case, without a trailing dot; each may appear once.",
    unordered: true,
    normalize: (value) => (Array.isArray(value) ? value.map((v) => (typeof v === "string" ? normalizeDomain(v) : v)) : value),
  }),
  wordpress: field(
    z
      .strictObject({
        siteTitle: field(nonEmpty(), { description: "The site title." }),
        adminUser: field(nonEmpty(), { description: "The WordPress administrator's user name." }),
        adminPassword: field(passwordLength(), {
          description: "The WordPress administrator's password, 8 to 200 characters.",
          secret: true,
        }),
        adminEmail: field(nonEmpty(254), { description: "The WordPress administrator's email address." }),
      })
      .optional(),
    {
      description:
        "Installs WordPress when the app is created. It is used only then: a later change or removal is recorded with a warning and changes nothing on the site (replace the app, for example with `pulumi up --replace`, to install it afresh). ServerPilot never returns it.",
      onlyAtCreate: true,
      writeOnly: true,
      typeName: "AppWordpress",
    },
  ),
  autoSsl: field(z.boolean().default(false), {
    description:
      "Serve HTTPS with a certificate ServerPilot issues and renews (AutoSSL, paid plans). It needs a domain that is not a wildcard and that resolves to the server; the provider waits until the certificate is available. Excludes customSsl.",
  }),
  customSsl: customSslField,
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
  return { autoSsl: args.autoSsl, forceSsl: args.forceSsl, customSsl: args.customSsl ?? undefined };
}

/** The API's app as the provider sees it; the list function uses the same mapping. */
export function appFromApi(data: AppData) {
  const ssl = sslSettingsOf(data.ssl);
  return {
    id: data.id,
    inputs: {
      name: data.name,
      sysuserId: data.sysuserid,
      runtime: data.runtime,
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

function appRules(args: AppInputs): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const seen = new Map<string, number>();
  args.domains.forEach((domain, index) => {
    const name = normalizeDomain(domain);
    const first = seen.get(name);
    if (first !== undefined) {
      failures.push({ property: `domains[${index}]`, reason: `repeats domains[${first}] (${name}); domains compare without case and trailing dot` });
    } else seen.set(name, index);
  });
  if (args.autoSsl && args.customSsl) {
    failures.push({ property: "customSsl", reason: "cannot be set together with autoSsl: an app has either AutoSSL or a custom certificate" });
  }
  if (args.autoSsl && !args.domains.some((d) => !d.startsWith("*."))) {
    failures.push({ property: "autoSsl", reason: "needs at least one domain that is not a wildcard: AutoSSL certificates cover named domains only" });
  }
  if (args.forceSsl && !args.autoSsl && !args.customSsl) {
    failures.push({ property: "forceSsl", reason: "needs SSL: set autoSsl to true or provide customSsl" });
  }
  return failures;
}

/** Refuses a runtime the server does not offer, before anything is changed. */
function requireOfferedRuntime(server: ServerData | undefined, wanted: string): void {
  const offered = server?.available_runtimes;
  if (!server || !offered || offered.includes(wanted)) return;
  throw new InputError([
    { property: "runtime", reason: `${wanted} is not offered by server ${server.name} (${server.id}); it offers ${offered.join(", ")}` },
  ]);
}

async function serverOfSysUser(client: ServerPilotClient, sysuserId: string, ctx: OperationContext): Promise<ServerData | undefined> {
  const sysuser = await client.getSysUser(sysuserId, ctx);
  return sysuser && client.getServer(sysuser.serverid, ctx);
}

export const App = defineResource({
  token: "hosting:serverpilot:App",
  importId: "<appId>",
  importExample: "nlcN0TwdZAyNEgdp",
  example: `
const server = new hosting.serverpilot.Server("web", { name: "web1" });
const user = new hosting.serverpilot.SysUser("blog", { serverId: server.id, name: "blog" });
const blog = new hosting.serverpilot.App("blog", {
  name: "blog",
  sysuserId: user.id,
  runtime: "php8.3",
  domains: ["example.com", "www.example.com"],
  wordpress: {
    siteTitle: "My Blog",
    adminUser: "admin",
    adminPassword: config.requireSecret("wordpressPassword"),
    adminEmail: "admin@example.com",
  },
  autoSsl: true,
  forceSsl: true,
});

export const blogId = blog.id;
`,
  destroy:
    "Deletes the app, its files and its databases.",
  description:
    "A PHP web application (a website) owned by a system user, optionally with WordPress installed at creation, and its SSL: AutoSSL or a custom certificate, and ForceSSL.",
  api: serverPilotApi,
  inputs,
  outputs,
  // App names are unique per server: a replacement under the same name must delete first.
  uniqueKeys: (args) => [args.name],
  rules: appRules,
  describeUpdate(olds, news, changes) {
    const steps: string[] = [];
    if (isUnknown(news.runtime)) steps.push("change the runtime to a value known after apply");
    else if (changes.has("runtime")) steps.push(`change the runtime from ${olds.runtime} to ${news.runtime}`);
    if (changes.has("wordpress")) {
      steps.push("record the new wordpress settings without touching the site (WordPress is installed only when the app is created)");
    }
    if ([news.autoSsl, news.forceSsl, news.customSsl].some(containsUnknown)) {
      steps.push("decide the SSL steps once autoSsl, customSsl and forceSsl are known");
    } else {
      steps.push(...planSsl(sslOf(olds), sslOf(news)).map((s) => s.describe));
    }
    return steps;
  },
  async create(ctx, args) {
    requireOfferedRuntime(await serverOfSysUser(ctx.client, args.sysuserId, ctx), args.runtime);
    const { wordpress } = args;
    const client = ctx.client;
    const body = {
      name: args.name,
      sysuserid: args.sysuserId,
      runtime: args.runtime,
      domains: args.domains,
      ...(wordpress
        ? {
            wordpress: {
              site_title: wordpress.siteTitle,
              admin_user: wordpress.adminUser,
              admin_password: wordpress.adminPassword,
              admin_email: wordpress.adminEmail,
            },
          }
        : {}),
    };
    // App names are unique per server: the system user and the name decide, among apps made since the POST.
    const created = await createOnce(ctx, {
      api: "ServerPilot",
      subject: `app ${args.name}`,
      token: "hosting:serverpilot:App",
      importId: "<app id>",
      create: () => client.createApp(body, ctx, (accepted) => ctx.created(accepted)),
      candidates: async (look) =>
        (await client.listApps(look)).filter((a) => a.sysuserid === args.sysuserId && a.name === args.name).map((data) => ({ data, what: `create app ${args.name}` })),
      createdAt: (found) => unixTime(found.data.datecreated),
      describe: (found) => `app ${args.name}: recorded as ${found.data.id}`,
    });
    const id = created.data.id;
    ctx.created(id, appFromApi(created.data).outputs);
    await ctx.client.settle(created, ctx);
    await applySsl(ctx.client, created.data, sslOf(args), ctx);
    const current = await ctx.client.getApp(id, ctx);
    return { id, outputs: appFromApi(current ?? created.data).outputs };
  },
  async read(ctx, id) {
    const data = await ctx.client.getApp(id, ctx);
    return data && appFromApi(data);
  },
  async update(ctx, id, olds, news, changes) {
    const client = ctx.client;
    if (changes.has("wordpress")) {
      ctx.warn(
        "wordpress is used only when the app is created: the new settings are recorded, and the site is left as it is. Replace the app (pulumi up --replace <urn>) to install WordPress afresh.",
      );
    }
    const change: { runtime?: string; domains?: string[] } = {};
    if (changes.has("runtime")) {
      // A server id the state does not hold (or holds as something else) is read from the API.
      const serverId = olds.outputs.serverId ?? (await client.getApp(id, ctx))?.serverid;
      if (serverId === undefined) throw new Error(`app ${id} was not found: its runtime cannot be changed`);
      requireOfferedRuntime(await client.getServer(serverId, ctx), news.runtime);
      change.runtime = news.runtime;
    }
    if (changes.has("domains")) change.domains = news.domains;
    if (Object.keys(change).length > 0) await client.updateApp(id, change, ctx);
    const app = await client.getApp(id, ctx);
    if (!app) throw new Error(`app ${id} disappeared during the update`);
    await applySsl(client, app, sslOf(news), ctx);
    const current = await client.getApp(id, ctx);
    return appFromApi(current ?? app).outputs;
  },
  async delete(ctx, id) {
    ctx.log(`deleting app ${id} with its databases`);
    await ctx.client.deleteApp(id, ctx);
  },
});
