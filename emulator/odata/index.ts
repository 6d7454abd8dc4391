// OData request conventions shared by the directory, presence, meeting, call-record and subscription
// resources: query options, a small $filter language, and CSDL issues as Graph's 400.
export { parseFilter, filterPaths, FilterSyntaxError } from './filter-parse';
export type { FilterNode, Literal } from './filter-parse';
export { matchesFilter } from './filter-eval';
export { applySelect, parseExpand, parseSelect, parseTop, queryOption } from './query';
export type { ExpandItem } from './query';
export { invalidProperty, throwIssues } from './body-checks';
