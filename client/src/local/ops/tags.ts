/** TagResource / UntagResource / ListTagsForResource for applications and deployment groups (the failure switch is a group tag). */
import { ACCOUNT_ID, type Account } from '../account';
import { fail } from '../errors';
import type { Json, Tag } from '../types';
import type { Operations, OpsContext } from './context';

const ARN = /^arn:aws[a-z-]*:codedeploy:([^:]*):(\d*):([a-z]+):([^/]+)(?:\/(.+))?$/;

/** A tag list from a request (Key 1..128 characters, optional Value up to 256), or the operation's exception. */
export function readTags(v: unknown, err: string): Tag[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail(err, 'The specified tags are not valid.');
  const out: Tag[] = [];
  for (const t of v as unknown[]) {
    const tag = t as { Key?: unknown; Value?: unknown } | null;
    if (!tag || typeof tag !== 'object' || typeof tag.Key !== 'string' || tag.Key === '' || tag.Key.length > 128)
      fail(err, 'The specified tags are not valid: every tag needs a Key of 1 to 128 characters.');
    if (tag.Value !== undefined && tag.Value !== null && (typeof tag.Value !== 'string' || tag.Value.length > 256))
      fail(
        err,
        `The specified tags are not valid: the value of ${tag.Key} must be a string of at most 256 characters.`,
      );
    const value = typeof tag.Value === 'string' ? tag.Value : undefined;
    const existing = out.find((x) => x.Key === tag.Key);
    if (existing) existing.Value = value;
    else out.push({ Key: tag.Key, ...(value !== undefined ? { Value: value } : {}) });
  }
  return out;
}

/**
 * The tag list of an application or deployment group ARN (the live array, for editing). An ARN of
 * another account or region names nothing here. `listing`: ListTagsForResource, whose error list has
 * no "does not exist" exceptions, so an unknown resource is an ARN it cannot resolve.
 */
export function tagsOf(account: Account, arn: unknown, listing = false): Tag[] {
  if (typeof arn !== 'string' || arn === '')
    fail('ResourceArnRequiredException', 'The ARN of a resource is required, but was not found.');
  const match = ARN.exec(arn);
  if (!match) fail('InvalidArnException', `The specified ARN is not in a valid format: ${arn.slice(0, 200)}`);
  const [, region, owner] = match;
  if (region !== account.region || owner !== ACCOUNT_ID)
    fail(
      'ArnNotSupportedException',
      `The specified ARN is not supported: it names account ${owner.slice(0, 20) || '(none)'} in region ${region.slice(0, 30) || '(none)'}, not ${ACCOUNT_ID} in ${account.region}.`,
    );
  const m = [match[0], match[3], match[4], match[5]];
  if (m[1] !== 'application' && m[1] !== 'deploymentgroup')
    fail(
      'ArnNotSupportedException',
      `The specified ARN is not supported: only applications and deployment groups have tags.`,
    );
  if ((m[1] === 'application') !== (m[3] === undefined))
    fail('InvalidArnException', `The specified ARN is not in a valid format: ${arn.slice(0, 200)}`);
  if (listing) {
    const found = m[1] === 'deploymentgroup' ? account.findGroup(m[2], m[3]) : account.findApp(m[2]);
    if (!found)
      fail('InvalidArnException', `The specified ARN does not identify an existing resource: ${arn.slice(0, 200)}`);
  }
  if (m[1] === 'deploymentgroup') return account.group(m[2], m[3]).tags;
  const app = account.app(m[2]);
  return (app.tags ??= []);
}

export function tagOperations({ account }: OpsContext): Operations {
  return {
    TagResource: (i: Json) => {
      const tags = tagsOf(account, i.ResourceArn);
      if (!Array.isArray(i.Tags) || i.Tags.length === 0) fail('TagRequiredException', 'A tag was not specified.');
      for (const t of readTags(i.Tags, 'InvalidTagsToAddException')) {
        const existing = tags.find((x) => x.Key === t.Key);
        if (existing) existing.Value = t.Value;
        else tags.push(t);
      }
      account.markDirty();
      return {};
    },
    UntagResource: (i: Json) => {
      const tags = tagsOf(account, i.ResourceArn);
      const keys = Array.isArray(i.TagKeys) ? i.TagKeys.filter((k): k is string => typeof k === 'string') : [];
      if (keys.length === 0) fail('TagRequiredException', 'A tag was not specified.');
      for (let n = tags.length - 1; n >= 0; n--) if (keys.includes(tags[n].Key)) tags.splice(n, 1);
      account.markDirty();
      return {};
    },
    ListTagsForResource: (i: Json) => ({ Tags: structuredClone(tagsOf(account, i.ResourceArn, true)) }),
  };
}
