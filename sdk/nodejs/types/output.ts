// Generated from the hosting provider's declarations by `npm run build`. Do not edit by hand.


export namespace serverpilot {

    export interface AppWordpress {
        /**
         * The site title.
         */
        siteTitle: string;
        /**
         * The WordPress administrator's user name, at most 60 characters.
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
         * The PEM CA certificate chain, if any.
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

    export interface GetServersServers {
        /**
         * Server id.
         */
        id: string;
        /**
         * Server nickname.
         */
        name: string;
        /**
         * Firewall enabled.
         */
        firewall: boolean;
        /**
         * Automatic updates enabled.
         */
        autoupdates: boolean;
        /**
         * Unknown domains denied.
         */
        denyUnknownDomains: boolean;
        /**
         * Last address.
         */
        lastaddress?: string;
        /**
         * Created (Unix seconds).
         */
        datecreated: number;
    }

    export interface GetSysUsersSysusers {
        /**
         * System user id.
         */
        id: string;
        /**
         * User name.
         */
        name: string;
        /**
         * Server id.
         */
        serverId: string;
    }

    export interface GetAppsApps {
        /**
         * App id.
         */
        id: string;
        /**
         * App nickname.
         */
        name: string;
        /**
         * Owning system user.
         */
        sysuserId: string;
        /**
         * Server id.
         */
        serverId: string;
        /**
         * PHP runtime.
         */
        runtime: string;
        /**
         * Domains.
         */
        domains: string[];
        /**
         * Whether the app has SSL (AutoSSL or custom).
         */
        sslEnabled: boolean;
        /**
         * Created (Unix seconds).
         */
        datecreated: number;
    }

    export interface GetDatabasesDatabases {
        /**
         * Database id.
         */
        id: string;
        /**
         * Database name.
         */
        name: string;
        /**
         * App id.
         */
        appId: string;
        /**
         * Server id.
         */
        serverId: string;
        /**
         * Database user id.
         */
        userId: string;
        /**
         * Database user name.
         */
        userName: string;
    }
}
