/** One provider configuration variable, declared once: schema, SDK, CheckConfig and Configure read it. */
export interface ConfigVariable {
  /** Key in the `hosting` namespace: `pulumi config set hosting:<name>`. */
  name: string;
  description: string;
  secret?: boolean;
  /** Environment variables read when the key is not set, first found wins. */
  env: string[];
  default?: string;
  /** The rule the value breaks, or undefined when it is fine. */
  validate?: (value: string) => string | undefined;
}

/** The API a resource talks to, and which configuration it cannot work without. */
export interface ApiBinding {
  /** "ServerPilot" */
  name: string;
  config: ConfigVariable[];
  /** Names of variables in `config` that must have a value before any call. */
  required: string[];
}
