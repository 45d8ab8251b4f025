// Schema validation errors as a person can act on them: one entry per field at fault, saying how
// to fix it (the allowed values of an enum, "must be a UUID" rather than a regular expression), in
// English or Arabic. Keyed by the JSON Schema keyword that failed.
import type { FieldProblem } from '../../errors.ts';
import { UUID_PATTERN } from '../../ids.ts';
import { HAS_NUL, MAX_DEPTH, NOT_FINITE, TOO_DEEP } from '../input-guard.ts';
import type { Language } from './language.ts';

export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  parentSchema?: { description?: string };
}

type Text = Record<Language, string>;
const t = (en: string, ar: string): Text => ({ en, ar });

const UUID = t('must be a UUID', 'يجب أن يكون معرّفًا بصيغة UUID');
const DATE = t('must be a date as YYYY-MM-DD', 'يجب أن يكون تاريخًا بالصيغة YYYY-MM-DD');
const FORMATS: Record<string, Text> = {
  uuid: UUID,
  date: DATE,
  'date-time': t('must be a date and time with an offset, e.g. 2026-12-01T10:00:00+02:00', 'يجب أن يكون تاريخًا ووقتًا مع فرق التوقيت، مثل 2026-12-01T10:00:00+02:00'),
  email: t('must be an email address', 'يجب أن يكون عنوان بريد إلكتروني'),
};
const PATTERNS: Record<string, Text> = {
  [UUID_PATTERN]: UUID,
  '^\\d{4}-\\d{2}-\\d{2}$': DATE,
  '\\S': t('must not be blank', 'يجب ألا يكون فارغًا'),
};
const TYPES: Record<string, Text> = {
  string: t('text', 'نصًّا'), number: t('a number', 'رقمًا'), integer: t('a whole number', 'عددًا صحيحًا'),
  boolean: t('true or false', 'true أو false'), object: t('an object', 'كائنًا (object)'), array: t('a list', 'قائمة'), null: t('null', 'null'),
};

const list = (values: unknown): string => (values as unknown[]).map(String).join(', ');
const typeText = (types: string[]): Text => t(
  `must be ${types.map((x) => TYPES[x]?.en ?? x).join(' or ')}`,
  `يجب أن يكون ${types.map((x) => TYPES[x]?.ar ?? x).join(' أو ')}`,
);

function textOf(e: SchemaError): Text {
  const p = e.params;
  const n = p.limit as number;
  switch (e.keyword) {
    case 'required': return t('is required', 'مطلوب');
    case 'additionalProperties': return t('is not an allowed field', 'ليس حقلًا مسموحًا به');
    case 'enum': return t(`must be one of: ${list(p.allowedValues)}`, `يجب أن يكون إحدى القيم: ${list(p.allowedValues)}`);
    case 'const': return t(`must be ${JSON.stringify(p.allowedValue)}`, `يجب أن يكون ${JSON.stringify(p.allowedValue)}`);
    case 'type': return typeText(String(p.type).split(','));
    case 'format': return FORMATS[p.format as string] ?? t(`must be a valid ${String(p.format)}`, `يجب أن يكون ${String(p.format)} صالحًا`);
    case 'pattern': {
      const known = PATTERNS[p.pattern as string];
      const description = e.parentSchema?.description;
      return known ?? (description ? t(`must be: ${description}`, `يجب أن يكون: ${description}`) : t('is not in the expected form', 'ليس بالصيغة المطلوبة'));
    }
    case 'minLength': return n === 1 ? t('must not be empty', 'يجب ألا يكون فارغًا') : t(`must be at least ${n} characters`, `يجب ألا يقل عن ${n} حرفًا`);
    case 'maxLength': return t(`must be at most ${n} characters`, `يجب ألا يزيد على ${n} حرفًا`);
    case 'minimum': return t(`must be at least ${n}`, `يجب ألا يقل عن ${n}`);
    case 'maximum': return t(`must be at most ${n}`, `يجب ألا يزيد على ${n}`);
    case 'exclusiveMinimum': return t(`must be more than ${n}`, `يجب أن يكون أكبر من ${n}`);
    case 'exclusiveMaximum': return t(`must be less than ${n}`, `يجب أن يكون أصغر من ${n}`);
    case 'minItems': return t(`must list at least ${n} item(s)`, `يجب أن تضم ${n} عنصرًا على الأقل`);
    case 'maxItems': return t(`must list at most ${n} item(s)`, `يجب ألا تضم أكثر من ${n} عنصرًا`);
    case 'uniqueItems': return t('must not list an item twice', 'يجب ألا يتكرر فيها عنصر');
    case NOT_FINITE: return t('must be a finite number', 'يجب أن يكون رقمًا محدودًا');
    case TOO_DEEP: return t(`must not nest more than ${MAX_DEPTH} levels`, `يجب ألا يتداخل أكثر من ${MAX_DEPTH} مستوى`);
    case HAS_NUL: return t('must not contain a NUL character (\\u0000)', 'يجب ألا يحتوي على المحرف NUL (\\u0000)');
    default: return t(e.message ?? 'is invalid', 'قيمة غير صالحة');
  }
}

/** anyOf branches failing at the same place say one thing: "must be one of …" or "must be X or Y". */
function merged(anyOf: SchemaError, branches: SchemaError[]): Text {
  const values = branches.flatMap((b) => (b.keyword === 'const' ? [b.params.allowedValue] : b.keyword === 'enum' ? (b.params.allowedValues as unknown[]) : []));
  const types = branches.filter((b) => b.keyword === 'type').flatMap((b) => String(b.params.type).split(','));
  if (values.length && values.length + types.length >= branches.length) {
    return textOf({ ...anyOf, keyword: 'enum', params: { allowedValues: [...values, ...types.filter((x) => x === 'null').map(() => null)] } });
  }
  if (types.length === branches.length) return typeText([...new Set(types)]);
  const [first] = branches.filter((b) => b.keyword !== 'type');
  return first ? textOf(first) : t('does not match any allowed form', 'لا يطابق أيًّا من الصيغ المسموح بها');
}

/** Ajv errors of one request part → one problem per field, in the caller's language. */
export function fieldProblems(errors: SchemaError[], where: string, lang: Language): FieldProblem[] {
  const fieldOf = (e: SchemaError) => where + e.instancePath.replaceAll('/', '.');
  // The path of the value at fault: a missing or unknown property is one level below its object.
  const blamedPath = (e: SchemaError) => {
    const name = e.params.missingProperty ?? e.params.additionalProperty;
    return typeof name === 'string' ? `${e.instancePath}/${name}` : e.instancePath;
  };
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const inBranch = (e: SchemaError, a: SchemaError) => e !== a && e.schemaPath.startsWith(`${a.schemaPath}/`);
  const out = new Map<string, string>();
  const add = (field: string, text: Text) => { if (!out.has(field)) out.set(field, text[lang]); };

  for (const e of errors) {
    const owner = anyOfs.find((a) => inBranch(e, a));
    if (owner && blamedPath(e) === owner.instancePath) continue; // said once by the anyOf below
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') {
      const branches = errors.filter((b) => inBranch(b, e));
      if (branches.some((b) => blamedPath(b) !== e.instancePath)) continue; // a deeper field says what is wrong
      add(fieldOf(e), merged(e, branches));
    } else if (e.keyword === 'required' || e.keyword === 'additionalProperties') {
      add(where + blamedPath(e).replaceAll('/', '.'), textOf(e));
    } else if (e.instancePath === '' && e.keyword === 'type' && where === 'body') {
      add('body', t('is required: send a JSON object', 'مطلوب: أرسل كائن JSON'));
    } else {
      add(fieldOf(e), textOf(e));
    }
  }
  return [...out].map(([field, message]) => ({ field, message }));
}
