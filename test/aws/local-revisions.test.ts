/** Application revisions on the local endpoint: register, batch get, list with filters and sorting. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as cd from '@aws-sdk/client-codedeploy';
import { startHarness, type Harness } from './helpers';
import { rejectsWith } from './localModel';

const s3 = (bucket: string, key: string): cd.RevisionLocation => ({
  revisionType: 'S3',
  s3Location: { bucket, key, bundleType: 'zip' },
});

describe('application revisions', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());
  const send = (c: unknown) => h.raw.send(c as never) as Promise<never>;
  const list = async (input: Partial<cd.ListApplicationRevisionsInput>) => {
    const out: cd.RevisionLocation[] = [];
    let nextToken: string | undefined;
    do {
      const r = await h.raw.send(
        new cd.ListApplicationRevisionsCommand({ applicationName: 'checkout-web', ...input, nextToken }),
      );
      out.push(...(r.revisions ?? []));
      nextToken = r.nextToken;
    } while (nextToken);
    return out.map((r) => (r.s3Location ? `${r.s3Location.bucket}/${r.s3Location.key}` : r.revisionType));
  };

  it('RegisterApplicationRevision registers without deploying; GetApplicationRevision and BatchGet find it', async () => {
    for (const [i, key] of ['web/a.zip', 'web/b.zip', 'api/c.zip'].entries()) {
      h.clock.advance(60_000);
      await h.raw.send(
        new cd.RegisterApplicationRevisionCommand({
          applicationName: 'checkout-web',
          revision: s3(i === 2 ? 'other-bucket' : 'release-bucket', key),
          description: `build ${i}`,
        }),
      );
    }
    const got = await h.raw.send(
      new cd.GetApplicationRevisionCommand({
        applicationName: 'checkout-web',
        revision: s3('release-bucket', 'web/a.zip'),
      }),
    );
    assert.equal(got.revisionInfo?.description, 'build 0');
    assert.deepEqual(got.revisionInfo?.deploymentGroups, []);
    assert.equal(got.revisionInfo?.firstUsedTime, undefined, 'registered, never deployed');
    assert.ok(got.revisionInfo?.registerTime instanceof Date);

    const batch = await h.raw.send(
      new cd.BatchGetApplicationRevisionsCommand({
        applicationName: 'checkout-web',
        revisions: [s3('release-bucket', 'web/a.zip'), s3('release-bucket', 'missing.zip')],
      }),
    );
    assert.equal(batch.applicationName, 'checkout-web');
    assert.deepEqual(
      batch.revisions?.map((r) => r.revisionLocation?.s3Location?.key),
      ['web/a.zip'],
    );
    assert.equal(batch.revisions?.[0].genericRevisionInfo?.description, 'build 0');
    assert.ok(batch.errorMessage);
  });

  it('register and batch-get errors come from the model', async () => {
    await rejectsWith(
      send(
        new cd.RegisterApplicationRevisionCommand({ applicationName: 'checkout-web', revision: undefined as never }),
      ),
      'RegisterApplicationRevision',
      'RevisionRequiredException',
    );
    await rejectsWith(
      send(
        new cd.RegisterApplicationRevisionCommand({
          applicationName: 'checkout-web',
          revision: { revisionType: 'S3', s3Location: { bucket: 'b' } },
        }),
      ),
      'RegisterApplicationRevision',
      'InvalidRevisionException',
    );
    await rejectsWith(
      send(new cd.RegisterApplicationRevisionCommand({ applicationName: 'nope', revision: s3('b', 'k') })),
      'RegisterApplicationRevision',
      'ApplicationDoesNotExistException',
    );
    await rejectsWith(
      send(
        new cd.RegisterApplicationRevisionCommand({
          applicationName: 'checkout-web',
          revision: s3('b', 'k'),
          description: 'd'.repeat(101),
        }),
      ),
      'RegisterApplicationRevision',
      'DescriptionTooLongException',
    );
    await rejectsWith(
      send(
        new cd.BatchGetApplicationRevisionsCommand({
          applicationName: 'checkout-web',
          revisions: Array.from({ length: 26 }, (_, i) => s3('b', `k${i}`)),
        }),
      ),
      'BatchGetApplicationRevisions',
      'BatchLimitExceededException',
    );
    await rejectsWith(
      send(new cd.BatchGetApplicationRevisionsCommand({ applicationName: 'checkout-web', revisions: [] })),
      'BatchGetApplicationRevisions',
      'RevisionRequiredException',
    );
    await rejectsWith(
      send(
        new cd.GetApplicationRevisionCommand({
          applicationName: 'checkout-web',
          revision: s3('b', 'never-registered'),
        }),
      ),
      'GetApplicationRevision',
      'RevisionDoesNotExistException',
    );
  });

  it('ListApplicationRevisions filters by bucket, key prefix and deployed state', async () => {
    assert.deepEqual((await list({ s3Bucket: 'release-bucket' })).sort(), [
      'release-bucket/web/a.zip',
      'release-bucket/web/b.zip',
    ]);
    assert.deepEqual(await list({ s3Bucket: 'other-bucket', s3KeyPrefix: 'api/' }), ['other-bucket/api/c.zip']);
    assert.deepEqual(await list({ s3Bucket: 'release-bucket', s3KeyPrefix: 'api/' }), []);
    // The seeded history deployed checkout-web-1.4.1 last: it is the target revision of checkout-web-prod.
    const deployed = await list({ deployed: 'include' });
    assert.deepEqual(deployed, ['checkout-web-revisions/checkout-web/checkout-web-1.4.1.zip']);
    const excluded = await list({ deployed: 'exclude' });
    assert.ok(excluded.includes('checkout-web-revisions/checkout-web/checkout-web-1.4.0.zip'));
    assert.ok(!excluded.includes(deployed[0]));
    assert.equal((await list({ deployed: 'ignore' })).length, deployed.length + excluded.length);
  });

  it('ListApplicationRevisions sorts by registerTime, firstUsedTime or lastUsedTime, both ways', async () => {
    const byRegister = await list({ s3Bucket: 'release-bucket', sortBy: 'registerTime', sortOrder: 'ascending' });
    assert.deepEqual(byRegister, ['release-bucket/web/a.zip', 'release-bucket/web/b.zip']);
    assert.deepEqual(await list({ s3Bucket: 'release-bucket', sortBy: 'registerTime', sortOrder: 'descending' }), [
      'release-bucket/web/b.zip',
      'release-bucket/web/a.zip',
    ]);
    assert.deepEqual(
      await list({ s3Bucket: 'release-bucket', sortBy: 'registerTime' }),
      byRegister,
      'ascending by default',
    );
    const used = await list({ s3Bucket: 'checkout-web-revisions', sortBy: 'firstUsedTime', sortOrder: 'descending' });
    assert.deepEqual(used, [
      'checkout-web-revisions/checkout-web/checkout-web-1.4.1.zip',
      'checkout-web-revisions/checkout-web/checkout-web-1.4.0.zip',
    ]);
    const never = await list({ sortBy: 'lastUsedTime', sortOrder: 'ascending' });
    assert.deepEqual(
      never.slice(-3).sort(),
      ['other-bucket/api/c.zip', 'release-bucket/web/a.zip', 'release-bucket/web/b.zip'],
      'never used: last',
    );
  });

  it('ListApplicationRevisions refuses invalid filters with the model exceptions', async () => {
    const refuses = (input: Record<string, unknown>, error: string) =>
      rejectsWith(
        send(new cd.ListApplicationRevisionsCommand({ applicationName: 'checkout-web', ...input })),
        'ListApplicationRevisions',
        error,
      );
    await refuses({ sortBy: 'name' }, 'InvalidSortByException');
    await refuses({ sortOrder: 'sideways' }, 'InvalidSortOrderException');
    await refuses({ deployed: 'maybe' }, 'InvalidDeployedStateFilterException');
    await refuses({ s3KeyPrefix: 'web/' }, 'BucketNameFilterRequiredException');
    await refuses({ s3Bucket: 'Not_A_Bucket' }, 'InvalidBucketNameFilterException');
    await refuses({ nextToken: 'garbage' }, 'InvalidNextTokenException');
  });
});
