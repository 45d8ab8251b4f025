// Input no schema keyword refuses, refused once for every route: numbers that are not finite and
// strings containing NUL. Ajv coerces "-1e309" to -Infinity and then skips minimum/maximum (and
// JSON.parse turns 1e309 into Infinity); PostgreSQL cannot store a NUL in text. Both are checked
// on the validated (coerced) data of every part a route declares: body, querystring, params, headers.
import AjvCompiler from '@fastify/ajv-compiler';

interface InputError { instancePath: string; keyword: string; message: string; params: Record<string, unknown> }
interface Validate {
  (data: unknown, ctx?: unknown): boolean;
  errors?: unknown[] | null;
  schemaEnv?: unknown;
}

export const NOT_FINITE = 'finite';
export const HAS_NUL = 'nul';
export const TOO_DEEP = 'depth';

const pointer = (path: string, key: string | number) => `${path}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;

/** JSON deeper than this is refused: no form NileCare accepts nests more than a few levels. */
export const MAX_DEPTH = 32;

/**
 * Every non-finite number, NUL-carrying string (or key) and over-deep nesting in a parsed request
 * part. Iterative, so a hostile body of a million nested arrays cannot overflow the stack.
 */
export function hostileValues(data: unknown): InputError[] {
  const found: InputError[] = [];
  const stack: Array<[unknown, string, number]> = [[data, '', 0]];
  while (stack.length) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) found.push({ instancePath: path, keyword: NOT_FINITE, message: 'must be a finite number', params: {} });
    } else if (typeof value === 'string') {
      if (value.includes('\u0000')) found.push({ instancePath: path, keyword: HAS_NUL, message: 'must not contain a NUL character', params: {} });
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_DEPTH) {
        found.push({ instancePath: path, keyword: TOO_DEEP, message: `must not nest more than ${MAX_DEPTH} levels`, params: { limit: MAX_DEPTH } });
        continue;
      }
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) found.push({ instancePath: pointer(path, key), keyword: HAS_NUL, message: 'must not contain a NUL character', params: {} });
        else stack.push([item, pointer(path, key), depth + 1]);
      }
    }
  }
  return found;
}

function guarded(validate: Validate): Validate {
  const check: Validate = (data, ctx) => {
    const ok = validate(data, ctx);
    const hostile = hostileValues(data);
    if (ok && hostile.length === 0) return true;
    // Ajv calls Infinity "not an integer"; the guard's reason is the one that helps, so one error per field.
    const blamed = new Set(hostile.map((e) => e.instancePath));
    const others = ok ? [] : (validate.errors ?? []).filter((e) => !blamed.has((e as InputError).instancePath));
    check.errors = [...others, ...hostile];
    return false;
  };
  // Fastify passes the parent object when the compiled schema can replace a root value.
  check.schemaEnv = validate.schemaEnv;
  return check;
}

/** Fastify's own Ajv compiler, with the guard around every validator it builds. */
export function guardedValidatorCompiler(): AjvCompiler.ValidatorFactory {
  const base = AjvCompiler();
  return (externalSchemas, options) => {
    const build = base(externalSchemas, options);
    return (route) => guarded(build(route) as Validate) as ReturnType<typeof build>;
  };
}
