/**
 * The files the cross-file rules read are as hostile as the AppSpec: hostile inputs, fuzzed AppSpec-like texts and
 * odd shapes written as `taskdef.json`, `buildspec.yml` and `template.yaml` never make a rule throw (an internal
 * error), and every finding, related location included, lies inside its file. Patterns built to make a glob matcher
 * backtrack are answered at once (a run that hung would time the test out).
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { lintText } from '../../../engine/lint';
import { createNodeFs } from '../../../engine/nodeFs';
import { setInternalErrorHandler } from '../../../engine/internalErrors';
import type { Diagnosis } from '../../../engine/types';
import { hostileInputs } from '../../helpers/hostileInputs';
import { makeCase } from '../../helpers/fuzzCases';
import { ecsYaml, lambdaYaml, NETWORK } from './coverage/casesCrossFile';

const root = mkdtempSync(path.join(tmpdir(), 'appspec-crossfile-hostile-'));
after(() => rmSync(root, { recursive: true, force: true }));
const fs = createNodeFs({ git: false });
const EC2 =
  'version: 0.0\nos: linux\nfiles:\n  - source: build\n    destination: /srv\nhooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n';
const APPSPECS = [
  { fileName: 'appspec.yaml', text: ecsYaml('web', '80', NETWORK) },
  { fileName: 'appspec.yml', text: EC2 },
  { fileName: 'appspec.yml', text: lambdaYaml('live') },
];

let n = 0;
function check(name: string, content: Uint8Array | string): void {
  const dir = path.join(root, String(n++));
  mkdirSync(dir);
  for (const f of ['taskdef.json', 'buildspec.yml', 'template.yaml']) writeFileSync(path.join(dir, f), content);
  const errors: string[] = [];
  const previous = setInternalErrorHandler((e) => errors.push(`${e.what}: ${String(e.error)}`));
  try {
    for (const a of APPSPECS) {
      const found: Diagnosis[] = lintText(a.text, { fileName: a.fileName, ctx: { bundleRoot: dir, fs } });
      const lines = a.text.split('\n').length;
      for (const d of found.filter((x) => /^[EWI]9/.test(x.ruleId))) {
        assert.ok(d.range.start.line < lines && d.range.end.line < lines, `${name}: ${d.ruleId} outside the AppSpec`);
        for (const r of d.related ?? []) assert.ok(r.range.start.line >= 0 && r.range.end.line >= r.range.start.line);
      }
    }
  } finally {
    setInternalErrorHandler(previous);
  }
  assert.deepEqual(errors, [], name);
}

test('hostile inputs as the files beside the AppSpec', () => {
  for (const h of hostileInputs()) check(h.name, h.bytes);
});

test('fuzzed texts as the files beside the AppSpec', () => {
  for (let i = 0; i < 150; i++) {
    const c = makeCase(913, i);
    check(`fuzz case ${i}`, c.bytes);
  }
});

test('odd shapes: lists where maps belong, placeholders, deep nesting, backtracking globs', () => {
  const odd = [
    '{"containerDefinitions": "${CONTAINERS}"}',
    '{"containerDefinitions": [null, 3, "x", {"name": ["a"], "portMappings": {"containerPort": 80}}]}',
    '{"containerDefinitions": [{"name": "web", "portMappings": [{"containerPort": "80-90"}, {"containerPortRange": "x"}, null]}], "networkMode": ["awsvpc"]}',
    '{"taskDefinition": {"containerDefinitions": [{"name": "web"}]}, "family": {"a": 1}}',
    `artifacts:\n  files: ${'['.repeat(200)}${']'.repeat(200)}\n`,
    `artifacts:\n  files:\n    - '${'**/'.repeat(60)}x'\n  base-directory: ${'a/'.repeat(40)}\n`,
    `artifacts:\n  files:\n    - '${'*a'.repeat(40)}c'\n    - '${'*a'.repeat(3)}*c'\nphases: {build: {commands: [${'x, '.repeat(100)}y]}}\n`,
    'artifacts:\n  secondary-artifacts: [1, 2]\n  files: ~\n',
    'artifacts:\n  files: [appspec.yml]\n  discard-paths: maybe\n',
    'Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionName: my-function\n      AutoPublishAlias: !Ref\n      DeploymentPreference: {Hooks: {PreTraffic: !GetAtt [], PostTraffic: {Ref: [1]}}}\n  A:\n    Type: AWS::Lambda::Alias\n    Properties: {FunctionName: !Ref F, Name: [live], FunctionVersion: !GetAtt V.Version}\n',
    `Resources: ${'{a: '.repeat(300)}1${'}'.repeat(300)}\n`,
  ];
  odd.forEach((text, i) => check(`odd shape ${i}`, text));
  // A long path against many `**`: the set simulation answers at once.
  const deep = path.join(root, 'deep', ...Array.from({ length: 6 }, (_, i) => `d${i}`));
  mkdirSync(deep, { recursive: true });
  writeFileSync(path.join(root, 'deep', 'buildspec.yml'), `artifacts:\n  files:\n    - '${'**/'.repeat(60)}nothing'\n`);
  const found = lintText(EC2, { fileName: 'appspec.yml', ctx: { bundleRoot: deep, fs } });
  assert.deepEqual(
    found.filter((d) => d.ruleId === 'W9101').map((d) => d.range.start.line),
    [0],
    'the AppSpec is not taken',
  );
});
