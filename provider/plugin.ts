// The plugin process: `bin/pulumi-resource-hosting` and the Node language host's `run-plugin`
// (PulumiPlugin.yaml, package.json "main") both load this file, which starts serving at once.
import { serve } from "./main";

serve(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`pulumi-resource-hosting: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
