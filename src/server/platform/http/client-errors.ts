// Errors Node's HTTP parser meets before there is a request (a 20 KB header, a malformed request
// line, a timeout) are answered with the same problem+json as every other error. The parse error
// carries the raw bytes received (err.rawPacket), Authorization header included: it is never logged.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { ERROR_STATUS, type ErrorCode } from '../errors.ts';
import { uuidv7 } from '../ids.ts';
import { problemBody } from './problem.ts';

const BY_PARSER_CODE: Record<string, [ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: ['header_too_large', 'The request headers are larger than this server accepts; send fewer or shorter headers.'],
  ERR_HTTP_REQUEST_TIMEOUT: ['request_timeout', 'The request was not received in time.'],
};
const MALFORMED: [ErrorCode, string] = ['bad_request', 'The request is not valid HTTP.'];

export function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, detail] = BY_PARSER_CODE[err.code ?? ''] ?? MALFORMED;
  const requestId = uuidv7();
  this.log.debug({ requestId, clientError: err.code, status: ERROR_STATUS[code] }, 'client error');
  if (socket.writable) {
    const status = ERROR_STATUS[code];
    const body = JSON.stringify(problemBody(code, detail, { requestId, lang: 'en' }));
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
      + `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy();
}
