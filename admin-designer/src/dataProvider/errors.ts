/** A GraphQL error as the engine sends it (SPEC §3): `extensions.code`, and `extensions.field` for field-level input errors. */
export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string };
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  UNIQUE_VIOLATION: 409,
  FOREIGN_KEY_VIOLATION: 409,
};

/** Rejected by the data provider; react-admin shows `body.errors` on the form's fields and reads `status` for auth errors. */
export class DataProviderError extends Error {
  readonly status: number;
  readonly body: { errors: Record<string, string> } | undefined;

  constructor(message: string, status: number, fieldErrors: Record<string, string>) {
    super(message);
    this.name = 'DataProviderError';
    this.status = status;
    this.body = Object.keys(fieldErrors).length > 0 ? { errors: fieldErrors } : undefined;
  }
}

/** `data.name` → `name`, `data.author.connect.id` → `author`: the form field an input error belongs to. */
export function formFieldOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const segments = path.split('.').filter(s => s.length > 0 && !/^\d+$/.test(s) && !/^\[\d+\]$/.test(s));
  const start = segments[0] === 'data' || segments[0] === 'create' || segments[0] === 'update' ? 1 : 0;
  const field = segments[start]?.replace(/\[\d+\]$/, '');
  return field || undefined;
}

/** GraphQL errors → one error: the messages joined, field errors keyed by form field, the status of the first error's code. */
export function toDataProviderError(errors: GraphQLError[]): DataProviderError {
  const fieldErrors: Record<string, string> = {};
  for (const error of errors) {
    const field = formFieldOf(error.extensions?.field);
    if (field && !fieldErrors[field]) fieldErrors[field] = stripFieldPrefix(error.message, error.extensions?.field);
  }
  const status = STATUS[errors[0]?.extensions?.code ?? ''] ?? 500;
  return new DataProviderError(errors.map(e => e.message).join('; '), status, fieldErrors);
}

/** `data.name: name may be at most 10 characters long.` → `name may be at most 10 characters long.` next to the input. */
function stripFieldPrefix(message: string, path: string | undefined): string {
  return path && message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}
