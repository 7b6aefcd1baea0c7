/** Where a deployment's revision comes from: AppSpec content in the request, or a bundle in the local S3 store. */
import { createHash } from 'node:crypto';
import type { Account } from './account';
import { readBundle, readContentAppSpec, type RevisionResult } from './revision';
import type { ComputePlatform, Json } from './types';

/** Reads the revision to deploy; a missing S3 object or a GitHub location is a failed read (REVISION_MISSING). */
export function readRevision(account: Account, loc: Json, platform: ComputePlatform): RevisionResult {
  const type = loc.revisionType;
  if (type === 'AppSpecContent' || type === 'String') {
    const body = (type === 'String' ? loc.string : loc.appSpecContent) as Json;
    return readContentAppSpec(String(body.content), platform === 'ECS' ? 'ECS' : 'Lambda');
  }
  if (type === 'GitHub') {
    return {
      ok: false,
      code: 'REVISION_MISSING',
      message:
        'The local endpoint cannot download revisions from GitHub. Upload the bundle to the local S3 store and deploy it from there.',
    };
  }
  const s3 = loc.s3Location as Json;
  const bucket = String(s3.bucket);
  const key = String(s3.key);
  const meta = account.s3?.head(bucket, key);
  const bytes = meta ? account.s3?.get(bucket, key) : undefined;
  const wantETag = typeof s3.eTag === 'string' ? s3.eTag.replace(/"/g, '') : undefined;
  if (!meta || !bytes || (wantETag && wantETag !== meta.eTag.replace(/"/g, ''))) {
    return {
      ok: false,
      code: 'REVISION_MISSING',
      message: `The revision s3://${bucket}/${key}${wantETag ? ` (ETag ${wantETag})` : ''} could not be found.`,
    };
  }
  if (platform === 'Server') return readBundle(bytes, s3.bundleType as string | undefined);
  return readContentAppSpec(Buffer.from(bytes).toString('utf8'), platform);
}

/** Copies the revision and fills in the AppSpec content's SHA-256 when the request left it out. */
export function normalizeRevision(rev: Json): Json {
  const copy = structuredClone(rev);
  for (const k of ['appSpecContent', 'string']) {
    const body = copy[k] as Json | undefined;
    if (body && typeof body.content === 'string' && !body.sha256)
      body.sha256 = createHash('sha256').update(body.content).digest('hex');
  }
  return copy;
}
