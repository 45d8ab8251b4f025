// The API speaks JSON only. Bodies as most HTTP clients send them: a bodiless POST (check-in,
// logout …) often still says "Content-Type: application/json" with nothing after it, which is no
// body, not malformed JSON. Everything else goes to Fastify's own parser, which refuses __proto__
// and constructor keys. Fastify's text/plain parser is removed so such a body gets a clear 415.
import type { FastifyInstance } from 'fastify';

export function acceptEmptyJson(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    return parse(request, text, done);
  });
}
