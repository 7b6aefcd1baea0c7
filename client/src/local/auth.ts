/**
 * Who may use the local endpoint (contract C1 in docs/local-endpoint.md, "Security and limits"):
 * a request must be signed (SigV4) with the access key id made for this start of the endpoint; the
 * signature itself is not verified, the key id is. Its Host header must name the endpoint as
 * `127.0.0.1:PORT` or `localhost:PORT` (DNS rebinding), and it must not come from a web page
 * (an `Origin` header). Refusals use each protocol's own error shape, HTTP 403.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { computeServiceOf } from './compute/router';

/** A fresh access key id: `LOCAL` and 24 random hex digits (upper case, like AWS key ids). */
export function newAccessKeyId(): string {
  return `LOCAL${randomBytes(12).toString('hex').toUpperCase()}`;
}

/** What an access key id given by the user may look like (what the SDKs and the AWS CLI send as is). */
export const ACCESS_KEY_ID_PATTERN = /^[A-Za-z0-9_+=.@-]{4,128}$/;

/** The access key id of a SigV4 request: the Authorization header's Credential, or a presigned URL's X-Amz-Credential. */
export function accessKeyIdOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    if (!/^AWS4-/i.test(auth)) return undefined;
    return /\bCredential=([^/,\s]+)\//.exec(auth)?.[1];
  }
  const url = req.url ?? '';
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  try {
    const credential = new URLSearchParams(url.slice(q + 1)).get('X-Amz-Credential');
    return credential ? credential.split('/')[0] : undefined;
  } catch {
    return undefined;
  }
}

export interface Refusal {
  message: string;
}

const BAD_KEY = 'The security token included in the request is invalid.';

/** Why the request is refused, or undefined when it may go on. */
export function refusal(req: IncomingMessage, accessKeyId: string): Refusal | undefined {
  const port = req.socket.localPort;
  const host = String(req.headers.host ?? '').toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
    return {
      message: `${BAD_KEY} The Host header must be 127.0.0.1:${port} or localhost:${port}.`,
    };
  if (req.headers.origin !== undefined)
    return { message: `${BAD_KEY} Requests from web pages (with an Origin header) are refused.` };
  const given = accessKeyIdOf(req);
  if (given === undefined || !sameKey(given, accessKeyId))
    return {
      message:
        `${BAD_KEY} Sign requests with the access key id this endpoint printed at start (AWS_ACCESS_KEY_ID=…; ` +
        'also in the file access-key-id of its data folder; --access-key-id or CODEDEPLOY_LOCAL_ACCESS_KEY_ID sets it).',
    };
  return undefined;
}

function sameKey(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Answers a refused request with 403 in the shape its client parses (S3 XML, ELB query XML, Lambda or JSON 1.1). */
export function sendRefusal(req: IncomingMessage, res: ServerResponse, why: Refusal, s3: boolean): void {
  const headers: Record<string, string> = { 'x-amzn-requestid': 'local-refused' };
  let body: string;
  if (s3) {
    headers['content-type'] = 'application/xml';
    body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidAccessKeyId</Code><Message>${xmlEscape(why.message)}</Message><RequestId>local-refused</RequestId></Error>`;
  } else if (computeServiceOf(req) === 'elb') {
    headers['content-type'] = 'text/xml';
    body = `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>${xmlEscape(why.message)}</Message></Error><RequestId>local-refused</RequestId></ErrorResponse>`;
  } else {
    headers['content-type'] = 'application/x-amz-json-1.1';
    headers['x-amzn-errortype'] = 'UnrecognizedClientException';
    body = JSON.stringify({ __type: 'UnrecognizedClientException', message: why.message });
  }
  headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(403, headers);
  res.end(body);
}
