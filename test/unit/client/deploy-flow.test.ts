import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as url from 'node:url';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import {
  appSpecContentInput,
  applicationsFor,
  configsFor,
  defaultRevisionKey,
  groupsFor,
  normalizeProblems,
  orderConfigs,
  refusalFor,
  s3DeploymentInput,
  validateBucketName,
} from '../../../client/src/deploy/plan';
import { planBundle, zipBundle } from '../../../client/src/deploy/bundle';
import { DeployMemory, MemoryStore } from '../../../client/src/deploy/memory';

test('validation: errors refuse the deployment, warnings do not', () => {
  const lsp = normalizeProblems([
    { range: { start: { line: 4, character: 2 } }, severity: 2, code: 'W4001', message: 'timeout is high' },
    { range: { start: { line: 2, character: 0 } }, severity: 1, code: 'E4002', message: 'unknown hook "BeforeInstal"' },
  ]);
  assert.equal(refusalFor(lsp.filter((p) => p.severity !== 'error')), undefined);
  const r = refusalFor(lsp);
  assert.ok(r);
  assert.equal(r.errors.length, 1);
  assert.match(r.title, /1 error/);
  assert.equal(r.detail, '3:1 E4002 unknown hook "BeforeInstal"');
  // The engine's shape (string severities, ruleId) normalises the same way.
  const engine = normalizeProblems([
    { ruleId: 'E1001', severity: 'error', message: 'bad version', range: { start: { line: 0, character: 9 } } },
  ]);
  assert.deepEqual(engine, [{ line: 0, character: 9, message: 'bad version', code: 'E1001', severity: 'error' }]);
  assert.deepEqual(normalizeProblems({ diagnostics: [] }), []);
  assert.deepEqual(normalizeProblems(null), []);
  const many = refusalFor(
    Array.from({ length: 12 }, (_, i) => ({ line: i, character: 0, message: 'x', severity: 'error' as const })),
    10,
  );
  assert.match(many?.detail ?? '', /…and 2 more$/);
});

test('applications, groups and configs are filtered by the AppSpec platform', () => {
  const apps = applicationsFor(
    [
      { applicationName: 'b', computePlatform: 'Lambda' },
      { applicationName: 'a', computePlatform: 'Lambda' },
      { applicationName: 'c', computePlatform: 'Server' },
    ],
    'Lambda',
  );
  assert.deepEqual(
    apps.map((a) => a.applicationName),
    ['a', 'b'],
  );
  assert.deepEqual(
    groupsFor(
      [
        { deploymentGroupName: 'x', computePlatform: 'ECS' },
        { deploymentGroupName: 'y', computePlatform: 'Server' },
      ],
      'Server',
    ).map((g) => g.deploymentGroupName),
    ['y'],
  );
  const names = [
    'CodeDeployDefault.OneAtATime',
    'CodeDeployDefault.LambdaAllAtOnce',
    'CodeDeployDefault.ECSAllAtOnce',
    'my-custom',
    'CodeDeployDefault.AllAtOnce',
  ];
  assert.deepEqual(configsFor(names, 'Server'), [
    'CodeDeployDefault.AllAtOnce',
    'CodeDeployDefault.OneAtATime',
    'my-custom',
  ]);
  assert.deepEqual(configsFor(names, 'Lambda'), ['CodeDeployDefault.LambdaAllAtOnce', 'my-custom']);
  assert.deepEqual(orderConfigs(['a', 'b', 'c'], 'c', 'b'), ['c', 'b', 'a']);
  assert.deepEqual(orderConfigs(['a', 'b'], 'gone', undefined), ['a', 'b']);
});

test('deployment config, bucket and deployed AppSpec are remembered per workspace', async () => {
  const mem = new DeployMemory(new MemoryStore());
  assert.equal(mem.lastConfig('web', 'prod'), undefined);
  await mem.rememberConfig('web', 'prod', 'CodeDeployDefault.HalfAtATime');
  await mem.rememberConfig('web', 'dev', 'CodeDeployDefault.AllAtOnce');
  assert.equal(mem.lastConfig('web', 'prod'), 'CodeDeployDefault.HalfAtATime');
  await mem.rememberConfig('web', 'prod', undefined);
  assert.equal(mem.lastConfig('web', 'prod'), undefined);
  assert.equal(mem.lastConfig('web', 'dev'), 'CodeDeployDefault.AllAtOnce');
  await mem.rememberBucket('my-bucket');
  assert.equal(mem.bucket(), 'my-bucket');
  await mem.rememberTarget('file:///w/appspec.yml', { application: 'web', group: 'prod' });
  assert.deepEqual(mem.lastTarget('file:///w/appspec.yml'), { application: 'web', group: 'prod' });
  await mem.rememberDeployedFrom('d-1', { uri: 'file:///w/appspec.yml', connection: 'local', at: 1 });
  assert.equal(mem.deployedFrom('d-1')?.uri, 'file:///w/appspec.yml');
  await mem.watch('d-1', 'local');
  await mem.watch('d-2', 'local');
  await mem.watch('d-1', 'local');
  assert.deepEqual(
    mem.watching().map((w) => w.deploymentId),
    ['d-2', 'd-1'],
  );
  await mem.unwatch('d-2');
  assert.deepEqual(
    mem.watching().map((w) => w.deploymentId),
    ['d-1'],
  );
});

test('S3 and AppSpecContent revisions', () => {
  const s3 = s3DeploymentInput(
    { application: 'web', group: 'prod', config: 'CodeDeployDefault.AllAtOnce' },
    { bucket: 'b', key: 'web/r.zip', eTag: '"abc123"' },
  );
  assert.deepEqual(s3.revision, {
    revisionType: 'S3',
    s3Location: { bucket: 'b', key: 'web/r.zip', bundleType: 'zip', eTag: 'abc123', version: undefined },
  });
  assert.equal(s3.deploymentConfigName, 'CodeDeployDefault.AllAtOnce');
  const text = 'version: 0.0\nResources: []\n';
  const content = appSpecContentInput({ application: 'fn', group: 'live' }, text);
  assert.equal(content.revision?.revisionType, 'AppSpecContent');
  assert.equal(content.revision?.appSpecContent?.content, text);
  assert.equal(content.revision?.appSpecContent?.sha256, createHash('sha256').update(text).digest('hex'));
  assert.equal(content.deploymentConfigName, undefined);
});

test('default keys and bucket names', () => {
  assert.equal(
    defaultRevisionKey('my app', 'web', new Date(Date.UTC(2026, 0, 2, 3, 4, 5))),
    'my-app/web-20260102-030405.zip',
  );
  assert.equal(validateBucketName('my-bucket.1'), undefined);
  assert.ok(validateBucketName('My_Bucket'));
  assert.ok(validateBucketName('ab'));
});

test('the bundle holds the revision folder with modes kept and litter left out', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-bundle-'));
  try {
    fs.writeFileSync(path.join(root, 'appspec.yml'), 'version: 0.0\nos: linux\n');
    fs.mkdirSync(path.join(root, 'scripts'));
    fs.writeFileSync(path.join(root, 'scripts', 'start.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
    fs.mkdirSync(path.join(root, '.git'));
    fs.writeFileSync(path.join(root, '.git', 'HEAD'), 'ref');
    fs.writeFileSync(path.join(root, '.DS_Store'), 'x');
    fs.mkdirSync(path.join(root, '__MACOSX'));
    fs.writeFileSync(path.join(root, '__MACOSX', 'junk'), 'x');
    const plan = planBundle(path.join(root, 'appspec.yml'));
    assert.deepEqual(
      plan.files.map((f) => f.path),
      ['appspec.yml', 'scripts/start.sh'],
    );
    const override = new TextEncoder().encode('version: 0.0\nos: linux\n# unsaved\n');
    const zip = zipBundle(plan, new Map([[path.join(root, 'appspec.yml'), override]]));
    const entries = unzipSync(zip);
    assert.deepEqual(Object.keys(entries).sort(), ['appspec.yml', 'scripts/start.sh']);
    assert.equal(new TextDecoder().decode(entries['appspec.yml']), 'version: 0.0\nos: linux\n# unsaved\n');
    // The external attributes of the script keep the executable bits (Unix mode in the high 16 bits).
    const mode = externalMode(zip, 'scripts/start.sh');
    assert.equal(mode & 0o777, 0o755);
    // Deterministic: the same folder zips to the same bytes.
    assert.deepEqual(zipBundle(plan, new Map([[path.join(root, 'appspec.yml'), override]])), zip);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a differently named AppSpec goes into the bundle as appspec.yml', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-bundle-'));
  try {
    fs.writeFileSync(path.join(root, 'prod.appspec.yml'), 'version: 0.0\nos: linux\n');
    const plan = planBundle(path.join(root, 'prod.appspec.yml'));
    assert.deepEqual(plan.files.map((f) => f.path).sort(), ['appspec.yml', 'prod.appspec.yml']);
    const entries = unzipSync(zipBundle(plan));
    assert.equal(new TextDecoder().decode(entries['appspec.yml']), 'version: 0.0\nos: linux\n');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

/** Reads a file's Unix mode from the zip's central directory. */
function externalMode(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i < zip.length - 46; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLen = view.getUint16(i + 28, true);
    const n = new TextDecoder().decode(zip.subarray(i + 46, i + 46 + nameLen));
    if (n === name) return view.getUint32(i + 38, true) >>> 16;
  }
  throw new Error(`${name} not in the central directory`);
}

test('the New AppSpec templates lint clean and are detected as their platform', async () => {
  const { TEMPLATES } = await import('../../../client/src/deploy/templates');
  const { lintForDeploy, platformOfText } = await import('../../../client/src/deploy/validate');
  assert.equal(TEMPLATES.length, 3);
  for (const t of TEMPLATES) {
    const { problems, source } = await lintForDeploy({
      uri: `file:///tmp/${t.platform}/appspec.yml`,
      text: t.content,
      fileName: t.fileName,
    });
    assert.equal(source, 'engine');
    assert.deepEqual(
      problems.filter((p) => p.severity === 'error'),
      [],
      `${t.label} template has errors`,
    );
    assert.equal((await platformOfText(`file:///tmp/${t.platform}/appspec.yml`, t.content)).platform, t.platform);
  }
});

test('deploy validation uses the language server when it answers, the engine otherwise', async () => {
  const { lintForDeploy } = await import('../../../client/src/deploy/validate');
  const params = { uri: 'file:///w/appspec.yml', text: 'version: 0.0\nos: linux\n', fileName: 'appspec.yml' };
  const served = await lintForDeploy(params, async (p) => {
    assert.deepEqual(p, params);
    return {
      diagnostics: [
        { range: { start: { line: 1, character: 0 } }, severity: 1, code: 'E9999', message: 'from the server' },
      ],
    };
  });
  assert.equal(served.source, 'server');
  assert.equal(served.problems[0].message, 'from the server');
  assert.equal(served.serverError, undefined);
  const fallback = await lintForDeploy(params, async () => {
    throw Object.assign(new Error('Unhandled method appspec/lint'), { code: -32601 });
  });
  assert.equal(fallback.source, 'engine');
  assert.equal(fallback.serverError, 'Unhandled method appspec/lint', 'why the server was not used is passed on');
  const silent = await lintForDeploy(params, () => new Promise(() => undefined), 50);
  assert.equal(silent.source, 'engine');
  assert.match(silent.serverError ?? '', /no answer within/);
  const broken = await lintForDeploy({
    ...params,
    text: 'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: a.sh\n      timeout: -1\n',
  });
  assert.ok(broken.problems.length > 0, 'the engine reports something for a negative timeout');
});

test('deploy validation without the language server still checks the files beside the AppSpec (cross-file rules)', async () => {
  const { lintForDeploy } = await import('../../../client/src/deploy/validate');
  const { ecsYaml, taskdef } = await import('../engine/coverage/casesCrossFile');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-deploy-crossfile-'));
  try {
    fs.writeFileSync(path.join(dir, 'taskdef.json'), taskdef([['web', [80]]]));
    const params = { uri: url.pathToFileURL(path.join(dir, 'appspec.yaml')).toString(), text: ecsYaml('webapp', '80') };
    const { problems, source } = await lintForDeploy(params);
    assert.equal(source, 'engine');
    const e9001 = problems.find((p) => p.code === 'E9001');
    assert.equal(e9001?.severity, 'error', JSON.stringify(problems));
    assert.equal(e9001?.line, 7);
    const inline = await lintForDeploy({ text: params.text, fileName: 'appspec.yaml' });
    assert.ok(!inline.problems.some((p) => p.code === 'E9001'), 'text without a file has no files beside it');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
