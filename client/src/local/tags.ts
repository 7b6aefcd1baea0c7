/** TagResource / UntagResource / ListTagsForResource for applications and deployment groups (the failure switch is a group tag). */
import { fail } from './errors';
import type { CodeDeployService } from './service';
import type { Json } from './types';

/** The tag list of an application or deployment group ARN (the live array, for editing). */
export function tagsOf(svc: CodeDeployService, arn: unknown): { Key: string; Value?: string }[] {
  if (typeof arn !== 'string' || arn === '')
    fail('ResourceArnRequiredException', 'The ARN of a resource is required, but was not found.');
  const m = /^arn:aws[a-z-]*:codedeploy:[^:]*:\d*:(application|deploymentgroup):([^/]+)(?:\/(.+))?$/.exec(arn);
  if (!m || (m[1] === 'application') !== (m[3] === undefined))
    fail('InvalidArnException', `The specified ARN is not in a valid format: ${arn}`);
  if (m[1] === 'deploymentgroup') return svc.group(m[2], m[3]).tags;
  const app = svc.app(m[2]);
  svc.state.appTags ??= {};
  return (svc.state.appTags[app.applicationName] ??= []);
}

export function tagResource(svc: CodeDeployService, i: Json): Json {
  const tags = tagsOf(svc, i.ResourceArn);
  if (!Array.isArray(i.Tags) || i.Tags.length === 0) fail('TagRequiredException', 'A tag was not specified.');
  for (const t of i.Tags as { Key?: unknown; Value?: unknown }[]) {
    if (typeof t?.Key !== 'string' || t.Key === '')
      fail('InvalidTagException', 'The tag was specified in an invalid format.');
    const value = typeof t.Value === 'string' ? t.Value : undefined;
    const existing = tags.find((x) => x.Key === t.Key);
    if (existing) existing.Value = value;
    else tags.push({ Key: t.Key, ...(value !== undefined ? { Value: value } : {}) });
  }
  svc.markDirty();
  return {};
}

export function untagResource(svc: CodeDeployService, i: Json): Json {
  const tags = tagsOf(svc, i.ResourceArn);
  const keys = Array.isArray(i.TagKeys) ? i.TagKeys.map(String) : [];
  if (keys.length === 0) fail('TagRequiredException', 'A tag was not specified.');
  for (let n = tags.length - 1; n >= 0; n--) if (keys.includes(tags[n].Key)) tags.splice(n, 1);
  svc.markDirty();
  return {};
}
