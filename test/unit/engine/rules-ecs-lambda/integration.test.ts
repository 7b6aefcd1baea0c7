import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ecsRules } from '../../../../engine/rules/ecs';
import { lambdaRules } from '../../../../engine/rules/lambda';
import { ecsLambdaRules } from '../../../../engine/rules/ecs-lambda';
import { applyFix, fixture, lintAll, parse } from './helpers';
import { corpusRows, corpusSkip, corpusText, requireCorpus } from '../../../helpers/corpus';

const severityLetter = { error: 'E', warning: 'W', info: 'I', hint: 'I' } as const;

test('rule metadata: ID letter matches severity, areas match platforms, docs are one paragraph', () => {
  const ids = new Set<string>();
  for (const rule of [...ecsRules, ...ecsLambdaRules, ...lambdaRules]) {
    assert.ok(!ids.has(rule.id), `duplicate ${rule.id}`);
    ids.add(rule.id);
    assert.equal(rule.id[0], severityLetter[rule.severity], rule.id);
    assert.match(rule.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, rule.id);
    const area = rule.id[1];
    const expected =
      area === '6'
        ? ['ecs']
        : area === '7'
          ? ['lambda']
          : ['E8010', 'E8013'].includes(rule.id)
            ? ['unknown']
            : ['ecs', 'lambda'];
    assert.ok(['6', '7', '8'].includes(area), rule.id);
    assert.deepEqual([...rule.platforms], expected, rule.id);
    assert.ok(rule.title.length > 10 && !rule.title.includes('\n'), rule.id);
    assert.ok(rule.doc.length > 150 && !rule.doc.includes('\n\n'), rule.id);
  }
  for (const rule of lambdaRules) assert.equal(rule.id[1], '7');
  assert.deepEqual(
    ecsRules.map((r) => r.id),
    [...ecsRules.map((r) => r.id)].sort((a, b) => a.slice(1).localeCompare(b.slice(1))),
  );
});

test('valid fixtures: the whole engine reports no error or warning', () => {
  for (const [file, name] of [
    ['ecs/valid-full.yml', 'appspec.yml'],
    ['ecs/valid-full.json', 'appspec.json'],
    ['ecs/template-pipeline.yml', 'appspec.yaml'],
    ['lambda/valid.yml', 'appspec.yml'],
    ['lambda/valid.json', 'appspec.json'],
  ]) {
    const bad = lintAll(fixture(file), name).filter((d) => d.severity === 'error' || d.severity === 'warning');
    assert.deepEqual(
      bad.map((d) => `${d.ruleId} ${d.message}`),
      [],
      file,
    );
  }
});

test('invalid fixtures: each mistake is reported by its rule', () => {
  const ecsIds = new Set(lintAll(fixture('ecs/invalid-many.yml')).map((d) => d.ruleId));
  for (const id of ['W6002', 'W6005', 'W6020', 'E6008', 'E6009', 'E6010', 'E6014', 'E8001'])
    assert.ok(ecsIds.has(id), `${id} in ${[...ecsIds].join(',')}`);
  const lambdaIds = new Set(lintAll(fixture('lambda/invalid-many.yml')).map((d) => d.ruleId));
  for (const id of ['E7005', 'E7008', 'E7009', 'E7010', 'E8001'])
    assert.ok(lambdaIds.has(id), `${id} in ${[...lambdaIds].join(',')}`);
});

/** Snippets with fixable mistakes; every fix must parse and reduce its rule's findings. */
const FIXABLE: [string, string][] = [
  [fixture('ecs/invalid-many.yml'), 'appspec.yml'],
  [fixture('lambda/invalid-many.yml'), 'appspec.yml'],
  [
    `resources:
  - TargetServce:
      type: AWS::ECS::service
      properties:
        taskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: web
        PlatformVersion: latest
        CapacityProviderStrategy:
          - Base: 1
            Weigth: 1
os: linux
hooks:
  BeforeInstall: CodeDeployHook_a
  afterInstall: CodeDeployHook_b
`,
    'appspec.yml',
  ],
  [
    `{
  "version": 0.0,
  "resources": [{ "fn": { "Type": "AWS::Lambda::Function", "Properties": { "name": "fn", "CurrentVersion": 3, "TargetVersion": 4.0 } } }],
  "Hooks": [{ "BeforeAllowTraffic": ["CodeDeployHook_a"], "afterAllowTraffic": "CodeDeployHook_b" }]
}`,
    'appspec.json',
  ],
];

test('every quick fix applies cleanly and removes (or reduces) its finding', () => {
  let applied = 0;
  for (const [text, name] of FIXABLE) {
    const before = lintAll(text, name).filter((d) => /^[EWI][678]/.test(d.ruleId));
    for (const d of before) {
      for (const fix of d.fixes ?? []) {
        const fixed = applyFix(text, fix, name);
        const doc = parse(fixed, name);
        assert.deepEqual(
          doc.syntaxErrors.filter((e) => e.severity === 'error').map((e) => e.message),
          [],
          `${d.ruleId} "${fix.title}" broke the file:\n${fixed}`,
        );
        const after = lintAll(fixed, name).filter((x) => x.ruleId === d.ruleId);
        const sameSpot = after.filter(
          (x) =>
            x.range.start.line === d.range.start.line &&
            x.range.start.character === d.range.start.character &&
            x.message === d.message,
        );
        assert.deepEqual(
          sameSpot.map((x) => x.message),
          [],
          `${d.ruleId} "${fix.title}" did not remove the finding`,
        );
        assert.ok(
          after.length < before.filter((x) => x.ruleId === d.ruleId).length,
          `${d.ruleId} "${fix.title}" did not reduce findings`,
        );
        applied++;
      }
    }
  }
  assert.ok(applied >= 15, `only ${applied} fixes exercised`);
});

const rows = corpusRows();

test(
  'corpus: no errors on valid/template ECS and Lambda files; every invalid one is flagged',
  { skip: corpusSkip(rows) },
  () => {
    let checked = 0;
    for (const r of requireCorpus(rows)) {
      if (r.platform !== 'ecs' && r.platform !== 'lambda') continue;
      const found = lintAll(corpusText(r), path.basename(r.path));
      if (r.verdict === 'valid' || r.verdict === 'template') {
        assert.deepEqual(
          found.filter((d) => d.severity === 'error').map((d) => `${d.ruleId} ${d.message}`),
          [],
          r.file,
        );
      } else if (r.verdict === 'invalid') {
        assert.ok(
          found.some((d) => (d.severity === 'error' || d.severity === 'warning') && /^[EWI][678]/.test(d.ruleId)),
          `${r.file} not flagged by an ECS/Lambda rule`,
        );
      }
      checked++;
    }
    assert.ok(checked >= 30, `only ${checked} files`);
  },
);
