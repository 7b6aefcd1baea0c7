/** The standalone endpoint: `node dist/local.js --port 0 --data DIR --time-scale 100`. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  BatchGetDeploymentTargetsCommand,
} from '@aws-sdk/client-codedeploy';
import { CREDENTIALS, lambdaSpec, tempDir } from './helpers';

const LOCAL_JS = path.resolve(__dirname, '../../../dist/local.js');

function start(
  dataDir: string,
  extra: string[] = [],
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; line: string }> {
  const child = spawn(process.execPath, [LOCAL_JS, '--port', '0', '--data', dataDir, '--time-scale', '100', ...extra], {
    stdio: 'pipe',
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL line; output so far: ${out}`)), 8_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[0], line: out.split('\n')[0] });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening: ${out}`));
    });
  });
}

function exited(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('dist/local.js', () => {
  it('prints the URL once it listens and stops cleanly on SIGTERM', async () => {
    const { child, url, line } = await start(tempDir());
    assert.match(line, /listening on http:\/\/127\.0\.0\.1:\d+/);
    const client = new CodeDeployClient({
      endpoint: url,
      region: 'us-east-1',
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    const r = await client.send(new GetDeploymentCommand({ deploymentId: 'd-AAAAAAAAA' })).catch((e: Error) => e);
    assert.equal((r as Error).name, 'DeploymentDoesNotExistException');
    client.destroy();
    const done = exited(child);
    child.kill('SIGTERM');
    assert.deepEqual(await done, { code: 0, signal: null });
  });

  it('exits 2 with a usage message on bad arguments', () => {
    for (const args of [
      [],
      ['--port', '0'],
      ['--port', 'abc', '--data', '/tmp/x'],
      ['--data', '/tmp/x', '--port', '0', '--time-scale', '-1'],
      ['--bogus'],
      ['--data', '/tmp/x', '--port', '0', '--hooks', 'sometimes'],
    ]) {
      const r = spawnSync(process.execPath, [LOCAL_JS, ...args], { encoding: 'utf8' });
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /usage: node dist\/local\.js --port/);
    }
  });

  it('--hooks manual: a Lambda hook waits for PutLifecycleEventHookExecutionStatus', async () => {
    const dataDir = tempDir();
    const run = await start(dataDir, ['--hooks', 'manual']);
    assert.match(run.line, /hooks: manual/);
    const client = new CodeDeployClient({
      endpoint: run.url,
      region: 'us-east-1',
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    try {
      const { deploymentId } = await client.send(
        new CreateDeploymentCommand({
          applicationName: 'orders-api-lambda',
          deploymentGroupName: 'orders-api-live',
          deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
          revision: {
            revisionType: 'AppSpecContent',
            appSpecContent: {
              content: lambdaSpec({ current: '7', target: '8', hooks: { BeforeAllowTraffic: 'check' } }),
            },
          },
        }),
      );
      // 600 ms at time scale 100 is a simulated minute: an automatic answer would have come after a few seconds.
      await pause(600);
      const t = await client.send(new BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: ['orders-api'] }));
      const ev = t.deploymentTargets?.[0]?.lambdaTarget?.lifecycleEvents?.find(
        (e) => e.lifecycleEventName === 'BeforeAllowTraffic',
      );
      assert.equal(ev?.status, 'InProgress');
    } finally {
      client.destroy();
      const done = exited(run.child);
      run.child.kill('SIGTERM');
      await done;
    }
  });

  it('survives SIGKILL mid-deployment: the restarted endpoint finishes the deployment', async () => {
    const dataDir = tempDir();
    let run = await start(dataDir);
    let client = new CodeDeployClient({
      endpoint: run.url,
      region: 'us-east-1',
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    const { deploymentId } = await client.send(
      new CreateDeploymentCommand({
        applicationName: 'orders-api-lambda',
        deploymentGroupName: 'orders-api-live',
        deploymentConfigName: 'orders-canary-25pct-2min', // 2 simulated minutes = 1.2 s at time scale 100
        revision: {
          revisionType: 'AppSpecContent',
          appSpecContent: { content: lambdaSpec({ current: '7', target: '8' }) },
        },
      }),
    );
    let weight: number | undefined;
    for (let i = 0; i < 100 && weight !== 25; i++) {
      await pause(20);
      const t = await client
        .send(new BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: ['orders-api'] }))
        .catch(() => undefined);
      weight = t?.deploymentTargets?.[0]?.lambdaTarget?.lambdaFunctionInfo?.targetVersionWeight;
    }
    assert.equal(weight, 25, 'reached the canary step');
    const killed = exited(run.child);
    run.child.kill('SIGKILL');
    await killed;
    client.destroy();

    run = await start(dataDir);
    client = new CodeDeployClient({ endpoint: run.url, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
    try {
      let status: string | undefined;
      for (let i = 0; i < 200 && status !== 'Succeeded' && status !== 'Failed'; i++) {
        status = (await client.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo?.status;
        if (status !== 'Succeeded') await pause(25);
      }
      assert.equal(status, 'Succeeded');
    } finally {
      client.destroy();
      const done = exited(run.child);
      run.child.kill('SIGINT');
      await done;
    }
  });
});
