// Reads what the Microsoft 365 Agents Toolkit CLI (a devDependency) ships, so the project files can
// be checked against the toolkit's own definitions offline: the m365agents.yml schema of each
// version, and the Microsoft Graph permission list it resolves permission names with.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';

const require = createRequire(import.meta.url);
export const TOOLKIT_CLI_DIR = dirname(require.resolve('@microsoft/m365agentstoolkit-cli/package.json'));
/** The CLI's executable script (package.json "bin": atk). */
export const TOOLKIT_CLI = join(TOOLKIT_CLI_DIR, 'cli.js');

export function toolkitYamlSchema(version: string): object {
  return JSON.parse(readFileSync(join(TOOLKIT_CLI_DIR, 'resource', 'yaml-schema', version, 'yaml.schema.json'), 'utf8')) as object;
}

interface ServicePrincipal {
  appId: string;
  appRoles: Array<{ value: string }>;
  oauth2PermissionScopes: Array<{ value: string }>;
}

/**
 * Microsoft Graph's application permissions (appRoles) and delegated permissions (scopes) as the toolkit
 * knows them: aadApp/update turns the names in aad.manifest.json into ids with this very list. The CLI
 * bundles it as a JSON string literal inside its webpack output; this finds and reads that literal.
 */
export function graphPermissionsKnownToToolkit(): { roles: Set<string>; scopes: Set<string> } {
  const bundle = readFileSync(join(TOOLKIT_CLI_DIR, 'lib', 'index.js'), 'utf8');
  const marker = bundle.indexOf('{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#servicePrincipals"');
  const open = bundle.lastIndexOf("JSON.parse('", marker);
  if (marker < 0 || open < 0 || marker - open > 20) throw new Error('the toolkit CLI no longer bundles the Graph permission list where expected');
  let end = marker;
  while (end < bundle.length && !(bundle[end] === "'" && bundle[end - 1] !== '\\')) end += 1;
  const literal = bundle.slice(open + "JSON.parse(".length, end + 1);
  const list = JSON.parse(runInNewContext(literal) as string) as { value: ServicePrincipal[] };
  const graph = list.value.find((sp) => sp.appId === '00000003-0000-0000-c000-000000000000');
  if (!graph) throw new Error('no Microsoft Graph service principal in the toolkit list');
  return { roles: new Set(graph.appRoles.map((r) => r.value)), scopes: new Set(graph.oauth2PermissionScopes.map((s) => s.value)) };
}
