// Every resource a TypeScript block of the docs declares passes Check, as `pulumi preview` would
// run it: a block can compile against the SDK and still be refused (an SRV record's protocol
// written "_tcp" where the field takes TCP, UDP or TLS). Literal values are checked as written;
// anything else (another resource's output, config) is a value not known yet, as in a preview.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";
import { checkInputs } from "../../provider/kit/check";
import { UNKNOWN, type PropertyMap } from "../../provider/kit/values";
import { registry } from "../../provider/registry";
import { packageRoot } from "../../provider/version";

const docs = join(packageRoot(), "docs");

function blocksOf(markdown: string): string[] {
  return [...markdown.matchAll(/^```typescript\n([\s\S]*?)^```/gm)].map((m) => m[1]);
}

/** The value a literal expression writes; UNKNOWN for any other expression. */
function literal(node: ts.Expression): unknown {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return -Number(node.operand.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isArrayLiteralExpression(node)) return node.elements.map(literal);
  if (ts.isObjectLiteralExpression(node)) {
    const out: Record<string, unknown> = {};
    for (const property of node.properties) {
      if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return UNKNOWN;
      out[property.name.text] = literal(property.initializer);
    }
    return out;
  }
  return UNKNOWN;
}

interface Declared {
  where: string;
  token: string;
  inputs: PropertyMap;
}

function declaredIn(where: string, code: string): Declared[] {
  const found: Declared[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.arguments && node.arguments.length >= 2) {
      const match = /^hosting\.(\w+)\.(\w+)$/.exec(node.expression.getText());
      const args = node.arguments[1];
      if (match && ts.isObjectLiteralExpression(args)) found.push({ where, token: `hosting:${match[1]}:${match[2]}`, inputs: literal(args) as PropertyMap });
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(`${where}.ts`, code, ts.ScriptTarget.ES2022, true));
  return found;
}

it("every resource the docs' examples declare passes Check", () => {
  const declared = readdirSync(docs)
    .filter((page) => page.endsWith(".md"))
    .flatMap((page) => blocksOf(readFileSync(join(docs, page), "utf8")).flatMap((code, i) => declaredIn(`docs/${page}, block ${i + 1}`, code)));
  // Every resource has an example on its page.
  expect(new Set(declared.map((d) => d.token))).toEqual(new Set(registry().resources.keys()));
  const refused = declared.flatMap(({ where, token, inputs }) => {
    const resource = registry().resources.get(token);
    if (!resource) return [`${where}: ${token} is not a resource`];
    return checkInputs(resource, inputs).failures.map((f) => `${where}: ${token} ${f.property} ${f.reason}`);
  });
  expect(refused).toEqual([]);
});

it("sees a refusal in a block: an SRV record's protocol written as in a zone file", () => {
  const [srv] = declaredIn("canary", 'new hosting.combell.DnsRecord("sip", { domainName: "example.com", type: "SRV", service: "_sip", protocol: "_tcp", target: "sip.example.com", port: 5060 });');
  expect(checkInputs(registry().resources.get(srv.token)!, srv.inputs).failures).toEqual([{ property: "protocol", reason: "must be TCP, UDP or TLS" }]);
});
