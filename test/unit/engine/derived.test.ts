import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { visit, type Node } from 'yaml';
import { memoFor, memoForRun, nodesOf, startRun } from '../../../engine/derived';
import { lint } from '../../../engine/lint';
import type { AppSpecDocument, Rule, RuleContext, WorkspaceFs } from '../../../engine/types';
import { doc } from './helpers';

test('a view is built once per document and shared; a new document gets its own', () => {
  const a = doc('version: 0.0\nos: linux\n');
  let builds = 0;
  const build = () => ({ n: ++builds });
  const first = memoFor(a, 'test.view', build);
  assert.equal(memoFor(a, 'test.view', build), first);
  assert.equal(builds, 1);
  assert.notEqual(memoFor(a, 'test.other', build), first, 'another key is another view');

  const b = doc('version: 0.0\nos: linux\n');
  const second = memoFor(b, 'test.view', build);
  assert.notEqual(second, first);
  assert.equal(builds, 3);
});

test('a view that fails to build is not kept', () => {
  const a = doc('version: 0.0\n');
  assert.throws(() =>
    memoFor(a, 'test.failing', () => {
      throw new Error('boom');
    }),
  );
  assert.equal(
    memoFor(a, 'test.failing', () => 'ok'),
    'ok',
  );
});

test('run views are shared within one run only; outside a run they are built every time', () => {
  const a = doc('version: 0.0\n');
  let builds = 0;
  const build = () => ++builds;
  const ctx: RuleContext = { fileName: 'appspec.yml' };
  assert.equal(memoForRun(a, ctx, 'test.run', build), 1);
  assert.equal(memoForRun(a, ctx, 'test.run', build), 2, 'no run started: nothing kept');

  startRun(ctx);
  assert.equal(memoForRun(a, ctx, 'test.run', build), 3);
  assert.equal(memoForRun(a, ctx, 'test.run', build), 3);
  assert.equal(memoForRun(doc('version: 0.0\n'), ctx, 'test.run', build), 4, 'another document');
  startRun(ctx);
  assert.equal(memoForRun(a, ctx, 'test.run', build), 5, 'a new run starts empty');
});

test('every lint is a new run: workspace answers are never carried over to the next lint', () => {
  const a = doc('version: 0.0\nos: linux\n');
  let exists = false;
  const fs: WorkspaceFs = {
    stat: () => (exists ? { isFile: true, isDirectory: false, size: 1 } : undefined),
    readHead: () => undefined,
    list: () => [],
  };
  const rule: Rule = {
    id: 'W9999',
    name: 'test-rule',
    severity: 'warning',
    platforms: ['ec2'],
    reads: 'tree',
    title: 'test',
    doc: 'test',
    check: (d, ctx) =>
      memoForRun(d, ctx, 'test.exists', () => ctx.fs?.stat('/w/x'))
        ? [{ ruleId: 'W9999', message: 'there', range: d.rangeOf([0, 0]) }]
        : [],
  };
  const ctx = { fileName: 'appspec.yml', bundleRoot: '/w', fs };
  assert.equal(lint(a, ctx, undefined, { rules: [rule] }).length, 0);
  exists = true;
  assert.equal(lint(a, ctx, undefined, { rules: [rule] }).length, 1);
});

/** What `yaml`'s own `visit` reports, for comparison. */
function visited(d: AppSpecDocument) {
  const maps: Node[] = [];
  const seqs: Node[] = [];
  const scalars: Node[] = [];
  const aliases: Node[] = [];
  visit(d.yaml!, {
    Map: (_k, n) => void maps.push(n),
    Seq: (_k, n) => void seqs.push(n),
    Scalar: (_k, n) => void scalars.push(n),
    Alias: (_k, n) => void aliases.push(n),
  });
  return { maps, seqs, scalars, aliases };
}

/** The same node objects in the same order, kind by kind. */
function assertSameNodes(d: AppSpecDocument, note = '') {
  const mine = nodesOf(d);
  const theirs = visited(d);
  for (const kind of ['maps', 'seqs', 'scalars', 'aliases'] as const) {
    assert.equal(mine[kind].length, theirs[kind].length, `${kind} ${note}`);
    mine[kind].forEach((n, i) => assert.equal(n, theirs[kind][i], `${kind}[${i}] ${note}`));
  }
}

test('nodesOf lists the nodes `visit` reaches, in the same order, and is shared per document', () => {
  const text = [
    'version: 0.0',
    'os: linux',
    'base: &b { owner: app, "mode": 644 }',
    'files:',
    '  - source: /a',
    '    destination: /opt/a',
    '  - [x: 1, y, *b]',
    '? [complex, key]',
    ': { nested: { deeper: [1, 2, { k: v }] } }',
    'merged:',
    '  <<: *b',
    '  empty:',
    '',
  ].join('\n');
  const d = doc(text);
  const nodes = nodesOf(d);
  assertSameNodes(d);
  assert.ok(nodes.scalars.length > 15 && nodes.maps.length > 5 && nodes.seqs.length >= 4 && nodes.aliases.length === 2);
  assert.equal(nodesOf(d), nodes);
});

test('nodesOf of a document that is not a mapping, or empty', () => {
  for (const text of ['', '# only a comment\n', 'just text\n', '- a\n- b\n', '{]\n']) {
    const d = doc(text);
    assertSameNodes(d, JSON.stringify(text));
  }
});
