/**
 * A small JSON Schema validator for the keywords the routing schema uses (type, enum, pattern, minLength,
 * minItems, properties, required, additionalProperties: false, items, $ref to #/$defs). Each problem carries the
 * path of the value, so the caller can point at its line in the YAML file.
 */
export type SchemaPath = readonly (string | number)[];

export interface SchemaProblem {
  path: SchemaPath;
  /** The key that is not allowed, when that is the problem (its line is the key's, not the value's). */
  key?: string;
  message: string;
}

export interface Schema {
  type?: string | readonly string[];
  enum?: readonly unknown[];
  pattern?: string;
  minLength?: number;
  minItems?: number;
  properties?: Readonly<Record<string, Schema>>;
  required?: readonly string[];
  additionalProperties?: boolean;
  items?: Schema;
  $ref?: string;
  $defs?: Readonly<Record<string, Schema>>;
  description?: string;
  [other: string]: unknown;
}

/** The keywords validate() knows; a schema using another one is a bug (checked by a test). */
export const KNOWN_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$defs',
  '$ref',
  'title',
  'description',
  'type',
  'enum',
  'pattern',
  'minLength',
  'minItems',
  'properties',
  'required',
  'additionalProperties',
  'items',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function typeMatches(wanted: string, value: unknown): boolean {
  const actual = typeOf(value);
  return actual === wanted || (wanted === 'number' && actual === 'integer');
}

export function validate(root: Schema, value: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema;
    const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    const found = name ? root.$defs?.[name] : undefined;
    if (!found) throw new Error(`schema: cannot resolve ${schema.$ref}`);
    return found;
  };
  const walk = (given: Schema, item: unknown, path: (string | number)[]): void => {
    const schema = resolve(given);
    if (schema.type !== undefined) {
      const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
      if (!types.some((type) => typeMatches(type, item))) {
        problems.push({ path, message: `must be ${types.join(' or ')}, not ${typeOf(item)}` });
        return;
      }
    }
    if (schema.enum && !schema.enum.includes(item)) {
      problems.push({
        path,
        message: `must be one of ${schema.enum.map((entry) => JSON.stringify(entry)).join(', ')}`,
      });
      return;
    }
    if (typeof item === 'string') {
      if (schema.minLength !== undefined && item.length < schema.minLength)
        problems.push({ path, message: 'must not be empty' });
      else if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(item))
        problems.push({ path, message: `must match ${schema.pattern}` });
    }
    if (Array.isArray(item)) {
      if (schema.minItems !== undefined && item.length < schema.minItems)
        problems.push({
          path,
          message: `needs at least ${schema.minItems} entr${schema.minItems === 1 ? 'y' : 'ies'}`,
        });
      if (schema.items) item.forEach((entry, index) => walk(schema.items!, entry, [...path, index]));
    }
    if (typeOf(item) === 'object' && (schema.properties || schema.required)) {
      const record = item as Record<string, unknown>;
      for (const key of schema.required ?? [])
        if (!Object.hasOwn(record, key)) problems.push({ path, message: `needs '${key}'` });
      for (const [key, entry] of Object.entries(record)) {
        const property = schema.properties?.[key];
        if (property) walk(property, entry, [...path, key]);
        else if (schema.additionalProperties === false)
          problems.push({ path: [...path, key], key, message: `unknown key '${key}'` });
      }
    }
  };
  walk(root, value, []);
  return problems;
}
