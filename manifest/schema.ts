// Offline validation against the Teams manifest JSON schema shipped in @microsoft/app-manifest. The
// schema is read from the package's files and handed to the validator, so nothing is ever fetched.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import type { Problem } from './problems';

/** The manifest schema version the package targets: the newest GA version the library ships. */
export const MANIFEST_VERSION = '1.30';
/** The `$schema` URL that goes with MANIFEST_VERSION. */
export const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

// The schema type as the validator declares it (its ajv is a nested copy, not the project's).
type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const cache = new Map<string, ManifestSchema>();

/** The JSON schema for `version` (e.g. "1.30") from the installed @microsoft/app-manifest. */
export function loadSchema(version = MANIFEST_VERSION): ManifestSchema {
  const hit = cache.get(version);
  if (hit) return hit;
  const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(root, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as ManifestSchema;
  cache.set(version, schema);
  return schema;
}

/** The schema's limits on bot commands (they grew over versions: 10 commands and 32-character titles before 1.24). */
export function commandLimits(version = MANIFEST_VERSION): {
  commands: number;
  title: number;
  description: number;
} {
  const root = loadSchema(version) as unknown as {
    properties: {
      bots: {
        items: { properties: { commandLists: { items: { properties: { commands: CommandsSchema } } } } };
      };
    };
  };
  const commands = root.properties.bots.items.properties.commandLists.items.properties.commands;
  return {
    commands: commands.maxItems,
    title: commands.items.properties.title.maxLength,
    description: commands.items.properties.description.maxLength,
  };
}

interface CommandsSchema {
  maxItems: number;
  items: { properties: { title: { maxLength: number }; description: { maxLength: number } } };
}

/** `/bots/0/botId` → `bots[0].botId`. */
function fieldOf(instancePath: string): string {
  if (!instancePath) return '(manifest)';
  return instancePath
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

/** Schema problems, each naming its field; `manifestVersion` picks the schema. */
export async function validateAgainstSchema(manifest: Record<string, unknown>): Promise<Problem[]> {
  const version = String(manifest.manifestVersion ?? '');
  if (version !== MANIFEST_VERSION)
    return [
      {
        field: 'manifestVersion',
        message: `is "${version}"; this build validates ${MANIFEST_VERSION} manifests`,
      },
    ];
  if (manifest.$schema !== SCHEMA_URL)
    return [
      { field: '$schema', message: `must be ${SCHEMA_URL} to match manifestVersion ${MANIFEST_VERSION}` },
    ];
  const errors = await AppManifestUtils.validateAgainstSchema(
    manifest as unknown as AppManifest,
    loadSchema(version),
  );
  // The library formats each error as "<instancePath> <message>. Details: <params as JSON>".
  return errors.map((e) => {
    const m = /^(\S*) (.*?)\. Details: (.*)$/s.exec(e);
    if (!m) return { field: '(manifest)', message: e };
    const field = fieldOf(m[1] ?? '');
    const message = m[2] ?? '';
    let params: Record<string, unknown> = {};
    try {
      params = JSON.parse(m[3] || '{}') as Record<string, unknown>;
    } catch {
      params = {};
    }
    if (typeof params.additionalProperty === 'string')
      return {
        field: joinField(field, params.additionalProperty),
        message: 'is not a property the schema allows here',
      };
    if (Array.isArray(params.allowedValues))
      return {
        field,
        message: `${message}: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    return { field, message };
  });
}

function joinField(parent: string, key: string): string {
  return parent === '(manifest)' ? key : `${parent}.${key}`;
}
