// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.

import * as pulumi from "@pulumi/pulumi";

export namespace serverpilot {

    export interface AppWordpress {
        /**
         * The site title.
         */
        siteTitle: pulumi.Input<string>;
        /**
         * The WordPress administrator's user name, at most 60 characters.
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
         * The PEM CA certificate chain, if any.
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

    export interface GetServersServers {
        /**
         * Server id.
         */
        id: pulumi.Input<string>;
        /**
         * Server nickname.
         */
        name: pulumi.Input<string>;
        /**
         * Firewall enabled.
         */
        firewall: pulumi.Input<boolean>;
        /**
         * Automatic updates enabled.
         */
        autoupdates: pulumi.Input<boolean>;
        /**
         * Unknown domains denied.
         */
        denyUnknownDomains: pulumi.Input<boolean>;
        /**
         * Last address.
         */
        lastaddress?: pulumi.Input<string>;
        /**
         * Created (Unix seconds).
         */
        datecreated: pulumi.Input<number>;
    }

    export interface GetSysUsersSysusers {
        /**
         * System user id.
         */
        id: pulumi.Input<string>;
        /**
         * User name.
         */
        name: pulumi.Input<string>;
        /**
         * Server id.
         */
        serverId: pulumi.Input<string>;
    }

    export interface GetAppsApps {
        /**
         * App id.
         */
        id: pulumi.Input<string>;
        /**
         * App nickname.
         */
        name: pulumi.Input<string>;
        /**
         * Owning system user.
         */
        sysuserId: pulumi.Input<string>;
        /**
         * Server id.
         */
        serverId: pulumi.Input<string>;
        /**
         * PHP runtime.
         */
        runtime: pulumi.Input<string>;
        /**
         * Domains.
         */
        domains: pulumi.Input<pulumi.Input<string>[]>;
        /**
         * Whether the app has SSL (AutoSSL or custom).
         */
        sslEnabled: pulumi.Input<boolean>;
        /**
         * Created (Unix seconds).
         */
        datecreated: pulumi.Input<number>;
    }

    export interface GetDatabasesDatabases {
        /**
         * Database id.
         */
        id: pulumi.Input<string>;
        /**
         * Database name.
         */
        name: pulumi.Input<string>;
        /**
         * App id.
         */
        appId: pulumi.Input<string>;
        /**
         * Server id.
         */
        serverId: pulumi.Input<string>;
        /**
         * Database user id.
         */
        userId: pulumi.Input<string>;
        /**
         * Database user name.
         */
        userName: pulumi.Input<string>;
    }
}
