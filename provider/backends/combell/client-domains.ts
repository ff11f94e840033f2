import type { OperationContext } from "../../http/client";
import { DomainData, DomainDetailData } from "./answers";
import type { FieldNames } from "./api-errors";
import { segment, type CombellCalls } from "./client-core";
import type { CreateAnswer } from "./provisioning";

// Domains: the portfolio, registration and transfer (each a provisioning job), name servers and
// the renewal flag. The API deletes no domain.

const DOMAIN_FIELDS: FieldNames = {
  domainName: ["domain_name"],
  nameServers: ["name_servers", "name server", "nameserver"],
  transferAuthCode: ["auth_code", "authorization code"],
  autoRenew: ["will_renew", "renew"],
};

export class DomainCalls {
  constructor(private readonly calls: CombellCalls) {}

  list(ctx: OperationContext) {
    return this.calls.list("/domains", DomainData, {}, ctx);
  }
  get(name: string, ctx: OperationContext) {
    return this.calls.get(`/domains/${segment(name)}`, DomainDetailData, ctx);
  }
  /** Starts registering an available domain; without name servers, on Combell's default ones. */
  register(body: { domain_name: string; name_servers?: string[] }, ctx: OperationContext): Promise<CreateAnswer> {
    return this.calls.startCreate("/domains/registrations", body, DOMAIN_FIELDS, `registration of domain ${body.domain_name}`, ctx);
  }
  /** Starts transferring a domain in with its authorization code. */
  transfer(body: { domain_name: string; auth_code: string; name_servers?: string[] }, ctx: OperationContext): Promise<CreateAnswer> {
    return this.calls.startCreate("/domains/transfers", body, DOMAIN_FIELDS, `transfer of domain ${body.domain_name}`, ctx);
  }
  setNameServers(name: string, nameServers: string[], ctx: OperationContext): Promise<void> {
    return this.calls.put(`/domains/${segment(name)}/nameservers`, { domain_name: name, name_servers: nameServers }, DOMAIN_FIELDS, ctx);
  }
  /** Allowed only while the domain's can_toggle_renew is true. */
  setRenewal(name: string, willRenew: boolean, ctx: OperationContext): Promise<void> {
    return this.calls.put(`/domains/${segment(name)}/renew`, { will_renew: willRenew }, DOMAIN_FIELDS, ctx);
  }
}
