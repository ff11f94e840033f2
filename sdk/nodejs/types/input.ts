// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./input";

export namespace serverpilot {

    export interface AppWordpress {
        /**
         * The site title.
         */
        siteTitle: pulumi.Input<string>;
        /**
         * The WordPress administrator's user name.
         */
        adminUser: pulumi.Input<string>;
        /**
         * The WordPress administrator's password, 8 to 200 characters.
         */
        adminPassword: pulumi.Input<string>;
        /**
         * The WordPress administrator's email address.
         */
        adminEmail: pulumi.Input<string>;
    }

    export interface AppCustomSsl {
        /**
         * The PEM private key.
         */
        key: pulumi.Input<string>;
        /**
         * The PEM certificate.
         */
        cert: pulumi.Input<string>;
        /**
         * The PEM CA certificate chain; null or absent when there is none.
         */
        cacerts?: pulumi.Input<string>;
    }

    export interface DatabaseUser {
        /**
         * The database user's name, at most 16 characters.
         */
        name: pulumi.Input<string>;
        /**
         * The database user's password, 8 to 200 characters without surrounding whitespace. ServerPilot never returns it.
         */
        password: pulumi.Input<string>;
    }

    export interface ServerSummary {
        /**
         * The Server's id.
         */
        id: pulumi.Input<string>;
        /**
         * The nickname of the server: 1 to 255 lowercase letters, digits, '.' and '-'.
         */
        name: pulumi.Input<string>;
        /**
         * Whether the server's firewall is enabled.
         */
        firewall?: pulumi.Input<boolean>;
        /**
         * Whether automatic system updates are enabled.
         */
        autoupdates?: pulumi.Input<boolean>;
        /**
         * Whether requests for domains no app serves are denied (true) or sent to the default app (false).
         */
        denyUnknownDomains?: pulumi.Input<boolean>;
        /**
         * The address the server last connected from.
         */
        lastaddress?: pulumi.Input<string>;
        /**
         * When the server last connected (Unix seconds).
         */
        lastconn?: pulumi.Input<number>;
        /**
         * When the server was created (Unix seconds).
         */
        datecreated: pulumi.Input<number>;
    }

    export interface SysUserSummary {
        /**
         * The SysUser's id.
         */
        id: pulumi.Input<string>;
        /**
         * The id of the server the system user lives on.
         */
        serverId: pulumi.Input<string>;
        /**
         * The Linux user name: 3 to 32 lowercase letters, digits and '-', starting with a letter.
         */
        name: pulumi.Input<string>;
    }

    export interface AppSummaryCustomSsl {
        /**
         * The PEM private key.
         */
        key: pulumi.Input<string>;
        /**
         * The PEM certificate.
         */
        cert: pulumi.Input<string>;
        /**
         * The PEM CA certificate chain; null or absent when there is none.
         */
        cacerts?: pulumi.Input<string>;
    }

    export interface AppSummary {
        /**
         * The App's id.
         */
        id: pulumi.Input<string>;
        /**
         * The nickname of the app: 3 to 30 lowercase letters and digits. Its web root is /srv/users/<sysuser>/apps/<name>/public.
         */
        name: pulumi.Input<string>;
        /**
         * The system user that owns the app; it also decides the server the app runs on.
         */
        sysuserId: pulumi.Input<string>;
        /**
         * The PHP runtime, such as php8.3. It must be one the server offers; where ServerPilot reports the server's runtimes, that is checked before anything changes.
         */
        runtime: pulumi.Input<string>;
        /**
         * The domains the web server answers for (example.com also serves www.example.com; *.example.com every subdomain). Compared as ServerPilot stores them: in any order, in any case, without a trailing dot; each may appear once.
         */
        domains?: pulumi.Input<pulumi.Input<string>[]>;
        /**
         * Serve HTTPS with a certificate ServerPilot issues and renews (AutoSSL, paid plans). It needs a domain that is not a wildcard and that resolves to the server; the provider waits until the certificate is available. Excludes customSsl.
         */
        autoSsl?: pulumi.Input<boolean>;
        /**
         * Serve HTTPS with your own certificate. Excludes autoSsl.
         */
        customSsl?: pulumi.Input<inputs.serverpilot.AppSummaryCustomSsl>;
        /**
         * Redirect HTTP to HTTPS (ForceSSL). Needs autoSsl or customSsl.
         */
        forceSsl?: pulumi.Input<boolean>;
        /**
         * The server the app runs on.
         */
        serverId: pulumi.Input<string>;
        /**
         * When the app was created (Unix seconds).
         */
        datecreated: pulumi.Input<number>;
        /**
         * Whether an AutoSSL certificate is available for the app (reported on paid plans only).
         */
        autoSslAvailable?: pulumi.Input<boolean>;
        /**
         * The domains of the available AutoSSL certificate.
         */
        autoSslDomains?: pulumi.Input<pulumi.Input<string>[]>;
    }

    export interface DatabaseSummaryUser {
        /**
         * The database user's name, at most 16 characters.
         */
        name: pulumi.Input<string>;
    }

    export interface DatabaseSummary {
        /**
         * The Database's id.
         */
        id: pulumi.Input<string>;
        /**
         * The app the database belongs to.
         */
        appId: pulumi.Input<string>;
        /**
         * The MySQL database name: 3 to 64 lowercase letters, digits and '-'.
         */
        name: pulumi.Input<string>;
        /**
         * The database's only user.
         */
        user: pulumi.Input<inputs.serverpilot.DatabaseSummaryUser>;
        /**
         * The server the database lives on.
         */
        serverId: pulumi.Input<string>;
        /**
         * The id of the database user.
         */
        userId: pulumi.Input<string>;
    }
}
