/**
 * The GitHub Action (action.yml + integrations/github-action.js), tested offline the way it runs: its step is run by
 * bash with the inputs as the environment variables action.yml maps them to (defaults from action.yml, as the runner
 * applies them), and it fetches the appspec-lint package with the real npm client from a one-package registry on
 * 127.0.0.1 that serves the tarball `npm pack` just made.
 */
import { test, describe, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '../../helpers/cliPackage';
import {
  baseEnv,
  fresh,
  repository,
  setUpCi,
  show,
  spawnAsync,
  tarballRequests,
  tearDownCi,
  type Ci,
  type Ran,
} from '../../helpers/ciHarness';
import { ERROR_EC2, WARNING_EC2, cleanBundle } from './cliHarness';

let ci: Ci;
before(async () => {
  ci = await setUpCi();
});
after(tearDownCi);

describe('GitHub Action', () => {
  interface ActionInput {
    description: string;
    required?: boolean;
    default?: string;
  }
  const action = parseYaml(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    name: string;
    description: string;
    branding?: { icon: string; color: string };
    inputs: Record<string, ActionInput>;
    outputs: Record<string, { description: string; value: string }>;
    runs: { using: string; steps: { id?: string; shell: string; run: string; env: Record<string, string> }[] };
  };
  /** One runner: RUNNER_TEMP is shared between runs, like the steps of one job. */
  const runnerTemp = (): string => {
    const dir = path.join(ci.work, 'runner-temp');
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  };

  interface ActionRun extends Ran {
    outputs: Record<string, string>;
    summary: string;
  }

  /** GITHUB_OUTPUT in the delimited form (name<<DELIM … DELIM) or name=value lines. */
  function readOutputs(file: string): Record<string, string> {
    const out: Record<string, string> = {};
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
      if (heredoc) {
        const end = lines.indexOf(heredoc[2], i + 1);
        assert.ok(end > i, `output ${heredoc[1]} has its closing delimiter`);
        out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
        i = end;
      } else if (lines[i].includes('=')) out[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].split('=', 2)[1];
    }
    return out;
  }

  /**
   * Runs the action's step as the runner does: inputs (given ones, else action.yml defaults) into the step's `env`
   * expressions, GITHUB_* files, then `bash --noprofile --norc -eo pipefail` with the step's `run`.
   * With `direct`, runs the script with the inputs named as the runner names them for JavaScript actions instead.
   */
  async function runAction(
    workspace: string,
    inputs: Record<string, string>,
    o: { direct?: boolean; env?: Record<string, string> } = {},
  ): Promise<ActionRun> {
    for (const name of Object.keys(inputs)) assert.ok(action.inputs[name], `action.yml declares input ${name}`);
    const value = (name: string) => inputs[name] ?? action.inputs[name]?.default ?? '';
    const files = fresh('github');
    const env: NodeJS.ProcessEnv = {
      ...baseEnv(o.env),
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runnerTemp(),
      GITHUB_OUTPUT: path.join(files, 'output'),
      GITHUB_STEP_SUMMARY: path.join(files, 'summary'),
      GITHUB_ACTION_PATH: REPO_ROOT,
    };
    fs.writeFileSync(env.GITHUB_OUTPUT as string, '');
    fs.writeFileSync(env.GITHUB_STEP_SUMMARY as string, '');
    let r: Ran;
    if (o.direct) {
      for (const name of Object.keys(action.inputs))
        env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value(name);
      r = await spawnAsync(
        process.execPath,
        [path.join(REPO_ROOT, 'integrations', 'github-action.js')],
        workspace,
        env,
      );
    } else {
      const [step] = action.runs.steps;
      for (const [key, expression] of Object.entries(step.env)) {
        const m = /^\$\{\{\s*inputs\.([\w-]+)\s*\}\}$/.exec(expression);
        assert.ok(m, `env ${key} is one input expression`);
        env[key] = value(m[1]);
      }
      r = await spawnAsync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], workspace, env);
    }
    return {
      ...r,
      outputs: readOutputs(env.GITHUB_OUTPUT as string),
      summary: fs.readFileSync(env.GITHUB_STEP_SUMMARY as string, 'utf8'),
    };
  }

  test('action.yml: a composite action whose one step gets every input as an environment variable', () => {
    assert.equal(action.name, 'appspec-lint');
    assert.ok(action.description.length > 20 && action.description.length <= 125, 'a Marketplace-sized description');
    assert.ok(
      action.branding &&
        ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'].includes(
          action.branding.color,
        ),
    );
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), [
      'annotations',
      'config',
      'fail-on',
      'format',
      'output',
      'paths',
      'version',
    ]);
    for (const [name, i] of Object.entries(action.inputs)) {
      assert.ok(i.description, `input ${name} is described`);
      assert.equal(typeof (i.default ?? ''), 'string', `input ${name}'s default is a string`);
    }
    const [step] = action.runs.steps;
    assert.equal(action.runs.steps.length, 1);
    assert.equal(step.shell, 'bash', 'composite run steps must name their shell');
    assert.doesNotMatch(step.run, /\$\{\{/, 'no expression is pasted into the shell command');
    const mapped = Object.entries(step.env).map(([k, v]) => [k, /inputs\.([\w-]+)/.exec(v)?.[1]]);
    assert.deepEqual(
      mapped.map(([, name]) => name).sort(),
      Object.keys(action.inputs).sort(),
      'each input is passed once',
    );
    for (const [key, name] of mapped) assert.equal(key, `INPUT_${name!.toUpperCase().replace(/-/g, '_')}`);
    for (const [name, o] of Object.entries(action.outputs)) {
      assert.ok(o.description, `output ${name} is described`);
      assert.equal(o.value, `\${{ steps.${step.id}.outputs.${name} }}`);
    }
  });

  test('defaults on a repository with problems: SARIF file, annotations, summary, outputs, failed step', async () => {
    const before = tarballRequests();
    const ws = repository({ 'deploy/broken': ERROR_EC2, 'deploy/clean': cleanBundle()['appspec.yml'] });
    const r = await runAction(ws, {});
    assert.equal(r.status, 1, show(r));
    const sarifFile = path.join(ws, 'appspec-lint.sarif');
    assert.equal(r.outputs['sarif-file'], sarifFile);
    assert.equal(r.outputs['report-file'], sarifFile);
    assert.deepEqual([r.outputs.errors, r.outputs.warnings, r.outputs.infos], ['1', '0', '0']);
    const log = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].tool.driver.name, 'appspec-lint');
    assert.deepEqual(
      log.runs[0].results.map(
        (x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          `${x.ruleId} ${x.locations[0].physicalLocation.artifactLocation.uri}`,
      ),
      ['E2001 deploy/broken/appspec.yml'],
    );
    assert.match(
      r.stdout,
      /^::error file=deploy\/broken\/appspec\.yml,line=2,col=5,endLine=2,endColumn=\d+,title=appspec-lint E2001::`os` must be/m,
    );
    assert.match(r.stdout, /^::error::appspec-lint: 1 finding\(s\) at or above fail-on level "error"$/m);
    assert.match(r.summary, /\| deploy\/broken\/appspec\.yml \| 2 \| error \| E2001 \|/);
    assert.ok(tarballRequests() - before <= 1, 'at most one download');
  });

  test('the CLI is installed once per runner: later runs reuse it', async () => {
    const ws = repository({ app: cleanBundle()['appspec.yml'] });
    const first = await runAction(ws, {});
    assert.equal(first.status, 0, show(first));
    const requests = ci.registry.requests.length;
    const second = await runAction(ws, {});
    assert.equal(second.status, 0, show(second));
    assert.equal(ci.registry.requests.length, requests, 'no registry request on the second run');
    assert.doesNotMatch(second.stdout, /Installing appspec-lint/);
    assert.match(second.summary, /No problems/);
  });

  test('fail-on decides which findings fail the step; the report is written either way', async () => {
    const warned = repository({ app: WARNING_EC2 });
    const onError = await runAction(warned, {});
    assert.equal(onError.status, 0, show(onError));
    assert.equal(onError.outputs.warnings, '1');
    assert.match(onError.stdout, /^::warning file=app\/appspec\.yml,line=\d+,.*title=appspec-lint W2004::/m);
    const onWarning = await runAction(warned, { 'fail-on': 'warning' });
    assert.equal(onWarning.status, 1, show(onWarning));
    assert.match(onWarning.stdout, /at or above fail-on level "warning"/);
    const broken = repository({ app: ERROR_EC2 });
    const never = await runAction(broken, { 'fail-on': 'never' });
    assert.equal(never.status, 0, show(never));
    assert.equal(never.outputs.errors, '1');
    assert.ok(fs.existsSync(path.join(broken, 'appspec-lint.sarif')));
  });

  test('format json to a chosen file, with a configuration file and several paths', async () => {
    const ws = repository(
      { a: WARNING_EC2, b: ERROR_EC2, c: ERROR_EC2 },
      { 'ci/appspec-lint.json': JSON.stringify({ rules: { W2004: 'off' } }) },
    );
    const r = await runAction(ws, {
      paths: 'a\nb',
      format: 'json',
      output: 'reports/appspec.json',
      config: 'ci/appspec-lint.json',
      'fail-on': 'never',
    });
    assert.equal(r.status, 0, show(r));
    const report = JSON.parse(fs.readFileSync(path.join(ws, 'reports', 'appspec.json'), 'utf8')) as {
      file: string;
      ruleId: string;
    }[];
    assert.deepEqual(
      report.map((p) => `${p.file} ${p.ruleId}`),
      ['b/appspec.yml E2001'],
      'c is not checked and W2004 is off',
    );
    assert.equal(r.outputs['sarif-file'], '');
    assert.equal(r.outputs['report-file'], path.join(ws, 'reports', 'appspec.json'));
  });

  test('format text writes the CLI text lines; annotations can be turned off', async () => {
    const ws = repository({ app: ERROR_EC2 });
    const r = await runAction(ws, { format: 'text', annotations: 'false' });
    assert.equal(r.status, 1, show(r));
    const text = fs.readFileSync(path.join(ws, 'appspec-lint.txt'), 'utf8');
    assert.match(text, /^app\/appspec\.yml:2:5 error E2001 /m);
    assert.doesNotMatch(text, /\x1b\[/, 'no colour codes in the file');
    assert.doesNotMatch(r.stdout, /^::error file=/m);
  });

  test('inputs named as the runner names them for JavaScript actions (INPUT_FAIL-ON) work too', async () => {
    const ws = repository({ app: ERROR_EC2 });
    const r = await runAction(ws, { 'fail-on': 'never' }, { direct: true });
    assert.equal(r.status, 0, show(r));
    assert.equal(r.outputs.errors, '1');
  });

  test('annotations read from the SARIF report equal those from JSON; properties are escaped', async () => {
    const ws = repository({ 'x,y:z': ERROR_EC2, 'my app': WARNING_EC2 + 'extra: 1\n' });
    const annotations = (r: Ran) => r.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l));
    const sarif = await runAction(ws, { 'fail-on': 'never' });
    const json = await runAction(ws, { 'fail-on': 'never', format: 'json' });
    assert.equal(sarif.status, 0, show(sarif));
    assert.equal(json.status, 0, show(json));
    assert.equal(annotations(sarif).length, 3, show(sarif));
    assert.deepEqual(annotations(sarif), annotations(json));
    assert.ok(annotations(sarif).some((l) => l.startsWith('::error file=x%2Cy%3Az/appspec.yml,line=2,col=5,')));
    assert.ok(annotations(sarif).some((l) => l.startsWith('::warning file=my app/appspec.yml,')));
  });

  test('text from the checked files never acts as a workflow command or a link in the summary', async () => {
    const hostile = 'version: 0.0\nos: "x\\n::error::INJECTED [a](http://example.invalid/p.png)"\n';
    const ws = repository({ app: hostile, 'odd\n::warning::FOLDER': ERROR_EC2 });
    const r = await runAction(ws, { 'fail-on': 'never' });
    assert.equal(r.status, 0, show(r));
    // What the runner acts on: lines starting with :: while commands are on (::stop-commands::TOKEN … ::TOKEN::).
    const acted: string[] = [];
    let stopToken: string | undefined;
    for (const line of r.stdout.split(/\r?\n/)) {
      if (stopToken) {
        if (line === `::${stopToken}::`) stopToken = undefined;
        continue;
      }
      const stop = /^::stop-commands::(.+)$/.exec(line);
      if (stop) stopToken = stop[1];
      else if (line.startsWith('::')) acted.push(line);
    }
    assert.equal(stopToken, undefined, 'commands are on again at the end');
    assert.ok(r.stdout.includes('\n::error::INJECTED'), 'the hostile line is in the log (as text)');
    for (const line of acted) assert.match(line, /^::(error|warning|notice|group|endgroup)[ :]/, line);
    assert.ok(!acted.some((l) => /^::(error|warning)::(INJECTED|FOLDER)/.test(l)), acted.join('\n'));
    assert.ok(acted.some((l) => l.startsWith('::error file=app/appspec.yml,') && l.includes('%0A::error::INJECTED')));
    assert.ok(
      acted.some((l) => l.startsWith('::error file=odd%0A%3A%3Awarning%3A%3AFOLDER/appspec.yml,')),
      acted.join('\n'),
    );
    assert.doesNotMatch(r.summary, /(?<!\\)\]\(http/, 'no link or image from a finding in the summary');
    assert.match(r.summary, /\\\[a\\\]/);
  });

  test('bad inputs and missing paths fail the step with one clear error, before or without a download', async () => {
    const ws = repository({ app: cleanBundle()['appspec.yml'] });
    const requests = ci.registry.requests.length;
    const badLevel = await runAction(ws, { 'fail-on': 'sometimes' });
    assert.equal(badLevel.status, 1, show(badLevel));
    assert.match(
      badLevel.stdout,
      /^::error::appspec-lint: input fail-on is "sometimes"; use one of error, warning, info, never$/m,
    );
    const badFormat = await runAction(ws, { format: 'xml' });
    assert.equal(badFormat.status, 1, show(badFormat));
    const badVersion = await runAction(ws, { version: '1.0; rm -rf /' });
    assert.equal(badVersion.status, 1, show(badVersion));
    assert.match(badVersion.stdout, /input version: "1\.0; rm -rf \/" is not a version/);
    assert.equal(ci.registry.requests.length, requests, 'nothing fetched for rejected inputs');
    const missing = await runAction(ws, { paths: 'app no/such/folder' });
    assert.equal(missing.status, 2, show(missing));
    assert.match(missing.stdout, /^::error::appspec-lint: no\/such\/folder/m);
  });

  test("a version npm cannot find fails with npm's reason", async () => {
    const ws = repository({ app: cleanBundle()['appspec.yml'] });
    const r = await runAction(ws, { version: '9.9.9' });
    assert.equal(r.status, 1, show(r));
    assert.match(r.stdout, /^::error::appspec-lint: npm could not install appspec-lint@9\.9\.9/m);
  });
});
