/**
 * Requests to the local endpoint's own routes (`/_local/…`), which the CodeDeploy SDK cannot send:
 * a GET signed with SigV4 by the connection's credentials, exactly as the SDK signs API calls,
 * so the endpoint checks them the same way.
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { AwsUserError, type ConnectionSettings } from './api';

type SourceData = string | ArrayBuffer | ArrayBufferView;

const bytes = (d: SourceData): Buffer =>
  typeof d === 'string'
    ? Buffer.from(d, 'utf8')
    : ArrayBuffer.isView(d)
      ? Buffer.from(d.buffer, d.byteOffset, d.byteLength)
      : Buffer.from(d);

/** SHA-256 / HMAC-SHA-256 over node:crypto, in the shape the signer expects. */
class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.make();
  }
  private make(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.make();
  }
}

/** GETs `path` (with `query`) from the local endpoint and returns its JSON; errors become AwsUserError. */
export async function getLocalJson(
  settings: ConnectionSettings,
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider,
  path: string,
  query: Record<string, string>,
): Promise<unknown> {
  if (!settings.endpoint) throw new AwsUserError('The local endpoint has no URL.', 'InternalFailure', 'check-endpoint');
  const url = new URL(path, settings.endpoint);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const signer = new SignatureV4({ credentials, region: settings.region, service: 'codedeploy', sha256: NodeSha256 });
  const signed = await signer.sign({
    method: 'GET',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query,
    headers: { host: url.host },
  });
  let res: Response;
  try {
    // fetch sets Host itself (the same value that was signed).
    const headers = Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k.toLowerCase() !== 'host'));
    res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    throw new AwsUserError(
      `Could not reach the local endpoint at ${settings.endpoint}: ${(err as Error).message}`,
      'ECONNREFUSED',
      'check-endpoint',
    );
  }
  const body = (await res.json().catch(() => undefined)) as { __type?: unknown; message?: unknown } | undefined;
  if (!res.ok) {
    const code = typeof body?.__type === 'string' ? body.__type : `HTTP${res.status}`;
    const message = typeof body?.message === 'string' ? body.message : `The local endpoint answered ${res.status}.`;
    throw new AwsUserError(message, code);
  }
  return body;
}
