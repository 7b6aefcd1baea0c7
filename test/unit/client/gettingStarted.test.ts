/**
 * The Get Started walkthrough and the CodeDeploy view's welcome content: what package.json promises (media, buttons,
 * completion events, one welcome per view state) matches what the extension declares and sets, and the pure parts
 * that decide a step is done or which welcome shows.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadChildren, type ExplorerApi } from '../../../client/src/explorer/model';
import { explorerState, EXPLORER_STATE_KEY, type ExplorerState } from '../../../client/src/explorer/welcome';
import { WalkthroughProgress, WALKTHROUGH_KEYS } from '../../../client/src/walkthrough/progress';
import { AwsUserError } from '../../../client/src/aws/api';
import { REPO_ROOT } from '../cli/cliHarness';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; markdown?: string; image?: string; altText?: string };
  completionEvents?: string[];
}
const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const declared = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
const views = new Set<string>(
  Object.values(pkg.contributes.views as Record<string, { id: string }[]>).flatMap((v) => v.map((x) => x.id)),
);
/** Workbench commands the walkthrough and welcome content use (they exist in VS Code 1.100). */
const WORKBENCH = new Set([
  'workbench.action.quickOpen',
  'workbench.actions.view.problems',
  'workbench.action.tasks.runTask',
  'workbench.view.extension.codedeploy',
]);
/** Context keys the extension sets: the connection, the view state and the walkthrough's own. */
const CONTEXT_KEYS = new Set<string>(['codedeploy.connection', EXPLORER_STATE_KEY, ...Object.values(WALKTHROUGH_KEYS)]);

const commandLinks = (markdown: string): string[] =>
  [...markdown.matchAll(/\]\(command:([\w.-]+)(?:\?[^)]*)?\)/g)].map((m) => m[1]);
const contextKeysOf = (expression: string): string[] =>
  [...expression.matchAll(/([\w.-]+)\s*(?:==|!=|=~)/g)].map((m) => m[1]);

test('the walkthrough: five steps (open, fix, connect, deploy, watch), each with media on disk and real buttons', () => {
  const [walkthrough] = pkg.contributes.walkthroughs as { id: string; title: string; steps: Step[] }[];
  assert.equal(walkthrough.id, 'codedeploy.getStarted');
  assert.deepEqual(
    walkthrough.steps.map((s) => s.id),
    ['openAppSpec', 'fixProblem', 'connect', 'deploy', 'watch'],
  );
  for (const step of walkthrough.steps) {
    const media = step.media.svg ?? step.media.markdown ?? step.media.image;
    assert.ok(media, `${step.id} has media`);
    const file = path.join(REPO_ROOT, media);
    assert.ok(fs.existsSync(file), `${step.id}: ${media} exists`);
    if (step.media.svg) {
      const svg = fs.readFileSync(file, 'utf8');
      assert.match(svg, /^<svg [^>]*viewBox=/);
      assert.doesNotMatch(svg, /<script|https?:\/\/(?!www\.w3\.org)|href=/, `${media} has no script or remote content`);
      assert.ok(step.media.altText, `${step.id}'s svg has alt text`);
    }
    const links = commandLinks(step.description);
    assert.ok(links.length >= 1, `${step.id} has a button`);
    for (const c of links) assert.ok(declared.has(c) || WORKBENCH.has(c), `${step.id}: command ${c} exists`);
    assert.ok(step.completionEvents?.length, `${step.id} says when it is done`);
    for (const event of step.completionEvents ?? []) {
      const [kind, ...rest] = event.split(':');
      const arg = rest.join(':');
      if (kind === 'onCommand') assert.ok(declared.has(arg), `${step.id}: ${arg} is a declared command`);
      else if (kind === 'onView') assert.ok(views.has(arg), `${step.id}: ${arg} is a view`);
      else if (kind === 'onContext')
        for (const key of contextKeysOf(arg.includes('==') || arg.includes('!=') ? arg : `${arg} ==`))
          assert.ok(CONTEXT_KEYS.has(key), `${step.id}: context key ${key} is one the extension sets`);
      else assert.fail(`${step.id}: unexpected completion event ${event}`);
    }
  }
});

test('the media files are all used', () => {
  const used = new Set(
    (pkg.contributes.walkthroughs[0].steps as Step[]).map((s) => s.media.svg ?? s.media.markdown ?? s.media.image),
  );
  for (const f of fs.readdirSync(path.join(REPO_ROOT, 'media', 'walkthrough')))
    assert.ok(used.has(`media/walkthrough/${f}`), `media/walkthrough/${f} is used by a step`);
});

test('viewsWelcome: one entry for each state of the CodeDeploy view, with buttons that exist', () => {
  const welcome = pkg.contributes.viewsWelcome as { view: string; contents: string; when: string }[];
  const states: ExplorerState[] = ['empty', 'error', 'credentials'];
  assert.ok(
    welcome.some((w) => w.when === 'codedeploy.connection == none'),
    'no connection',
  );
  for (const state of states)
    assert.ok(
      welcome.some((w) => w.when.includes(`${EXPLORER_STATE_KEY} == ${state}`)),
      `a welcome for ${state}`,
    );
  for (const w of welcome) {
    assert.equal(w.view, 'codedeploy.explorer');
    for (const key of contextKeysOf(w.when)) assert.ok(CONTEXT_KEYS.has(key), `${key} is a context key we set`);
    for (const c of commandLinks(w.contents)) assert.ok(declared.has(c), `welcome button ${c} is declared`);
  }
  // Empty: one text for the local endpoint, one for AWS.
  for (const kind of ['local', 'aws'])
    assert.ok(welcome.some((w) => w.when === `codedeploy.connection == ${kind} && ${EXPLORER_STATE_KEY} == empty`));
});

test('the view state follows what the top level loaded: applications, none, a failure, expired credentials', async () => {
  const aws = { kind: 'aws' as const, profile: 'dev', region: 'eu-west-1' };
  const local = { kind: 'local' as const, region: 'us-east-1' };
  const top = (api: Partial<ExplorerApi>) => loadChildren(api as ExplorerApi, { kind: 'applications' }, { now: 0 });
  const apps = await top({
    listApplications: async () => ['web'],
    batchGetApplications: async () => [{ applicationName: 'web', computePlatform: 'Server' }],
  });
  assert.equal(explorerState(apps, aws), 'ready');
  assert.equal(explorerState(await top({ listApplications: async () => [] }), aws), 'empty');
  const failing = (e: Error) =>
    top({
      listApplications: async () => {
        throw e;
      },
    });
  assert.equal(explorerState(await failing(new Error('connect ECONNREFUSED 127.0.0.1:4566')), aws), 'error');
  const expired = new AwsUserError(
    'The SSO session associated with this profile has expired',
    'ExpiredTokenException',
    'sso-login',
  );
  assert.equal(explorerState(await failing(expired), aws), 'credentials');
  // The local endpoint has no credentials to renew: its failures are plain errors.
  assert.equal(explorerState(await failing(expired), local), 'error');
});

test('walkthrough progress: an AppSpec shown, a problem fixed in an open AppSpec, a monitor opened', () => {
  const set: string[] = [];
  const p = new WalkthroughProgress((k) => set.push(k));
  p.editorShown('/w/README.md');
  p.editorShown('/w/deploy/buildspec.yml');
  assert.deepEqual([...set], []);
  p.editorShown('/w/deploy/appspec.yml');
  p.editorShown('C:\\w\\appspec.json');
  assert.deepEqual([...set], [WALKTHROUGH_KEYS.appSpecOpened], 'set once');

  const uri = 'file:///w/deploy/appspec.yml';
  p.problemsChanged(uri, '/w/deploy/appspec.yml', 3, true);
  p.problemsChanged(uri, '/w/deploy/appspec.yml', 4, true);
  p.problemsChanged('file:///w/other.yml', '/w/other.yml', 0, true);
  assert.ok(!set.includes(WALKTHROUGH_KEYS.problemFixed), 'more problems, or another file, is not a fix');
  p.problemsChanged(uri, '/w/deploy/appspec.yml', 0, false);
  p.problemsChanged(uri, '/w/deploy/appspec.yml', 2, true);
  assert.ok(!set.includes(WALKTHROUGH_KEYS.problemFixed), 'closing the file cleared its problems: not a fix');
  p.problemsChanged(uri, '/w/deploy/appspec.yml', 1, true);
  assert.ok(set.includes(WALKTHROUGH_KEYS.problemFixed));

  p.webviewShown('mainThreadWebview-markdown.preview');
  assert.ok(!set.includes(WALKTHROUGH_KEYS.monitorOpened));
  p.webviewShown('mainThreadWebview-codedeploy.monitor');
  assert.deepEqual(p.reached().sort(), Object.values(WALKTHROUGH_KEYS).sort());
  assert.equal(set.length, 3, 'each key once');
});
