/** RegisterApplicationRevision, GetApplicationRevision, BatchGetApplicationRevisions, ListApplicationRevisions. */
import { APPLICATION_REVISION_SORT_BY, LIST_STATE_FILTER_ACTIONS, SORT_ORDERS } from '../enums';
import { createHash } from 'node:crypto';
import { fail } from '../errors';
import { isObj, optEnum, optStr } from '../input';
import { LIMITS } from '../limits';
import { page } from '../paging';
import { checkRevisionShape } from '../revision';
import type { ComputePlatform, Json, RevisionRecord } from '../types';
import { listAnswer, type Operations, type OpsContext } from './context';

/** S3 bucket names as S3 accepts them: 3..63 lowercase letters, digits, dots and hyphens. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function requireRevision(v: unknown, platform: ComputePlatform): Json {
  if (v === undefined || v === null) fail('RevisionRequiredException', 'The revision ID was not specified.');
  if (!isObj(v)) fail('InvalidRevisionException', 'The revision was specified in an invalid format.');
  checkRevisionShape(v, platform);
  return v;
}

/**
 * A revision named to look it up: its location is enough (an AppSpec revision by its SHA-256, as
 * GetDeployment returns it without the content). The SHA-256 is computed when only the content is given.
 */
function revisionToFind(v: unknown): Json {
  if (v === undefined || v === null) fail('RevisionRequiredException', 'The revision ID was not specified.');
  if (!isObj(v)) fail('InvalidRevisionException', 'The revision was specified in an invalid format.');
  const type = v.revisionType;
  const body = isObj(type === 'String' ? v.string : v.appSpecContent)
    ? ((type === 'String' ? v.string : v.appSpecContent) as Json)
    : undefined;
  if (
    type === 'S3' &&
    isObj(v.s3Location) &&
    typeof v.s3Location.bucket === 'string' &&
    typeof v.s3Location.key === 'string'
  )
    return v;
  if (type === 'GitHub' && isObj(v.gitHubLocation)) return v;
  if ((type === 'AppSpecContent' || type === 'String') && body) {
    if (typeof body.sha256 === 'string' && body.sha256 !== '') return v;
    if (typeof body.content === 'string') {
      const copy = structuredClone(v);
      const b = (type === 'String' ? copy.string : copy.appSpecContent) as Json;
      b.sha256 = createHash('sha256').update(body.content).digest('hex');
      return copy;
    }
  }
  fail(
    'InvalidRevisionException',
    'The revision was specified in an invalid format: its type and location are required.',
  );
}

/** The revision with its AppSpec content (GetApplicationRevision returns it; GetDeployment never does). */
function revisionOut(rec: RevisionRecord): Json {
  const revision = structuredClone(rec.revisionLocation);
  const body = (revision.revisionType === 'String' ? revision.string : revision.appSpecContent) as Json | undefined;
  if (rec.content !== undefined && body) body.content = rec.content;
  return revision;
}

function genericInfo(rec: RevisionRecord): Json {
  return {
    deploymentGroups: [...rec.deploymentGroups],
    registerTime: rec.registerTime,
    ...(rec.firstUsedTime !== undefined ? { firstUsedTime: rec.firstUsedTime } : {}),
    ...(rec.lastUsedTime !== undefined ? { lastUsedTime: rec.lastUsedTime } : {}),
    ...(rec.description ? { description: rec.description } : {}),
  };
}

export function revisionOperations({ account }: OpsContext): Operations {
  const contentOf = (loc: Json): string | undefined => {
    const body = (loc.revisionType === 'String' ? loc.string : loc.appSpecContent) as Json | undefined;
    return typeof body?.content === 'string' ? body.content : undefined;
  };

  return {
    RegisterApplicationRevision: (i) => {
      const app = account.app(i.applicationName);
      const loc = requireRevision(i.revision, app.computePlatform);
      const description = optStr(
        i.description,
        'DescriptionTooLongException',
        'The description is too long.',
        LIMITS.descriptionLength,
      );
      const rec = account.registerRevision(app.applicationName, loc, account.nowSec(), contentOf(loc));
      if (description !== undefined) rec.description = description;
      return {};
    },

    GetApplicationRevision: (i) => {
      const app = account.app(i.applicationName);
      const rec = account.findRevision(app.applicationName, revisionToFind(i.revision));
      if (!rec)
        fail(
          'RevisionDoesNotExistException',
          'The named revision does not exist with the IAM user or Amazon Web Services account.',
        );
      return { applicationName: app.applicationName, revision: revisionOut(rec), revisionInfo: genericInfo(rec) };
    },

    BatchGetApplicationRevisions: (i) => {
      const app = account.app(i.applicationName);
      const list = i.revisions;
      if (!Array.isArray(list) || list.length === 0)
        fail('RevisionRequiredException', 'The revision ID was not specified.');
      if (list.length > LIMITS.batchItems)
        fail(
          'BatchLimitExceededException',
          `The maximum number of names or IDs allowed for this request (${LIMITS.batchItems}) was exceeded.`,
        );
      const found: Json[] = [];
      let missing = 0;
      for (const v of list) {
        const rec = account.findRevision(app.applicationName, revisionToFind(v));
        if (rec) found.push({ revisionLocation: revisionOut(rec), genericRevisionInfo: genericInfo(rec) });
        else missing++;
      }
      return {
        applicationName: app.applicationName,
        revisions: found,
        ...(missing ? { errorMessage: `${missing} of the revisions are not registered with this application.` } : {}),
      };
    },

    ListApplicationRevisions: (i) => {
      const app = account.app(i.applicationName);
      const sortBy = optEnum(
        i.sortBy,
        APPLICATION_REVISION_SORT_BY,
        'InvalidSortByException',
        `The column to sort by must be one of ${APPLICATION_REVISION_SORT_BY.join(', ')}.`,
      );
      const sortOrder = optEnum(
        i.sortOrder,
        SORT_ORDERS,
        'InvalidSortOrderException',
        'The sort order must be ascending or descending.',
      );
      const deployed = optEnum(
        i.deployed,
        LIST_STATE_FILTER_ACTIONS,
        'InvalidDeployedStateFilterException',
        'The deployed state filter must be include, exclude or ignore.',
      );
      const bucket = optStr(i.s3Bucket, 'InvalidBucketNameFilterException', 'The bucket name filter is invalid.');
      if (bucket !== undefined && !BUCKET.test(bucket))
        fail(
          'InvalidBucketNameFilterException',
          `The bucket name ${bucket.slice(0, 100)} is not a valid S3 bucket name.`,
        );
      const prefix = optStr(
        i.s3KeyPrefix,
        'InvalidKeyPrefixFilterException',
        'The key prefix filter is invalid.',
        LIMITS.s3KeyLength,
      );
      if (prefix !== undefined && bucket === undefined)
        fail(
          'BucketNameFilterRequiredException',
          'A bucket name is required when a key prefix (s3KeyPrefix) is given.',
        );

      let revs = account.state.revisions.filter((r) => r.applicationName === app.applicationName);
      if (bucket !== undefined) {
        revs = revs.filter((r) => {
          const s3 = r.revisionLocation.revisionType === 'S3' ? (r.revisionLocation.s3Location as Json) : undefined;
          return s3?.bucket === bucket && (prefix === undefined || String(s3.key ?? '').startsWith(prefix));
        });
      }
      if (deployed === 'include') revs = revs.filter((r) => r.deploymentGroups.length > 0);
      if (deployed === 'exclude') revs = revs.filter((r) => r.deploymentGroups.length === 0);
      if (sortBy) {
        // Revisions never used have no first/last used time: they sort after the others either way.
        const sign = sortOrder === 'descending' ? -1 : 1;
        const v = (r: RevisionRecord) => r[sortBy];
        revs = [...revs].sort((a, b) => {
          const x = v(a);
          const y = v(b);
          if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
          return sign * (x - y);
        });
      } else revs = [...revs].sort((a, b) => b.registerTime - a.registerTime);
      const scope = JSON.stringify([app.applicationName, sortBy, sortOrder, deployed, bucket, prefix]);
      return listAnswer(
        'revisions',
        page(
          'ListApplicationRevisions',
          revs.map((r) => structuredClone(r.revisionLocation)),
          i.nextToken,
          scope,
        ),
      );
    },
  };
}
