// Sentences for each kind of issue, in the wording of the OData library's 400 messages.
import { named } from './issues';
import { literal } from './names';

/** Sentence builders keyed by what went wrong. */
export const say = {
  unknownProperty: (name: string, type: string): string =>
    `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
  unknownParameter: (name: string, action: string): string =>
    `The parameter '${name}' in the request payload is not a valid parameter for the operation '${action}'.`,
  missingParameters: (names: string[], action: string): string =>
    `One or more parameters of the operation '${action}' are missing from the request payload. The missing parameters are: ${names.join(', ')}.`,
  missingProperty: (path: string, type: string): string =>
    `The property ${named(path)} is required on type '${type}' but was not found in the request payload.`,
  nullValue: (path: string, type: string): string =>
    `A null value was found for the property named ${named(path)}, which has the expected type '${type}[Nullable=False]'. The expected type '${type}[Nullable=False]' does not allow null values.`,
  nullCollection: (path: string, type: string): string =>
    `A null value was found for the property named ${named(path)}, which has the expected type '${type}'. Collection-valued properties cannot themselves be null.`,
  notAnArray: (path: string, value: unknown): string =>
    `A node of type '${nodeKind(value)}' was read from the JSON reader when trying to read the contents of the property ${named(path)}; however, a 'StartArray' node was expected.`,
  notAnObject: (path: string, value: unknown, type: string): string =>
    `The property with name ${named(path)} was found with a value node of type '${nodeKind(value)}'; however, a resource value of type '${type}' was expected.`,
  notAPrimitive: (path: string, value: unknown): string =>
    `An unexpected '${nodeKind(value)}' node was found for property named ${named(path)} when reading from the JSON reader. A 'PrimitiveValue' node was expected.`,
  badLiteral: (path: string, value: unknown, type: string): string =>
    `Cannot convert the literal '${literal(value)}' to the expected type '${type}' for the property ${named(path)}.`,
  ieee754: (path: string, type: string, asString: boolean): string =>
    `Cannot convert a value to target type '${type}' for the property ${named(path)} because of conflict between input format string/number and parameter 'IEEE754Compatible' false/true (send a ${asString ? 'string' : 'JSON number'}).`,
  badEnum: (path: string, part: string, type: string, members: string[], hint: string | undefined): string =>
    `Requested value '${part}' was not found in the enum type '${type}' for the property ${named(path)}.` +
    (hint ? ` Enum members are case-sensitive: did you mean '${hint}'?` : '') +
    ` Valid values: ${members.join(', ')}.`,
  notAllowed: (path: string, value: unknown, allowed: readonly string[]): string =>
    `The value '${literal(value)}' of the property ${named(path)} is not supported. Valid values: ${allowed.join(', ')}.`,
  unknownType: (path: string, typeName: string): string =>
    `A type named '${typeName}' could not be resolved by the model (in '@odata.type' of ${named(path)}). When a model is available, each type name must resolve to a valid type.`,
  incompatibleType: (path: string, actual: string, expected: string): string =>
    `A resource with type '${actual}' was found for the property ${named(path)}, but it is not assignable to the expected type '${expected}'. The type specified in the resource must be equal to either the expected type or a derived type.`,
  abstractType: (path: string, type: string, concrete: string[]): string =>
    `The property ${named(path)} has the abstract type '${type}' and no '@odata.type' naming a concrete type. Abstract types cannot be instantiated; use one of: ${concrete.map((c) => `#${c}`).join(', ')}.`,
  readOnly: (path: string, type: string): string =>
    `The property ${named(path)} of type '${type}' is read-only (computed by the service) and cannot be set in a request.`,
  notUpdatable: (path: string, type: string): string =>
    `The property ${named(path)} of type '${type}' is read-only for an update and cannot be changed with PATCH.`,
  immutable: (path: string, type: string): string =>
    `The property ${named(path)} of type '${type}' is immutable and cannot be changed after creation.`,
  unknownAction: (action: string, binding: string): string =>
    `No action named '${action}' is bound to '${binding}' in the model.`,
};

function nodeKind(value: unknown): string {
  if (Array.isArray(value)) return 'StartArray';
  if (value !== null && typeof value === 'object') return 'StartObject';
  return 'PrimitiveValue';
}
