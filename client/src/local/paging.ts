/** nextToken pagination as the service does it: opaque tokens, bound to the operation, checked. */
import { createHash } from 'node:crypto';
import { fail } from './errors';

export const PAGE_SIZES = {
  ListApplications: 10,
  ListDeploymentGroups: 10,
  ListDeployments: 10,
  ListDeploymentTargets: 10,
  ListDeploymentInstances: 10,
  ListDeploymentConfigs: 10,
  ListApplicationRevisions: 10,
  ListOnPremisesInstances: 10,
  ListGitHubAccountTokenNames: 10,
} as const;

export type PagedOperation = keyof typeof PAGE_SIZES;

/** The request's filters, as a short fingerprint (a token stays small whatever the filters). */
const fingerprint = (scope: string) => createHash('sha256').update(scope).digest('base64url').slice(0, 22);

function encode(op: string, offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: op, n: offset, s: fingerprint(scope) })).toString('base64');
}

/** One page of `items`; `scope` ties the token to the request's filter (application, deployment …). */
export function page<T>(
  op: PagedOperation,
  items: T[],
  token: unknown,
  scope = '',
  size: number = PAGE_SIZES[op],
): { items: T[]; nextToken?: string } {
  let offset = 0;
  if (token !== undefined && token !== null && token !== '') {
    let parsed: { o?: unknown; n?: unknown; s?: unknown } | undefined;
    try {
      parsed = JSON.parse(Buffer.from(String(token), 'base64').toString('utf8'));
    } catch {
      parsed = undefined;
    }
    if (
      !parsed ||
      parsed.o !== op ||
      parsed.s !== fingerprint(scope) ||
      typeof parsed.n !== 'number' ||
      !Number.isInteger(parsed.n) ||
      parsed.n < 0
    ) {
      fail('InvalidNextTokenException', 'The next token was specified in an invalid format.');
    }
    offset = parsed.n;
  }
  const slice = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length ? { items: slice, nextToken: encode(op, next, scope) } : { items: slice };
}
