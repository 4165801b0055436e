import type { FieldIssue } from '../../domain/errors.ts';

/**
 * Validator issues in plain words. Zod's own wording ("Invalid input: expected string, received
 * undefined", "Too big: expected string to have <=500 characters") is written for developers; an
 * API user is told what is wrong with the field: "source is required", "email must be a string",
 * "source must be at most 500 characters". A schema's own message is kept, except one saying a
 * field "is required" when the field was given (a schema-wide message also covers its type and
 * length checks, so zod would call an over-long source "required").
 */
export interface ValidatorIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  inclusive?: boolean;
  values?: unknown[];
  keys?: string[];
  format?: string;
}

/** Zod's default wording starts with one of these (see zod/v4/locales/en). */
const DEFAULT_WORDING = /^(Invalid|Too big|Too small|Unrecognized key)/;

const TARGET_NAMES: Record<string, string> = { json: 'the body', query: 'the query', param: 'the path', form: 'the form' };
const TARGET_FIELDS: Record<string, string> = { json: 'body', query: 'query', param: 'path', form: 'form' };

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a JSON object',
  array: 'a list (JSON array)',
  null: 'null',
  date: 'a date',
};

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Strings are measured in characters, lists in items; numbers have no unit. */
function sizeUnit(origin: string | undefined): 'characters' | 'items' | null {
  if (origin === 'string') return 'characters';
  if (origin === 'array' || origin === 'set') return 'items';
  return null;
}

function plainWording(issue: ValidatorIssue, given: boolean): string {
  switch (issue.code) {
    case 'invalid_type':
      if (!given) return 'is required';
      return `must be ${TYPE_NAMES[issue.expected ?? ''] ?? issue.expected ?? 'of another type'}`;
    case 'invalid_value': {
      const values = (issue.values ?? []).map((v) => String(v));
      return values.length === 1 ? `must be ${values[0]}` : `must be one of ${values.join(', ')}`;
    }
    case 'too_big': {
      const unit = sizeUnit(issue.origin);
      const limit = String(issue.maximum);
      if (unit) return unit === 'characters' ? `must be at most ${limit} characters` : `must have at most ${limit} items`;
      return issue.inclusive === false ? `must be less than ${limit}` : `must be at most ${limit}`;
    }
    case 'too_small': {
      const unit = sizeUnit(issue.origin);
      const limit = String(issue.minimum);
      if (unit && limit === '1') return 'must not be empty';
      if (unit) return unit === 'characters' ? `must be at least ${limit} characters` : `must have at least ${limit} items`;
      return issue.inclusive === false ? `must be more than ${limit}` : `must be at least ${limit}`;
    }
    case 'invalid_format':
      return 'is not in the expected format';
    case 'not_multiple_of':
      return 'is not an allowed number';
    case 'unrecognized_keys':
      return `has unknown fields: ${(issue.keys ?? []).join(', ')}`;
    default:
      return 'is not valid';
  }
}

/** The issues of one failed validation, each naming its field; `data` is what was validated. */
export function plainIssues(issues: readonly ValidatorIssue[], data: unknown, target: string): FieldIssue[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || (TARGET_FIELDS[target] ?? target);
    const name = issue.path.length ? field : (TARGET_NAMES[target] ?? target);
    const given = issue.path.length === 0 ? data !== undefined : valueAt(data, issue.path) !== undefined;
    const custom = !DEFAULT_WORDING.test(issue.message) && !(given && /\bis required\b/.test(issue.message));
    return { field, message: custom ? issue.message : `${name} ${plainWording(issue, given)}` };
  });
}
