/**
 * The state file against damage: a shallow-valid but broken file, an unreadable one, one nested thousands of levels
 * deep, an empty or partial one, and temporary files of an interrupted save. Nothing is overwritten silently.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeDeployClient, CreateApplicationCommand } from '@aws-sdk/client-codedeploy';
import { createCodeDeployApi } from '../../client/src/aws/sdkApi';
import { startEndpointProcess, tempDataDir } from '../helpers/endpointProcess';

async function withEndpoint(
  dataDir: string,
  body: (
    api: ReturnType<typeof createCodeDeployApi>,
    out: () => string,
    create: (name: string, platform: 'Server' | 'Lambda') => Promise<unknown>,
  ) => Promise<void>,
) {
  const ep = await startEndpointProcess({ dataDir, args: ['--no-seed'] });
  const api = createCodeDeployApi(ep.settings);
  const raw = new CodeDeployClient({ endpoint: ep.url, region: 'us-east-1', credentials: ep.settings.credentials });
  try {
    await body(api, ep.output, (name, computePlatform) =>
      raw.send(new CreateApplicationCommand({ applicationName: name, computePlatform })),
    );
  } finally {
    raw.destroy();
    api.dispose();
    assert.equal(await ep.stop(), 0);
  }
}

const asideFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.startsWith('state.json.bad-'));

describe('the state file', () => {
  for (const [name, write] of [
    ['a deployment record without members', (f: string) => fs.writeFileSync(f, '{"version":1,"deployments":[{}]}')],
    [
      'an application whose name is a number',
      (f: string) => fs.writeFileSync(f, '{"applications":[{"applicationName":5}]}'),
    ],
    [
      '5,000 levels of nesting',
      (f: string) => fs.writeFileSync(f, `{"version":1,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`),
    ],
    ['a file that cannot be read (a folder)', (f: string) => fs.mkdirSync(f)],
    ['a file that is not JSON', (f: string) => fs.writeFileSync(f, '{"version": 1, "deploy')],
  ] as const) {
    it(`${name}: moved aside as state.json.bad-<time>, reported, and the endpoint works`, async () => {
      const dataDir = tempDataDir();
      write(path.join(dataDir, 'state.json'));
      await withEndpoint(dataDir, async (api, out, create) => {
        assert.deepEqual(await api.listApplications(), []);
        assert.equal(asideFiles(dataDir).length, 1, fs.readdirSync(dataDir).join(', '));
        assert.match(out(), /state\.json .*It was moved to .*state\.json\.bad-/);
        await create('after-bad-state', 'Server');
      });
      // The new state was saved and loads again.
      await withEndpoint(dataDir, async (api) => {
        assert.deepEqual(await api.listApplications(), ['after-bad-state']);
      });
    });
  }

  it('an empty or partial state works, with the predefined configurations', async () => {
    for (const text of ['{}', '{"version":1}', '{"version":1,"applications":[]}']) {
      const dataDir = tempDataDir();
      fs.writeFileSync(path.join(dataDir, 'state.json'), text);
      await withEndpoint(dataDir, async (api, _out, create) => {
        assert.deepEqual(await api.listApplications(), []);
        assert.ok((await api.listDeploymentConfigs()).includes('CodeDeployDefault.OneAtATime'), text);
        await create('partial', 'Lambda');
        assert.deepEqual(await api.listApplications(), ['partial']);
        assert.equal(asideFiles(dataDir).length, 0, 'a partial state is not bad');
      });
    }
  });

  it('temporary files of an interrupted save are removed at start', async () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(path.join(dataDir, 'state.json.tmp-4242-7'), '{"half":');
    fs.mkdirSync(path.join(dataDir, 's3', 'some-bucket'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 's3', 'some-bucket', 'key%2Ezip.data.tmp-4242-8'), 'half');
    await withEndpoint(dataDir, async () => {
      assert.deepEqual(
        fs.readdirSync(dataDir).filter((f) => f.includes('.tmp-')),
        [],
      );
      assert.deepEqual(fs.readdirSync(path.join(dataDir, 's3', 'some-bucket')), []);
    });
  });
});
