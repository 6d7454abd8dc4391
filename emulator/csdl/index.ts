// Request validation derived from the official Graph v1.0 metadata (metadata/v1.0.csdl.gz, see SOURCE.md).
// See README.md beside this file for the rules and the choices made where the CSDL is silent.
export type {
  CsdlAction,
  CsdlEnumMember,
  CsdlEnumType,
  CsdlModel,
  CsdlNavigationProperty,
  CsdlParameter,
  CsdlProperty,
  CsdlStats,
  CsdlStructuredType,
} from './model';
export type { IssueCode, ValidationIssue } from './issues';
export type { ValidationOptions } from './walk';
export type { FormattedError } from './format';
export { loadCsdl } from './load';
export { csdlCacheKey, loadCsdlCached } from './model-cache';
export { CsdlFileError, readCsdlText, shippedCsdlPath } from './read-file';
export {
  allProperties,
  concreteTypes,
  enumMembers,
  enumType,
  findAction,
  findNavigation,
  findProperty,
  isAssignable,
  structuredType,
  typeChain,
} from './lookup';
export { validateActionBody } from './validate-action';
export { validateEntityBody } from './validate-entity';
export { allowValues, requireProperties } from './extra-rules';
export { formatIssues } from './format';
