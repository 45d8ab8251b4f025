// Putting the server's refusal next to the right field. The API names fields like `body.firstName`
// or `body.names.0.first`; @mantine/form names values the same way without the `body.` prefix.
//
//   const form = useForm({ initialValues: { firstName: '' }, validate: { ... } });
//   const mutation = useMutation({ mutationFn: ..., onError: (e) => setFormError(applyServerErrors(form, e)) });
//   ... {formError && <ProblemAlert error={formError} />}
import { isApiError } from '../api/problem.ts';

interface FormLike {
  setFieldError(path: string, error: string): void;
  getValues(): object;
}

/**
 * Sets each field error the server named on a field this form has — in the form's own words where
 * `messages` has some for that field (the server's otherwise). Returns the error when some of it
 * belongs to no field (show it above the form with <ProblemAlert>), or null when the fields say it all.
 */
export function applyServerErrors(form: FormLike, error: unknown, messages: Record<string, string> = {}): unknown {
  if (!isApiError(error)) return error;
  const fields = error.fieldErrors();
  const keys = Object.keys(fields);
  const known = keys.filter((key) => hasPath(form.getValues(), key));
  for (const key of known) form.setFieldError(key, messages[key] ?? sentence(fields[key]!));
  return keys.length > 0 && known.length === keys.length ? null : error;
}

function hasPath(values: object, path: string): boolean {
  let at: unknown = values;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object' || !(part in at)) return false;
    at = (at as Record<string, unknown>)[part];
  }
  return true;
}

/** Server messages are fragments ("is required"); under a labelled field they read as a sentence. */
function sentence(message: string): string {
  return message.charAt(0).toLocaleUpperCase() + message.slice(1);
}
