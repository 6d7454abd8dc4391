// The result type of validation and the sentences it speaks. The wording follows the messages that
// the OData library behind Graph puts in its 400 responses (for example "The property 'x' does not
// exist on type 'y'. Make sure to only use property names that are defined by the type or mark the
// type as open type."), with the property's path in the body added wherever that library gives none.

/** One problem found in a request body. */
export interface ValidationIssue {
  /** JSON path like `targets[0].identity.user.id`; empty for the body itself. */
  path: string;
  code: IssueCode | string;
  message: string;
}

export type IssueCode =
  | 'UnknownProperty'
  | 'UnknownParameter'
  | 'MissingParameter'
  | 'MissingProperty'
  | 'NullValue'
  | 'InvalidType'
  | 'InvalidEnumValue'
  | 'UnknownType'
  | 'IncompatibleType'
  | 'AbstractType'
  | 'ReadOnlyProperty'
  | 'ImmutableProperty'
  | 'UnknownAction';

/** Path of a member under a parent path. */
export function childPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}

/** Path of an item of an array under a parent path. */
export function itemPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** How a path is named in a sentence: the body itself has no name. */
export function named(path: string): string {
  return path === '' ? 'the request body' : `'${path}'`;
}
