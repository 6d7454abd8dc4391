import type { CsdlAction, CsdlModel } from './model';
import { qualify } from './names';
import type { XmlElement } from './xml';
import { attr, children, flag, required } from './xml';

const OPTIONAL_PARAMETER = 'Org.OData.Core.V1.OptionalParameter';

/** Reads the Action elements of one schema; overloads share a name and differ by binding type. */
export function readActions(model: CsdlModel, schema: XmlElement, ns: string): void {
  for (const el of children(schema, 'Action')) {
    const name = required(el, 'Name', 'Action');
    const isBound = flag(el, 'IsBound', false);
    const params = children(el, 'Parameter').map((p) => ({
      name: required(p, 'Name', `action ${name}`),
      type: qualify(required(p, 'Type', `action ${name}`), model.namespaces),
      nullable: flag(p, 'Nullable', true),
      optional: children(p, 'Annotation').some((a) => attr(a, 'Term') === OPTIONAL_PARAMETER),
    }));
    const binding = isBound ? params.shift() : undefined;
    const returnType = children(el, 'ReturnType')[0];
    const action: CsdlAction = {
      name,
      namespace: ns,
      isBound,
      bindingParameter: binding?.name,
      bindingType: binding?.type,
      parameters: params,
      returnType: returnType ? qualify(required(returnType, 'Type', name), model.namespaces) : undefined,
    };
    const list = model.actions.get(name);
    if (list) list.push(action);
    else model.actions.set(name, [action]);
  }
}
