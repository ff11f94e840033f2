// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as outputs from "./output";

export namespace serverpilot {

    export interface AppWordpress {
        /**
         * The site title.
         */
        siteTitle: string;
        /**
         * The WordPress administrator's user name.
         */
        adminUser: string;
        /**
         * The WordPress administrator's password, 8 to 200 characters.
         */
        adminPassword: string;
        /**
         * The WordPress administrator's email address.
         */
        adminEmail: string;
    }

    export interface AppCustomSsl {
        /**
         * The PEM private key.
         */
        key: string;
        /**
         * The PEM certificate.
         */
        cert: string;
        /**
         * The PEM CA certificate chain; null or absent when there is none.
         */
        cacerts?: string;
    }

    export interface DatabaseUser {
        /**
         * The database user's name, at most 16 characters.
         */
        name: string;
        /**
         * The database user's password, 8 to 200 characters without surrounding whitespace. ServerPilot never returns it.
         */
        password: string;
    }

    export interface ServerSummary {
        /**
         * The Server's id.
         */
        id: string;
        /**
         * The nickname of the server: 1 to 255 lowercase letters, digits, '.' and '-'.
         */
        name: string;
        /**
         * Whether the server's firewall is enabled.
         */
        firewall?: boolean;
        /**
         * Whether automatic system updates are enabled.
         */
        autoupdates?: boolean;
        /**
         * Whether requests for domains no app serves are denied (true) or sent to the default app (false).
         */
        denyUnknownDomains?: boolean;
        /**
         * The address the server last connected from.
         */
        lastaddress?: string;
        /**
         * When the server last connected (Unix seconds).
         */
        lastconn?: number;
        /**
         * When the server was created (Unix seconds).
         */
        datecreated: number;
    }

    export interface SysUserSummary {
        /**
         * The SysUser's id.
         */
        id: string;
        /**
         * The id of the server the system user lives on.
         */
        serverId: string;
        /**
         * The Linux user name: 3 to 32 lowercase letters, digits and '-', starting with a letter.
         */
        name: string;
    }

    export interface AppSummaryCustomSsl {
        /**
         * The PEM private key.
         */
        key: string;
        /**
         * The PEM certificate.
         */
        cert: string;
        /**
         * The PEM CA certificate chain; null or absent when there is none.
         */
        cacerts?: string;
    }

    export interface AppSummary {
        /**
         * The App's id.
         */
        id: string;
        /**
         * The nickname of the app: 3 to 30 lowercase letters and digits. Its web root is /srv/users/<sysuser>/apps/<name>/public.
         */
        name: string;
        /**
         * The system user that owns the app; it also decides the server the app runs on.
         */
        sysuserId: string;
        /**
         * The PHP runtime, such as php8.3. It must be one the server offers; where ServerPilot reports the server's runtimes, that is checked before anything changes.
         */
        runtime: string;
        /**
         * The domains the web server answers for (example.com also serves www.example.com; *.example.com every subdomain). Compared as ServerPilot stores them: in any order, in any case, without a trailing dot; each may appear once.
         */
        domains?: string[];
        /**
         * Serve HTTPS with a certificate ServerPilot issues and renews (AutoSSL, paid plans). It needs a domain that is not a wildcard and that resolves to the server; the provider waits until the certificate is available. Excludes customSsl.
         */
        autoSsl?: boolean;
        /**
         * Serve HTTPS with your own certificate. Excludes autoSsl.
         */
        customSsl?: outputs.serverpilot.AppSummaryCustomSsl;
        /**
         * Redirect HTTP to HTTPS (ForceSSL). Needs autoSsl or customSsl.
         */
        forceSsl?: boolean;
        /**
         * The server the app runs on.
         */
        serverId: string;
        /**
         * When the app was created (Unix seconds).
         */
        datecreated: number;
        /**
         * Whether an AutoSSL certificate is available for the app (reported on paid plans only).
         */
        autoSslAvailable?: boolean;
        /**
         * The domains of the available AutoSSL certificate.
         */
        autoSslDomains?: string[];
    }

    export interface DatabaseSummaryUser {
        /**
         * The database user's name, at most 16 characters.
         */
        name: string;
    }

    export interface DatabaseSummary {
        /**
         * The Database's id.
         */
        id: string;
        /**
         * The app the database belongs to.
         */
        appId: string;
        /**
         * The MySQL database name: 3 to 64 lowercase letters, digits and '-'.
         */
        name: string;
        /**
         * The database's only user.
         */
        user: outputs.serverpilot.DatabaseSummaryUser;
        /**
         * The server the database lives on.
         */
        serverId: string;
        /**
         * The id of the database user.
         */
        userId: string;
    }
}
