// A second, deliberately naive reading of the CSDL text with regular expressions, so that the
// model built by the XML parser can be checked against the file without trusting that parser.
import { readCsdlText } from '../../../../emulator/csdl';
import { CSDL_PATH } from './shared-model';

const text = readCsdlText(CSDL_PATH);

/** Number of elements with this tag in the whole file. */
export function countElements(tag: string): number {
  return text.match(new RegExp(`<${tag}[\\s>/]`, 'g'))?.length ?? 0;
}

/** The text of the Schema element of one namespace. */
export function schemaText(namespace: string): string {
  const start = text.indexOf(`<Schema Namespace="${namespace}"`);
  if (start < 0) throw new Error(`no schema ${namespace}`);
  return text.slice(start, text.indexOf('</Schema>', start));
}

/** Member names of an enum, in file order. */
export function rawEnumMembers(name: string, namespace = 'microsoft.graph'): string[] {
  const m = new RegExp(`<EnumType Name="${name}"[^>]*>([\\s\\S]*?)</EnumType>`).exec(schemaText(namespace));
  if (!m?.[1]) throw new Error(`no enum ${name}`);
  return [...m[1].matchAll(/<Member Name="([^"]+)"/g)].map((x) => x[1] ?? '');
}

export interface RawParameter {
  name: string;
  type: string;
  nullable: boolean;
  optional: boolean;
}

/** Parameters (binding parameter excluded) of the action `name` whose binding type is `binding` as spelled in the file. */
export function rawActionParameters(name: string, binding: string): RawParameter[] {
  const blocks = schemaText('microsoft.graph').match(
    new RegExp(`<Action Name="${name}" [^>]*?(/>|>[\\s\\S]*?</Action>)`, 'g'),
  );
  for (const block of blocks ?? []) {
    const params = [...block.matchAll(/<Parameter ([^>]*?)(\/>|>([\s\S]*?)<\/Parameter>)/g)].map((p) => {
      const attrs = p[1] ?? '';
      const get = (a: string): string | undefined => new RegExp(`${a}="([^"]*)"`).exec(attrs)?.[1];
      return {
        name: get('Name') ?? '',
        type: get('Type') ?? '',
        nullable: get('Nullable') !== 'false',
        optional: (p[3] ?? '').includes('Org.OData.Core.V1.OptionalParameter'),
      };
    });
    if (params[0]?.type === binding) return params.slice(1);
  }
  throw new Error(`no action ${name} bound to ${binding}`);
}

/** Attributes of the opening tag of a complex or entity type. */
export function rawTypeTag(
  kind: 'ComplexType' | 'EntityType',
  name: string,
  namespace = 'microsoft.graph',
): string {
  const m = new RegExp(`<${kind} Name="${name}"[^>]*>`).exec(schemaText(namespace));
  if (!m) throw new Error(`no ${kind} ${name}`);
  return m[0];
}

/** Names of the types whose BaseType is `base` (alias spelling as in the file). */
export function rawDerived(base: string, namespace = 'microsoft.graph'): string[] {
  const re = new RegExp(
    `<(?:ComplexType|EntityType) Name="([^"]+)" BaseType="${base.replace(/\./g, '\\.')}"`,
    'g',
  );
  return [...schemaText(namespace).matchAll(re)].map((m) => m[1] ?? '');
}

/** Targets of `Annotations` blocks that carry Org.OData.Core.V1.Computed, anywhere in the file. */
export function rawComputedTargets(): string[] {
  return [...text.matchAll(/<Annotations Target="([^"]+)">([\s\S]*?)<\/Annotations>/g)]
    .filter((m) => (m[2] ?? '').includes('<Annotation Term="Org.OData.Core.V1.Computed" Bool="true"'))
    .map((m) => m[1] ?? '');
}
