import type { OperationContext } from "../../http/client";
import { keyPath } from "../../kit/paths";
import { LinuxHostingData, LinuxHostingDetailData, PhpVersionData, SshKeyData } from "./answers";
import { refusalsAsErrorsOn, refusalsAsInputErrors, type FieldNames } from "./api-errors";
import { segment, type CombellCalls } from "./client-core";

// Linux hostings: the detail, each setting's own PUT (answered 204), SSH keys and subsites. A
// hosting comes with an account whose servicepack has one; the API creates or deletes none.
// A refused setting is an InputError on the input that holds it.

const SSH_KEY_FIELDS: FieldNames = { publicKey: ["public_key"] };
const SUBSITE_FIELDS: FieldNames = { siteName: ["domain_name"], path: ["path"] };

export interface ApcuBody {
  enabled: boolean;
  apcu_size?: number;
}

export class HostingCalls {
  constructor(private readonly calls: CombellCalls) {}

  list(ctx: OperationContext) {
    return this.calls.list("/linuxhostings", LinuxHostingData, {}, ctx);
  }
  get(domain: string, ctx: OperationContext) {
    return this.calls.get(this.path(domain), LinuxHostingDetailData, ctx);
  }
  /** The PHP versions the hosting can switch to. */
  async phpVersions(domain: string, ctx: OperationContext): Promise<string[]> {
    return (await this.calls.list(this.path(domain, "/phpsettings/availableversions"), PhpVersionData, {}, ctx)).map((v) => v.version);
  }

  setPhpVersion(domain: string, version: string, ctx: OperationContext) {
    return this.set("phpVersion", this.path(domain, "/phpsettings/version"), { version }, ctx);
  }
  setGzipCompression(domain: string, enabled: boolean, ctx: OperationContext) {
    return this.set("gzipCompression", this.path(domain, "/settings/gzipcompression"), { enabled }, ctx);
  }
  setPhpMemoryLimit(domain: string, memoryLimit: number, ctx: OperationContext) {
    return this.set("phpMemoryLimit", this.path(domain, "/phpsettings/memorylimit"), { memory_limit: memoryLimit }, ctx);
  }
  setApcu(domain: string, body: ApcuBody, ctx: OperationContext) {
    return this.set("apcu", this.path(domain, "/phpsettings/apcu"), body, ctx);
  }
  setFtp(domain: string, enabled: boolean, ctx: OperationContext) {
    return this.set("ftpEnabled", this.path(domain, "/ftp/configuration"), { enabled }, ctx);
  }
  setSsh(domain: string, enabled: boolean, ctx: OperationContext) {
    return this.set("sshEnabled", this.path(domain, "/ssh/configuration"), { enabled }, ctx);
  }
  /** HTTP/2 of one site, by its name. */
  setHttp2(domain: string, site: string, enabled: boolean, ctx: OperationContext) {
    return this.set(keyPath("http2", site), this.path(domain, `/sites/${segment(site)}/http2/configuration`), { enabled }, ctx);
  }
  /** Let's Encrypt for one host name. */
  setLetsEncrypt(domain: string, hostname: string, enabled: boolean, ctx: OperationContext) {
    return this.set(keyPath("letsEncrypt", hostname), this.path(domain, `/sslsettings/${segment(hostname)}/letsencrypt`), { enabled }, ctx);
  }
  /** The redirect to HTTPS, through one host name. */
  setAutoRedirect(domain: string, hostname: string, enabled: boolean, ctx: OperationContext) {
    return this.set(keyPath("autoRedirect", hostname), this.path(domain, `/sslsettings/${segment(hostname)}/autoredirect`), { enabled }, ctx);
  }

  /** The keys attached to the hosting, each named by its fingerprint. */
  listSshKeys(domain: string, ctx: OperationContext) {
    return this.calls.list(this.path(domain, "/ssh/keys"), SshKeyData, {}, ctx);
  }
  /** Answers 201; the key's fingerprint is read from the list afterwards. */
  async addSshKey(domain: string, publicKey: string, ctx: OperationContext): Promise<void> {
    await refusalsAsInputErrors(SSH_KEY_FIELDS, () => this.calls.http.post(this.path(domain, "/ssh/keys"), { public_key: publicKey }, {}, ctx));
  }
  /** A key already gone is not an error. */
  async deleteSshKey(domain: string, fingerprint: string, ctx: OperationContext): Promise<void> {
    await this.calls.remove(this.path(domain, `/ssh/keys/${segment(fingerprint)}`), ctx);
  }

  /** Answers 201; the subsite is a site of the hosting's detail from then on. */
  async createSubsite(domain: string, body: { domain_name: string; path?: string }, ctx: OperationContext): Promise<void> {
    await refusalsAsInputErrors(SUBSITE_FIELDS, () => this.calls.http.post(this.path(domain, "/subsites"), body, {}, ctx));
  }
  /** A subsite already gone is not an error. */
  async deleteSubsite(domain: string, site: string, ctx: OperationContext): Promise<void> {
    await this.calls.remove(this.path(domain, `/subsites/${segment(site)}`), ctx);
  }

  private set(property: string, path: string, body: object, ctx: OperationContext): Promise<void> {
    return refusalsAsErrorsOn(property, () => this.calls.http.put(path, body, {}, ctx).then(() => undefined));
  }

  private path(domain: string, rest = ""): string {
    return `/linuxhostings/${segment(domain)}${rest}`;
  }
}
