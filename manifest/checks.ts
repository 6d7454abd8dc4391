// Rules Teams applies on upload that the JSON schema does not express (or expresses loosely), each
// reported against the field it is about and, when a placeholder filled it, the variable behind it.
import { joinPath } from './placeholders';
import type { Problem } from './problems';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL_KEYS = new Set([
  'contentUrl',
  'websiteUrl',
  'configurationUrl',
  'privacyUrl',
  'termsOfUseUrl',
  'searchUrl',
]);
const GUID_KEYS = new Set(['botId', 'contentBotId']);

type Json = Record<string, unknown>;

/** Domain rules of validDomains: exact host, or `*.` wildcard for one or more labels. */
function domainAllows(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p.startsWith('*.')) return h.endsWith(p.slice(1)) && h.length > p.length - 1;
  return p === h;
}

/** Teams-specific checks on a substituted manifest; `origins` maps fields to the variables that filled them. */
export function checkManifestRules(
  manifest: Json,
  origins: ReadonlyMap<string, readonly string[]> = new Map(),
): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => {
    const from = origins.get(field);
    problems.push({ field, message: from?.length ? `${message} (from ${from.join(', ')})` : message });
  };
  const domains = Array.isArray(manifest.validDomains)
    ? manifest.validDomains.filter((d) => typeof d === 'string')
    : [];

  domains.forEach((d, i) => {
    if (/[/:]/.test(d) || !d.trim())
      add(
        `validDomains[${i}]`,
        `"${d}" must be a bare host name (no scheme, port or path), e.g. switchboard.example.com`,
      );
  });

  const walk = (node: unknown, at: string, key?: string): void => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, joinPath(at, i), key));
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, joinPath(at, k), k);
      return;
    }
    if (typeof node !== 'string' || key === undefined) return;
    if (GUID_KEYS.has(key) && !GUID.test(node))
      add(at, `"${node}" is not a GUID; use the Microsoft App ID (Application (client) ID in Entra ID)`);
    if (URL_KEYS.has(key)) {
      if (!URL.canParse(node)) return add(at, `"${node}" is not a URL`);
      const url = new URL(node);
      if (url.protocol !== 'https:') add(at, `"${node}" must be an https:// URL`);
      else if (!domains.some((d) => domainAllows(d, url.hostname)))
        add(at, `host "${url.hostname}" is not listed in validDomains`);
    }
  };
  walk(manifest, '');

  if (typeof manifest.id !== 'string' || !GUID.test(manifest.id))
    add(
      'id',
      `"${String(manifest.id)}" is not a GUID; use the Microsoft App ID (Application (client) ID in Entra ID)`,
    );
  if (typeof manifest.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(manifest.version))
    add(
      'version',
      `"${String(manifest.version)}" must be MAJOR.MINOR.PATCH (Teams refuses pre-release tags)`,
    );

  const web = manifest.webApplicationInfo as Json | undefined;
  if (web) {
    if (typeof web.id !== 'string' || !GUID.test(web.id))
      add('webApplicationInfo.id', `"${String(web.id)}" is not a GUID; use the Microsoft App ID`);
    const resource = typeof web.resource === 'string' ? web.resource : '';
    const host = /^api:\/\/([^/]+)\//.exec(resource)?.[1];
    if (!host)
      add('webApplicationInfo.resource', `"${resource}" must look like api://<PUBLIC_URL host>/<app id>`);
    else if (!domains.some((d) => domainAllows(d, host)))
      add('webApplicationInfo.resource', `host "${host}" is not listed in validDomains`);
  }

  const name = manifest.name as Json | undefined;
  if (name && name.full !== undefined && name.full === name.short)
    add('name.full', 'must differ from name.short (Teams rejects identical names)');
  return problems;
}
