/**
 * Hostile revision bundles against the standalone endpoint: malformed tar headers, zip and gzip bombs and zips
 * whose sizes lie. Each is refused as CodeDeploy refuses a bad revision (the deployment fails with
 * INVALID_REVISION and a message that says what is wrong), promptly, and the endpoint keeps answering.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCodeDeployApi } from '../../client/src/aws/sdkApi';
import type { CodeDeployApi, DeploymentInfo } from '../../client/src/aws/api';
import { startEndpointProcess, type EndpointProcess } from '../helpers/endpointProcess';
import { EC2_APPSPEC, goodEntries, goodZip, tar, tgz, tgzBomb, zip, zipBomb } from './bundles';

const BUCKET = 'abuse-revisions';
const FINAL = new Set(['Succeeded', 'Failed', 'Stopped']);
/** Generous: a refused bundle is answered in milliseconds; this only keeps a regression from hanging the suite. */
const PER_TEST = { timeout: 30_000 };

describe('hostile revision bundles', () => {
  let ep: EndpointProcess;
  let api: CodeDeployApi;
  let n = 0;
  before(async () => {
    ep = await startEndpointProcess({ args: ['--time-scale', '2000'] });
    api = createCodeDeployApi(ep.settings);
  });
  after(async () => {
    api.dispose();
    assert.equal(await ep.stop(), 0);
  });

  async function deploy(bytes: Uint8Array, bundleType: 'zip' | 'tar' | 'tgz'): Promise<DeploymentInfo> {
    const key = `bundle-${++n}.${bundleType}`;
    await api.uploadRevision(BUCKET, key, bytes);
    const id = await api.createDeployment({
      applicationName: 'checkout-web',
      deploymentGroupName: 'checkout-web-prod',
      revision: { revisionType: 'S3', s3Location: { bucket: BUCKET, key, bundleType } },
    });
    for (;;) {
      const d = await api.getDeployment(id);
      if (FINAL.has(d.status ?? '')) return d;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function refused(bytes: Uint8Array, bundleType: 'zip' | 'tar' | 'tgz', message: RegExp): Promise<void> {
    const d = await deploy(bytes, bundleType);
    assert.equal(d.status, 'Failed');
    assert.equal(d.errorInformation?.code, 'INVALID_REVISION', d.errorInformation?.message);
    assert.match(d.errorInformation?.message ?? '', message);
  }

  it('deploys well-formed zip, tar and tgz bundles (the reader still reads them)', PER_TEST, async () => {
    for (const [bytes, type] of [
      [goodZip(), 'zip'],
      [tar(goodEntries()), 'tar'],
      [tgz(goodEntries()), 'tgz'],
      [tar([{ name: './appspec.yml', data: EC2_APPSPEC }]), 'tar'],
    ] as const) {
      const d = await deploy(bytes, type);
      assert.equal(d.status, 'Succeeded', `${type}: ${d.errorInformation?.message}`);
    }
  });

  it('a tar header with a negative size (-1000 in octal) is refused, not read forever', PER_TEST, async () => {
    const bundle = tar([{ name: 'junk.bin', sizeField: '-1000', data: '' }, ...goodEntries()]);
    await refused(bundle, 'tar', /could not be read as tar: .*size field/);
    await refused(Buffer.from(tgz([{ name: 'junk.bin', sizeField: '-1000' }])), 'tgz', /size field/);
  });

  it('tar headers with garbage sizes, bad checksums or cut-off data are refused', PER_TEST, async () => {
    await refused(tar([{ name: 'a', sizeField: 'zzzzzzzzzzz' }]), 'tar', /size field/);
    await refused(tar([{ name: 'appspec.yml', data: EC2_APPSPEC, badChecksum: true }]), 'tar', /checksum/);
    await refused(tar(goodEntries()).subarray(0, 700), 'tar', /cut off/);
    await refused(Buffer.from('not a tar archive at all'.repeat(40)), 'tar', /could not be read as tar/);
    await refused(Buffer.from('not gzip'), 'tgz', /could not be read as tgz/);
  });

  it('a zip bomb is refused by its expansion ratio without being inflated', PER_TEST, async () => {
    await refused(zipBomb(32), 'zip', /expands more than 100 times/);
  });

  it('a zip that declares gigabytes is refused before anything is allocated', PER_TEST, async () => {
    const bundle = zip([
      { name: 'appspec.yml', content: Buffer.from(EC2_APPSPEC) },
      { name: 'huge.bin', content: Buffer.alloc(1000), declared: 0xfffffff0 },
    ]);
    await refused(bundle, 'zip', /expands to more than 256 MiB/);
  });

  it('an appspec.yml whose data expands beyond its declared size is refused', PER_TEST, async () => {
    const lie = zip([{ name: 'appspec.yml', content: Buffer.alloc(4 * 1024 * 1024, 0x61), declared: 100 }]);
    await refused(lie, 'zip', /expands beyond its declared size/);
    const big = zip([{ name: 'appspec.yml', content: Buffer.alloc(2 * 1024 * 1024, 0x20) }]);
    await refused(big, 'zip', /reads AppSpec files up to 1048576 bytes/);
  });

  it('a gzip bomb inside a tgz is refused while it streams, and memory stays bounded', PER_TEST, async () => {
    await refused(tgzBomb(32), 'tgz', /expands more than 100 times/);
    assert.ok(ep.memory().peak < 300 * 1024 * 1024 || ep.memory().peak === 0, `peak RSS ${ep.memory().peak}`);
  });

  it('a zip with more entries than the limit is refused from its central directory', PER_TEST, async () => {
    const entries = Array.from({ length: 100_001 }, (_, i) => ({
      name: `f${i}`,
      content: Buffer.alloc(0),
      stored: true,
    }));
    await refused(zip(entries), 'zip', /100001 entries/);
  });
});
