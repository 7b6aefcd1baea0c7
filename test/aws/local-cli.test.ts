/**
 * The standalone endpoint: `node dist/local.js --port 0 --data DIR …`. Deployments run on its manual
 * clock (`--manual-clock`, moved by `advance <ms>` lines on stdin), so nothing races real time.
 */
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
import { startJudge, type Judge } from '../model/judge';
import { credentialsFor, lambdaSpec, tempDir } from './helpers';

const LOCAL_JS = path.resolve(__dirname, '../../../dist/local.js');

/** Starts dist/local.js with the service-model validator in front of it (clients use `url`). */
async function start(
  dataDir: string,
  extra: string[] = [],
): Promise<{
  child: ChildProcessWithoutNullStreams;
  url: string;
  line: string;
  judge: Judge;
  credentials: ReturnType<typeof credentialsFor>;
}> {
  const run = await spawnEndpoint(dataDir, extra);
  const judge = await startJudge(run.url);
  return { ...run, url: judge.url, judge };
}

async function endJudge(judge: Judge): Promise<void> {
  await judge.close();
  judge.assertClean();
}

function spawnEndpoint(
  dataDir: string,
  extra: string[],
): Promise<{
  child: ChildProcessWithoutNullStreams;
  url: string;
  line: string;
  credentials: ReturnType<typeof credentialsFor>;
}> {
  const child = spawn(process.execPath, [LOCAL_JS, '--port', '0', '--data', dataDir, ...extra], {
    stdio: 'pipe',
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL line; output so far: ${out}`)), 8_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      // The key is printed before the URL line (contract C1).
      const key = /^AWS_ACCESS_KEY_ID=(\S+)$/m.exec(out)?.[1];
      if (m && key) {
        clearTimeout(timer);
        const line = out.split('\n').find((l) => l.includes('listening on')) ?? '';
        resolve({ child, url: m[0], line, credentials: credentialsFor({ accessKeyId: key }) });
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

/** Moves the endpoint's manual clock on by `ms` and resolves with its new time once it has moved. */
function advance(child: ChildProcessWithoutNullStreams, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString('utf8');
      const m = /^clock (.+)$/m.exec(out);
      if (!m) return;
      child.stdout.off('data', onData);
      if (/^\d+$/.test(m[1])) resolve(Number(m[1]));
      else reject(new Error(`the clock refused: ${m[1]}`));
    };
    child.stdout.on('data', onData);
    child.stdin.write(`advance ${ms}\n`);
  });
}

describe('dist/local.js', () => {
  it('prints the URL once it listens and stops cleanly on SIGTERM', async () => {
    const { child, url, line, judge, credentials } = await start(tempDir());
    assert.match(line, /listening on http:\/\/127\.0\.0\.1:\d+/);
    const client = new CodeDeployClient({
      endpoint: url,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    });
    const r = await client.send(new GetDeploymentCommand({ deploymentId: 'd-AAAAAAAAA' })).catch((e: Error) => e);
    assert.equal((r as Error).name, 'DeploymentDoesNotExistException');
    client.destroy();
    const done = exited(child);
    child.kill('SIGTERM');
    assert.deepEqual(await done, { code: 0, signal: null });
    await endJudge(judge);
  });

  it('exits 2 with a usage message on bad arguments', () => {
    for (const args of [
      [],
      ['--data', '/tmp/x'],
      ['--port', 'abc', '--data', '/tmp/x'],
      ['--port', '0', '--data', '/tmp/x', '--access-key-id', 'a b'],
      ['--data', '/tmp/x', '--port', '0', '--time-scale', '-1'],
      ['--bogus'],
      ['--data', '/tmp/x', '--port', '0', '--hooks', 'sometimes'],
      ['--data', '/tmp/x', '--port', '0', '--fleet', 'many'],
      ['--data', '/tmp/x', '--port', '0', '--apps', '1001'],
      ['--data', '/tmp/x', '--port', '0', '--history', '-5'],
      ['--data', '/tmp/x', '--port', '0', '--throttle', 'GetDeployment=0'],
      ['--data', '/tmp/x', '--port', '0', '--throttle', 'sometimes'],
    ]) {
      const r = spawnSync(process.execPath, [LOCAL_JS, ...args], { encoding: 'utf8' });
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /usage: node dist\/local\.js --port/);
    }
  });

  it('--hooks manual: a Lambda hook waits for PutLifecycleEventHookExecutionStatus', async () => {
    const dataDir = tempDir();
    const run = await start(dataDir, ['--hooks', 'manual', '--manual-clock', '--time-scale', '1']);
    assert.match(run.line, /hooks: manual/);
    const client = new CodeDeployClient({
      endpoint: run.url,
      region: 'us-east-1',
      credentials: run.credentials,
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
      // A simulated minute: an automatic answer would have come after a few seconds.
      await advance(run.child, 60_000);
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
      await endJudge(run.judge);
    }
  });

  it('survives SIGKILL mid-deployment: the restarted endpoint finishes the deployment', async () => {
    const dataDir = tempDir();
    const MANUAL = ['--manual-clock', '--time-scale', '1'];
    let run = await start(dataDir, MANUAL);
    let client = new CodeDeployClient({
      endpoint: run.url,
      region: 'us-east-1',
      credentials: run.credentials,
      maxAttempts: 1,
    });
    const { deploymentId } = await client.send(
      new CreateDeploymentCommand({
        applicationName: 'orders-api-lambda',
        deploymentGroupName: 'orders-api-live',
        deploymentConfigName: 'orders-canary-25pct-2min', // 25% now, the rest 2 simulated minutes later
        revision: {
          revisionType: 'AppSpecContent',
          appSpecContent: { content: lambdaSpec({ current: '7', target: '8' }) },
        },
      }),
    );
    const weight = async () =>
      (await client.send(new BatchGetDeploymentTargetsCommand({ deploymentId, targetIds: ['orders-api'] })))
        .deploymentTargets?.[0]?.lambdaTarget?.lambdaFunctionInfo?.targetVersionWeight;
    const status = async () => (await client.send(new GetDeploymentCommand({ deploymentId }))).deploymentInfo?.status;
    const killed = exited(run.child);
    try {
      assert.equal(await status(), 'Created', 'the clock stands still: the deployment has not started');
      await advance(run.child, 60_000); // the hooks ran and the canary step began; its 2 minutes have not passed
      assert.equal(await weight(), 25, 'at the canary step');
      assert.equal(await status(), 'InProgress');
    } finally {
      run.child.kill('SIGKILL');
      await killed;
      client.destroy();
      await endJudge(run.judge);
    }

    run = await start(dataDir, MANUAL);
    client = new CodeDeployClient({
      endpoint: run.url,
      region: 'us-east-1',
      credentials: run.credentials,
      maxAttempts: 1,
    });
    try {
      assert.equal(await weight(), 25, 'the restarted endpoint resumes at the canary step');
      await advance(run.child, 10 * 60_000);
      assert.equal(await status(), 'Succeeded');
      assert.equal(await weight(), 100);
    } finally {
      client.destroy();
      const done = exited(run.child);
      run.child.kill('SIGINT');
      await done;
      await endJudge(run.judge);
    }
  });

  it('--manual-clock answers each step with the new time and refuses a malformed one', async () => {
    const run = await start(tempDir(), ['--manual-clock', '--no-seed']);
    try {
      const t0 = await advance(run.child, 0);
      assert.equal(await advance(run.child, 1500), t0 + 1500);
      await assert.rejects(advance(run.child, -5), /expected "advance <milliseconds>"/);
    } finally {
      const done = exited(run.child);
      run.child.kill('SIGTERM');
      await done;
      await endJudge(run.judge);
    }
  });
});
