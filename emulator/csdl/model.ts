// The in-memory shape of the Graph metadata: only what request validation needs. Every type name is
// fully qualified with its namespace (aliases such as `graph.` are resolved at load time), and
// collection types keep the OData spelling `Collection(microsoft.graph.modality)`.

/** A structural property of an entity or complex type. */
export interface CsdlProperty {
  name: string;
  /** Qualified type, possibly `Collection(...)`. */
  type: string;
  /** CSDL default is true; for a collection it speaks of the items. */
  nullable: boolean;
  /** Org.OData.Core.V1.Computed, or Core.V1.Permissions of Read only: the service sets it. */
  readOnly: boolean;
  /** Org.OData.Core.V1.Immutable: settable on create, never changed afterwards. */
  immutable: boolean;
}

/** A navigation property (a relationship to other entities). */
export interface CsdlNavigationProperty {
  name: string;
  type: string;
  nullable: boolean;
  containsTarget: boolean;
  /** Org.OData.Core.V1.Computed on the navigation property. */
  readOnly: boolean;
}

/** An entity type or a complex type. */
export interface CsdlStructuredType {
  kind: 'entity' | 'complex';
  /** Qualified name, e.g. `microsoft.graph.call`. */
  name: string;
  baseType: string | undefined;
  abstract: boolean;
  openType: boolean;
  /** Properties declared on this type only (not inherited). */
  properties: Map<string, CsdlProperty>;
  navigationProperties: Map<string, CsdlNavigationProperty>;
  /** Key property names (entity types that declare a key). */
  key: string[];
  /** Qualified names of the types that name this one as BaseType directly. */
  derived: string[];
}

export interface CsdlEnumMember {
  name: string;
  value: number;
}

export interface CsdlEnumType {
  name: string;
  isFlags: boolean;
  underlyingType: string;
  members: CsdlEnumMember[];
}

export interface CsdlParameter {
  name: string;
  type: string;
  nullable: boolean;
  /** Annotated with Org.OData.Core.V1.OptionalParameter. */
  optional: boolean;
}

/** An action; for a bound one, `bindingType` is the first parameter's type and `parameters` the rest. */
export interface CsdlAction {
  name: string;
  namespace: string;
  isBound: boolean;
  bindingParameter: string | undefined;
  bindingType: string | undefined;
  parameters: CsdlParameter[];
  returnType: string | undefined;
}

/** Counts of what was read, for logs and sanity checks. */
export interface CsdlStats {
  schemas: number;
  entityTypes: number;
  complexTypes: number;
  enumTypes: number;
  actions: number;
  loadMs: number;
}

/** The whole model: types by qualified name, actions by unqualified name (overloads in one list). */
export interface CsdlModel {
  source: string;
  /** Namespace and alias → namespace. */
  namespaces: Map<string, string>;
  entityTypes: Map<string, CsdlStructuredType>;
  complexTypes: Map<string, CsdlStructuredType>;
  enumTypes: Map<string, CsdlEnumType>;
  actions: Map<string, CsdlAction[]>;
  stats: CsdlStats;
}
