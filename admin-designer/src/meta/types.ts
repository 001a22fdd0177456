/** Resource definitions as the metadata API reads and writes them (SPEC §1). */
export const FIELD_TYPES = [
  'String', 'Int', 'Long', 'Float', 'Decimal', 'Boolean', 'DateTime', 'Date', 'Json', 'Enum', 'Relation',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const ON_DELETE = ['RESTRICT', 'CASCADE', 'SET_NULL'] as const;
export const ACTIONS = ['read', 'create', 'update', 'delete'] as const;

export interface FieldDefinition {
  name: string;
  type: FieldType;
  description?: string;
  required?: boolean;
  unique?: boolean;
  default?: unknown;
  min?: number;
  max?: number;
  maxLength?: number;
  pattern?: string;
  precision?: number;
  scale?: number;
  values?: string[];
  target?: string;
  cardinality?: 'one' | 'many';
  inverse?: string;
  onDelete?: (typeof ON_DELETE)[number];
  number?: number;
}

export interface IndexDefinition {
  fields: string[];
  unique?: boolean;
}

export interface AccessRule {
  role: string;
  actions: string[];
  where?: Record<string, unknown>;
  fields?: string[];
}

export interface ResourceDefinition {
  name: string;
  plural?: string;
  description?: string;
  fields: FieldDefinition[];
  indexes?: IndexDefinition[];
  access?: AccessRule[];
}

export interface MetadataDocument {
  version: number;
  resources: ResourceDefinition[];
}

/** One DDL step of a change's plan. */
export interface PlanStep {
  kind: string;
  table: string;
  column: string | null;
  description: string;
  sql: string;
  destructive: boolean;
  path: string | null;
}

export interface ChangeResult {
  version: number;
  plan: PlanStep[];
  dryRun: boolean;
  errors: MetaError[] | null;
}

export interface MetaError {
  path: string;
  message: string;
}

export interface HistoryEntry {
  version: number;
  time: string;
  author: string;
  summary: string;
}
