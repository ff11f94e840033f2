// The app routes of ServerPilot API v1: apps, their runtimes and domains, and
// the three forms of POST /apps/:id/ssl (custom certificate, AutoSSL, ForceSSL)
// with the state rules the document gives for them.
import { randomBytes } from "node:crypto";
import { cascade } from "./serverpilot-cascade";
import { ApiError, badRequest, conflict, notFound } from "./serverpilot-errors";
import { lookup, lookupReference } from "./serverpilot-lookup";
import {
  appDetailView,
  appView,
  autosslAvailable,
  autosslDomains,
  newId,
  sslView,
  unixSeconds,
  type AppRecord,
  type SslRecord,
} from "./serverpilot-records";
import type { EmulatorState, Route } from "./serverpilot-routes";
import { checkRuntimeAvailable } from "./serverpilot-runtimes";
import { parseAppCreate, parseAppUpdate, parseSslRequest } from "./serverpilot-validation";

// A limit of the real service (FACTS.md); the document does not mention it.
export const MAX_APPS_PER_SYSUSER = 1000;

function placeholderPem(label: string): string {
  return `-----BEGIN ${label}-----\n${randomBytes(48).toString("base64")}\n-----END ${label}-----`;
}

/** What AutoSSL installs: not real key material, but shaped like it. */
function autoSslCertificate(): SslRecord {
  return {
    key: placeholderPem("PRIVATE KEY"),
    cert: placeholderPem("CERTIFICATE"),
    cacerts: placeholderPem("CERTIFICATE"),
    auto: true,
    force: false,
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

export function appRoutes(state: EmulatorState): Route[] {
  const { store, actions } = state;
  const valuesOf = <T>(map: Map<string, T>) => [...map.values()];
  const { removeApp } = cascade(store, state.databases);
  const autosslReadyAt = () => Date.now() + state.autoSslDelayMs;

  return [
    {
      method: "GET",
      pattern: /^\/apps$/,
      handle: async () => ({ data: valuesOf(store.apps).map(appView) }),
    },
    {
      method: "POST",
      pattern: /^\/apps$/,
      handle: async ({ body }) => {
        const input = parseAppCreate(body);
        const sysuser = lookupReference(store.sysusers, input.sysuserid, "sysuserid", "System user");
        checkRuntimeAvailable(input.runtime, store.servers.get(sysuser.serverid));
        const ofSysuser = valuesOf(store.apps).filter((a) => a.sysuserid === sysuser.id);
        if (ofSysuser.length >= MAX_APPS_PER_SYSUSER) {
          throw badRequest(`"sysuserid": system user "${sysuser.id}" already has the maximum of ${MAX_APPS_PER_SYSUSER} apps.`);
        }
        if (valuesOf(store.apps).some((a) => a.serverid === sysuser.serverid && a.name === input.name)) {
          throw conflict(`"name": an app named "${input.name}" already exists on server "${sysuser.serverid}".`);
        }
        const app: AppRecord = {
          id: newId(),
          datecreated: unixSeconds(),
          name: input.name,
          sysuserid: sysuser.id,
          serverid: sysuser.serverid,
          runtime: input.runtime,
          domains: input.domains,
          ssl: null,
          wordpress: input.wordpress,
          autosslReadyAt: autosslReadyAt(),
        };
        store.apps.set(app.id, app);
        return { actionid: actions.start(app.serverid), data: appView(app) };
      },
    },
    {
      method: "GET",
      pattern: /^\/apps\/([^/]+)$/,
      handle: async ({ params: [id] }) => ({ data: appDetailView(lookup(store.apps, id, "App"), state.paidPlan) }),
    },
    {
      method: "POST",
      pattern: /^\/apps\/([^/]+)$/,
      handle: async ({ params: [id], body }) => {
        const app = lookup(store.apps, id, "App");
        const update = parseAppUpdate(body);
        if (update.runtime !== undefined) {
          checkRuntimeAvailable(update.runtime, store.servers.get(app.serverid));
          app.runtime = update.runtime;
        }
        if (update.domains !== undefined) {
          const covered = autosslDomains(app);
          app.domains = update.domains;
          // A new certificate is needed only when what it covers changes; a
          // reordered list or an added wildcard keeps the one there is.
          if (!sameList(covered, autosslDomains(app))) app.autosslReadyAt = autosslReadyAt();
        }
        return { actionid: actions.start(app.serverid), data: appView(app) };
      },
    },
    {
      method: "DELETE",
      pattern: /^\/apps\/([^/]+)$/,
      handle: async ({ params: [id] }) => {
        const app = lookup(store.apps, id, "App");
        await removeApp(app);
        return { actionid: actions.start(app.serverid), data: {} };
      },
    },
    {
      method: "POST",
      pattern: /^\/apps\/([^/]+)\/ssl$/,
      handle: async ({ params: [id], body }) => {
        const app = lookup(store.apps, id, "App");
        const request = parseSslRequest(body);
        switch (request.kind) {
          case "custom": {
            if (app.ssl?.auto) {
              throw conflict(
                `"key": a custom SSL certificate cannot be added while AutoSSL is enabled; ` +
                  `disable AutoSSL first (DELETE /apps/${app.id}/ssl).`,
              );
            }
            // Replacing a custom certificate keeps ForceSSL as it was.
            app.ssl = { key: request.key, cert: request.cert, cacerts: request.cacerts, auto: false, force: app.ssl?.force ?? false };
            // As the document shows, this answer carries the certificate only.
            return {
              actionid: actions.start(app.serverid),
              data: { key: app.ssl.key, cert: app.ssl.cert, cacerts: app.ssl.cacerts },
            };
          }
          case "auto": {
            if (!state.paidPlan) {
              throw new ApiError(402, `"auto": AutoSSL is restricted to accounts on a paid plan.`);
            }
            if (app.ssl && !app.ssl.auto) {
              throw conflict(
                `"auto": AutoSSL cannot be enabled while the app has a custom SSL certificate; ` +
                  `delete it first (DELETE /apps/${app.id}/ssl).`,
              );
            }
            if (autosslDomains(app).length === 0) {
              throw conflict(`"auto": AutoSSL is not available for app "${app.id}": it has no domain a certificate can cover.`);
            }
            // Enabling AutoSSL when it is already on changes nothing, issued or not.
            if (!app.ssl && !autosslAvailable(app)) {
              throw conflict(
                `"auto": AutoSSL is not available yet for app "${app.id}": its certificate is still being issued; ` +
                  `retry once GET /apps/${app.id} shows "autossl": {"available": true}.`,
              );
            }
            app.ssl ??= autoSslCertificate();
            return { actionid: actions.start(app.serverid), data: sslView(app.ssl) };
          }
          case "force": {
            if (!app.ssl) {
              throw conflict(`"force": ForceSSL can only be changed when app "${app.id}" has SSL enabled.`);
            }
            app.ssl.force = request.force;
            return { actionid: actions.start(app.serverid), data: sslView(app.ssl) };
          }
        }
      },
    },
    {
      method: "DELETE",
      pattern: /^\/apps\/([^/]+)\/ssl$/,
      handle: async ({ params: [id] }) => {
        const app = lookup(store.apps, id, "App");
        // Not documented; a missing sub-resource is answered like any missing resource.
        if (!app.ssl) throw notFound(`App "${app.id}" has no SSL to delete.`);
        // Removing SSL also turns ForceSSL off: there is nothing left to force.
        app.ssl = null;
        return { actionid: actions.start(app.serverid), data: {} };
      },
    },
  ];
}
