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
export namespace combell {

    export interface AccountAddon {
        /**
         * The addon's id.
         */
        id: pulumi.Input<number>;
        /**
         * The addon's name.
         */
        name: pulumi.Input<string>;
    }

    export interface LinuxHostingSettingsApcu {
        /**
         * Whether PHP's APCu cache is on.
         */
        enabled: pulumi.Input<boolean>;
        /**
         * The APCu cache's size in MB (the API's apcu_size); required while enabled.
         */
        sizeMb?: pulumi.Input<number>;
    }

    export interface LinuxHostingSite {
        /**
         * The site's name, a key of http2.
         */
        name: pulumi.Input<string>;
        /**
         * Its host names, keys of letsEncrypt and autoRedirect.
         */
        hostNames: pulumi.Input<pulumi.Input<string>[]>;
        /**
         * Whether the site has SSL.
         */
        sslEnabled: pulumi.Input<boolean>;
    }

    export interface MailboxAutoReply {
        /**
         * Whether mail is answered with the message.
         */
        enabled: pulumi.Input<boolean>;
        /**
         * The answer's subject; required while enabled.
         */
        subject?: pulumi.Input<string>;
        /**
         * The answer's text; required while enabled.
         */
        message?: pulumi.Input<string>;
    }

    export interface MailboxAutoForward {
        /**
         * Whether mail is forwarded.
         */
        enabled: pulumi.Input<boolean>;
        /**
         * The addresses mail is forwarded to, in any order; at least one while enabled.
         */
        emailAddresses?: pulumi.Input<pulumi.Input<string>[]>;
        /**
         * Whether the mailbox keeps a copy of what it forwards. Default false.
         */
        copyToMyself?: pulumi.Input<boolean>;
    }

    export interface Servicepack {
        /**
         * The servicepack's id, an Account's servicepackId.
         */
        id: pulumi.Input<number>;
        /**
         * The servicepack's name.
         */
        name: pulumi.Input<string>;
    }

    export interface AccountSummary {
        /**
         * The Account's id.
         */
        id: pulumi.Input<string>;
        /**
         * The account's identifier, 1 to 255 characters; for a hosting account, its domain name (example.com).
         */
        identifier: pulumi.Input<string>;
        /**
         * The servicepack the account is an instance of (see getServicepacks).
         */
        servicepackId: pulumi.Input<number>;
        /**
         * The servicepack's name (left out of getAccounts results).
         */
        servicepackName?: pulumi.Input<string>;
        /**
         * The addons applied to the account (left out of getAccounts results).
         */
        addons?: pulumi.Input<pulumi.Input<inputs.combell.AccountAddon>[]>;
    }

    export interface LinuxHostingSummary {
        /**
         * The hosting's domain name.
         */
        domainName: pulumi.Input<string>;
        /**
         * The servicepack of the account that has it.
         */
        servicepackId?: pulumi.Input<number>;
    }

    export interface DnsRecordSummary {
        /**
         * The DnsRecord's id.
         */
        id: pulumi.Input<string>;
        /**
         * The domain whose zone holds the record, such as example.com.
         */
        domainName: pulumi.Input<string>;
        /**
         * The record type. One of: `A`, `AAAA`, `CAA`, `CNAME`, `MX`, `TXT`, `SRV`, `ALIAS`, `TLSA`.
         */
        type: pulumi.Input<string>;
        /**
         * The host name the record defines, within the domain: "@" (the default) or "" for the domain itself, "www", "*.shop"; for TLSA port, protocol and host such as _25._tcp. For every type but SRV.
         */
        recordName?: pulumi.Input<string>;
        /**
         * How long resolvers may cache the record, 60 to 86400 seconds.
         */
        ttl?: pulumi.Input<number>;
        /**
         * The record data, required for every type but SRV: A an IPv4 address; AAAA an IPv6 address; CNAME and ALIAS the canonical name; MX the mail host's name; TXT free text; CAA "{flag} {tag} {ca}" (flag 0 or 128, tag issue, issuewild or iodef); TLSA "{usage} {selector} {matching type} {data}".
         */
        content?: pulumi.Input<string>;
        /**
         * For MX and SRV records: lower is preferred, 0 to 9999 (default 10).
         */
        priority?: pulumi.Input<number>;
        /**
         * The symbolic name of the service, such as _sip, required for SRV records. Only for SRV records; the API cannot edit it, so a change replaces the record.
         */
        service?: pulumi.Input<string>;
        /**
         * The host name of the machine providing the service, required for SRV records. Only for SRV records; the API cannot edit it, so a change replaces the record.
         */
        target?: pulumi.Input<string>;
        /**
         * The service's protocol: TCP (the default), UDP or TLS. Only for SRV records; the API cannot edit it, so a change replaces the record.
         */
        protocol?: pulumi.Input<string>;
        /**
         * The service's port, 1 to 65535, required for SRV records. Only for SRV records; the API cannot edit it, so a change replaces the record.
         */
        port?: pulumi.Input<number>;
        /**
         * For SRV records: among records of the same priority, higher is preferred, 0 to 65535 (default 0).
         */
        weight?: pulumi.Input<number>;
        /**
         * The record's id within the domain.
         */
        recordId: pulumi.Input<string>;
    }

    export interface DomainSummary {
        /**
         * The Domain's id.
         */
        id: pulumi.Input<string>;
        /**
         * The domain to register, or to transfer in: its domain part and TLD only, such as example.com. Also the resource's id, as `pulumi import` takes it. Combell registers `.ca` domains only for registrants with country code CA.
         */
        domainName: pulumi.Input<string>;
        /**
         * The domain's name servers, such as ns1.example.net, in any order. Changed in place. Left out, the domain is registered (or transferred) on Combell's default name servers, and they are not managed.
         */
        nameServers?: pulumi.Input<pulumi.Input<string>[]>;
        /**
         * Whether Combell renews the domain when it expires. Changed in place, which Combell allows only while the domain's `canToggleRenew` is true (no unpaid invoices for it, its renewal not starting within a month, and an API user with the finance role). Left out, the renewal is not managed.
         */
        autoRenew?: pulumi.Input<boolean>;
        /**
         * When the domain expires (ISO-8601).
         */
        expirationDate?: pulumi.Input<string>;
        /**
         * Whether Combell allows changing `autoRenew` now (left out of getDomains results).
         */
        canToggleRenew?: pulumi.Input<boolean>;
    }

    export interface MailboxSummaryAutoReply {
        /**
         * Whether mail is answered with the message.
         */
        enabled: pulumi.Input<boolean>;
        /**
         * The answer's subject; required while enabled.
         */
        subject?: pulumi.Input<string>;
        /**
         * The answer's text; required while enabled.
         */
        message?: pulumi.Input<string>;
    }

    export interface MailboxSummaryAutoForward {
        /**
         * Whether mail is forwarded.
         */
        enabled: pulumi.Input<boolean>;
        /**
         * The addresses mail is forwarded to, in any order; at least one while enabled.
         */
        emailAddresses?: pulumi.Input<pulumi.Input<string>[]>;
        /**
         * Whether the mailbox keeps a copy of what it forwards. Default false.
         */
        copyToMyself?: pulumi.Input<boolean>;
    }

    export interface MailboxSummary {
        /**
         * The Mailbox's id.
         */
        id: pulumi.Input<string>;
        /**
         * The mailbox's address, in the domain of its account (info@example.com). Also its id, as `pulumi import` takes it.
         */
        emailAddress: pulumi.Input<string>;
        /**
         * An automatic answer to incoming mail, changed in place. Left out, it is not managed.
         */
        autoReply?: pulumi.Input<inputs.combell.MailboxSummaryAutoReply>;
        /**
         * Forwarding of incoming mail, changed in place. Left out, it is not managed.
         */
        autoForward?: pulumi.Input<inputs.combell.MailboxSummaryAutoForward>;
        /**
         * The login to connect to the mailbox with (left out of getMailboxes results).
         */
        login?: pulumi.Input<string>;
        /**
         * The most the mailbox may hold, in MB.
         */
        maxSize?: pulumi.Input<number>;
        /**
         * What the mailbox holds, in MB.
         */
        actualSize?: pulumi.Input<number>;
    }

    export interface MailZoneAccount {
        /**
         * The account's id, a Mailbox's accountId.
         */
        accountId: pulumi.Input<number>;
        /**
         * The size of the account's mailboxes, in MB.
         */
        sizeMb?: pulumi.Input<number>;
    }

    export interface MysqlDatabaseSummary {
        /**
         * The MysqlDatabase's id.
         */
        id: pulumi.Input<string>;
        /**
         * The name asked for, 2 to 14 lowercase letters and digits (the rule of Combell's MySQL user names, as the database's user takes its name). Combell prefixes it when it provisions the database (tests becomes ID111125_tests): the `name` output is the real one.
         */
        databaseName: pulumi.Input<string>;
        /**
         * The account the database belongs to (an Account's id).
         */
        accountId: pulumi.Input<number>;
        /**
         * The database's name as provisioned, with its prefix (ID111125_tests); also its id.
         */
        name: pulumi.Input<string>;
        /**
         * The host to connect to (ID111125_tests.db.webhosting.be).
         */
        hostname: pulumi.Input<string>;
        /**
         * The database user the password belongs to: the one named like the database, else its first read-and-write user (left out of getMysqlDatabases results).
         */
        userName?: pulumi.Input<string>;
        /**
         * How many users the database has.
         */
        userCount?: pulumi.Input<number>;
        /**
         * The most the database may hold, in MB.
         */
        maxSize?: pulumi.Input<number>;
        /**
         * What the database holds, in MB.
         */
        actualSize?: pulumi.Input<number>;
    }
}
export namespace dbaas {

    export interface DatabaseSummary {
        /**
         * The Database's id.
         */
        id: pulumi.Input<string>;
        /**
         * The database instance's name (1 to 63 characters); the DBaaS makes its slug and host from it.
         */
        name: pulumi.Input<string>;
        /**
         * The engine: postgresql, mysql, redis or mongodb. One of: `postgresql`, `mysql`, `redis`, `mongodb`.
         */
        dbType: pulumi.Input<string>;
        /**
         * The engine version, one the DBaaS offers (postgresql 14, 15, 16; mysql 8.0, 8.4; redis 7.0, 7.2; mongodb 6.0, 7.0). Default: the newest of the engine.
         */
        version?: pulumi.Input<string>;
        /**
         * The instance size plan, e.g. db-s-2vcpu-4gb.
         */
        planId: pulumi.Input<string>;
        /**
         * The region it runs in, e.g. nyc1.
         */
        region: pulumi.Input<string>;
        /**
         * Storage size in GB. Default 10.
         */
        storageGb?: pulumi.Input<number>;
        /**
         * Number of replicas for high availability. Default 1.
         */
        replicas?: pulumi.Input<number>;
        /**
         * provisioning, running, stopped, error or destroyed.
         */
        status: pulumi.Input<string>;
        /**
         * When it was created (ISO 8601).
         */
        createdAt?: pulumi.Input<string>;
        /**
         * The project it belongs to.
         */
        projectId?: pulumi.Input<string>;
        /**
         * The slug the DBaaS made from the name.
         */
        slug?: pulumi.Input<string>;
        /**
         * The host to connect to (from /credentials; left out of getDatabases results).
         */
        host?: pulumi.Input<string>;
        /**
         * The port to connect to (from /credentials; left out of getDatabases results).
         */
        port?: pulumi.Input<number>;
        /**
         * The user to log in as; none for Redis (from /credentials; left out of getDatabases results).
         */
        username?: pulumi.Input<string>;
        /**
         * The password (from /credentials; left out of getDatabases results).
         */
        password?: pulumi.Input<string>;
        /**
         * The database to connect to; none for Redis (from /credentials; left out of getDatabases results).
         */
        database?: pulumi.Input<string>;
        /**
         * The SSL mode to connect with (require); none for Redis (from /credentials; left out of getDatabases results).
         */
        sslMode?: pulumi.Input<string>;
        /**
         * A connection URL with the credentials in it (from /credentials; left out of getDatabases results).
         */
        connectionString?: pulumi.Input<string>;
    }
}
export namespace pterodactyl {

    export interface ServerDatabaseSummary {
        /**
         * The ServerDatabase's id.
         */
        id: pulumi.Input<string>;
        /**
         * The numeric id of the server the database belongs to (the panel's routes take the id, not the UUID).
         */
        serverId: pulumi.Input<number>;
        /**
         * The name asked for: letters, digits, '_' and '-'. The panel stores it prefixed with the server (s12_ + name, 48 characters in all); the `name` output is the stored one.
         */
        database: pulumi.Input<string>;
        /**
         * Where the database user may connect from: an IPv4 address or pattern (192.168.%), % for anywhere (the default).
         */
        remote?: pulumi.Input<string>;
        /**
         * The id of the panel's database host the database is created on.
         */
        host: pulumi.Input<number>;
        /**
         * The database's name as stored, with its prefix (s12_name).
         */
        name: pulumi.Input<string>;
        /**
         * The database user the panel made (u12_ and 10 random characters).
         */
        username: pulumi.Input<string>;
        /**
         * The database user's password, which the panel generates (absent when the API key may not read it).
         */
        password?: pulumi.Input<string>;
        /**
         * The most connections the user may open at once (0: no limit).
         */
        maxConnections?: pulumi.Input<number>;
        /**
         * When the database was created (ISO 8601).
         */
        createdAt?: pulumi.Input<string>;
        /**
         * When it last changed, a password reset included (ISO 8601).
         */
        updatedAt?: pulumi.Input<string>;
    }
}
export namespace wispanel {

    export interface DatabaseSummary {
        /**
         * The Database's id.
         */
        id: pulumi.Input<string>;
        /**
         * The database's name without the owner prefix: letters, digits and '_'. WisPanel prefixes it with the API key's owner (mydb becomes john_mydb): `fullName` is the real one, and the id.
         */
        name: pulumi.Input<string>;
        /**
         * The MySQL user made with the database, without the owner prefix (mydb_user becomes john_mydb_user): letters, digits and '_'.
         */
        user: pulumi.Input<string>;
        /**
         * The domain the database belongs to in the panel.
         */
        domain?: pulumi.Input<string>;
        /**
         * Whether the user may connect from `remoteHost`, not only from the panel's machine. Changed in place.
         */
        remoteAccess?: pulumi.Input<boolean>;
        /**
         * Where the user may connect from when `remoteAccess` is on: a host, an IP address, or a pattern; "%" allows any host. Changed in place.
         */
        remoteHost?: pulumi.Input<string>;
        /**
         * The database's name with the owner prefix (john_mydb); also its id.
         */
        fullName: pulumi.Input<string>;
        /**
         * The MySQL user's name with the owner prefix (john_mydb_user): the one to log in with.
         */
        fullUser: pulumi.Input<string>;
        /**
         * The panel user who owns the database: the API key's owner, whose username prefixes the names.
         */
        owner: pulumi.Input<string>;
        /**
         * What the database holds, in KB, when last read.
         */
        sizeKb?: pulumi.Input<number>;
        /**
         * When the database was created (ISO 8601).
         */
        createdAt?: pulumi.Input<string>;
    }
}
