/** How revisions are identified and how GetDeployment shows them. */
import type { Json } from './types';

/** A revision's identity: S3 bucket/key/version/eTag, GitHub repo/commit, or the content's SHA-256. */
export function revisionKey(loc: Json): string {
  const type = String(loc.revisionType ?? '');
  if (type === 'S3') {
    const s = (loc.s3Location ?? {}) as Json;
    return `S3|${String(s.bucket)}|${String(s.key)}|${String(s.version ?? '')}|${String(s.eTag ?? '').replace(/"/g, '')}`;
  }
  if (type === 'GitHub') {
    const g = (loc.gitHubLocation ?? {}) as Json;
    return `GitHub|${String(g.repository)}|${String(g.commitId)}`;
  }
  const body = ((type === 'String' ? loc.string : loc.appSpecContent) ?? {}) as Json;
  return `${type}|${String(body.sha256 ?? '')}`;
}

/** The revision as GetDeployment returns it: AppSpecContent/String content is never included. */
export function stripContent(loc: Json): Json {
  const copy = structuredClone(loc);
  for (const k of ['appSpecContent', 'string']) {
    const body = copy[k] as Json | undefined;
    if (body) delete body.content;
  }
  return copy;
}
