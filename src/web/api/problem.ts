// The server refuses with RFC 9457 problem details (docs/api.md). ApiError carries one to the
// screens, which show `code`-specific text and put `errors[]` next to the fields they name.

export interface FieldProblem { field: string; message: string }

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;
  constructor(status: number, body: unknown) {
    const problem = toProblem(status, body);
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network_error' : `http_${status}`);
    this.problem = problem;
  }

  /**
   * Field errors keyed the way forms name their values: `body.names.0.first` → `names.0.first`
   * (the dotted paths @mantine/form uses). The first message per field wins. A problem that names
   * one `field` (a 409 for a taken email or code) gives that field its detail.
   */
  fieldErrors(source = 'body'): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { field, message } of this.problem.errors ?? []) {
      if (!field.startsWith(`${source}.`)) continue;
      const key = field.slice(source.length + 1);
      out[key] ??= message;
    }
    // A conflict names its one field beside the detail (`field: 'body.email'`): the detail is its message.
    const { field } = this.problem;
    if (typeof field === 'string' && field.startsWith(`${source}.`) && this.problem.detail) out[field.slice(source.length + 1)] ??= this.problem.detail;
    return out;
  }
}

function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    const errors = Array.isArray(b.errors)
      ? b.errors.filter((e): e is FieldProblem => typeof e?.field === 'string' && typeof e?.message === 'string')
      : undefined;
    return { ...b, status, ...(errors && { errors }) };
  }
  return { status, ...(typeof body === 'string' && body && { detail: body.slice(0, 500) }) };
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
