import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint, lintText, overlaps } from '../../../engine/lint';
import { generalRules } from '../../../engine/rules/general';
import type { Rule } from '../../../engine/types';
import { describeInternalError, setInternalErrorHandler, type InternalError } from '../../../engine/internalErrors';
import { doc, THROWING_RULE } from './helpers';

const ctx = { fileName: 'appspec.yml' };
const EC2 = 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\n    destnation: /x\n';

const throwing = THROWING_RULE;
const onUnknownKey: Rule = {
  id: 'W9998',
  name: 'overlapping',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 't',
  doc: 'd',
  check(d) {
    const files = d.root!.items.find((p) => (p.key as { value: string }).value === 'files')!;
    const entry = (files.value as { items: { items: { key: { range: [number, number] } }[] }[] }).items[0];
    const key = entry.items[2].key;
    return [{ ruleId: 'W9998', message: 'rule says so', range: d.rangeOf(key as never) }];
  },
};

test('a rule that throws reports nothing, does not stop the others, and is reported as an internal error', () => {
  const reported: InternalError[] = [];
  const previous = setInternalErrorHandler((e) => reported.push(e));
  try {
    const out = lint(doc('version: "0.0"\nos: linux\n'), ctx, undefined, { rules: [...generalRules, throwing] });
    assert.ok(out.some((d) => d.ruleId === 'E1003'));
    assert.ok(!out.some((d) => d.ruleId === 'E9999'));
  } finally {
    setInternalErrorHandler(previous);
  }
  assert.equal(reported.length, 1);
  assert.equal(reported[0].what, 'rule E9999');
  assert.equal(reported[0].uri, 'file:///ws/appspec.yml');
  const text = describeInternalError(reported[0]);
  assert.match(text, /rule E9999 failed on file:\/\/\/ws\/appspec\.yml.*\(Error: boom\)/);
  assert.match(text, /\n\s+at /, 'the stack is included');
  assert.doesNotMatch(describeInternalError(reported[0], { stack: false }), /\n/);
});

test('a rule finding on the same node replaces the schema finding', () => {
  const withSchema = lint(doc(EC2), ctx, undefined, { rules: generalRules });
  assert.ok(withSchema.some((d) => d.ruleId === 'W1104'));
  const withRule = lint(doc(EC2), ctx, undefined, { rules: [...generalRules, onUnknownKey] });
  assert.ok(withRule.some((d) => d.ruleId === 'W9998'));
  assert.ok(!withRule.some((d) => d.ruleId === 'W1104'));
});

test('overlaps: same start, or containment', () => {
  const r = (a: number, b: number, c: number, d: number) => ({
    start: { line: a, character: b },
    end: { line: c, character: d },
  });
  assert.ok(overlaps(r(1, 0, 1, 5), r(1, 0, 1, 2)));
  assert.ok(overlaps(r(1, 0, 3, 0), r(2, 2, 2, 4)));
  assert.ok(!overlaps(r(1, 0, 1, 5), r(1, 6, 1, 8)));
});

test('findings are sorted by position and severities are final', () => {
  const out = lintText('version: "0.0"\r\nos: Linux\r\nfiles: {}\r\n');
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1].range.start;
    const b = out[i].range.start;
    assert.ok(a.line < b.line || (a.line === b.line && a.character <= b.character));
  }
  for (const d of out) assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity));
});

test('broken YAML: syntax errors plus the safe general rules only', () => {
  const out = lintText('version: "0.0"\nos: [linux\nfiles: {}\n');
  assert.ok(out.some((d) => d.ruleId === 'E0001'));
  assert.ok(
    out.every((d) => /^[EWI]0/.test(d.ruleId)),
    out.map((d) => d.ruleId).join(),
  );
});

test('a local syntax error (bad escape) still lets every rule run', () => {
  const out = lintText(
    'version: 0.0\nos: windows\nfiles:\n  - source: a\n    destination: "C:\\data"\n    destnation: x\n',
  );
  assert.ok(out.some((d) => d.ruleId === 'E0017' && d.severity === 'error'));
  assert.ok(out.some((d) => d.ruleId === 'W1104' || /^W2/.test(d.ruleId)));
});

test('workspaceChecks: false removes the file system from the rule context', () => {
  let seen: unknown = 'unset';
  const spy: Rule = {
    id: 'I9997',
    name: 'spy',
    severity: 'info',
    platforms: ['ec2'],
    reads: 'tree',
    title: 't',
    doc: 'd',
    check(_d, c) {
      seen = c.fs;
      return [];
    },
  };
  const fs = { stat: () => undefined, readHead: () => undefined, list: () => [] };
  lint(doc('version: 0.0\nos: linux\n'), { ...ctx, fs }, { workspaceChecks: false }, { rules: [spy] });
  assert.equal(seen, undefined);
  lint(doc('version: 0.0\nos: linux\n'), { ...ctx, fs }, {}, { rules: [spy] });
  // Rules get a per-run cache in front of the same file system (memoFs.ts).
  assert.equal(typeof (seen as typeof fs | undefined)?.stat, 'function');
});

test('lintText: file name from the uri, defaults otherwise', () => {
  assert.ok(
    lintText('{"version": 0.0, "Resources": [{"f": {"Type": "AWS::Lambda::Function"}}]}', {
      uri: 'file:///x/appspec.json',
    }).length >= 0,
  );
  assert.doesNotThrow(() => lintText('a: 1', { uri: 'file:///x/%E0%A4%A.yml' }));
});

test('turning a rule off does not bring back the schema finding it replaced', () => {
  const out = lint(doc(EC2), ctx, { rules: { W9998: 'off' } }, { rules: [...generalRules, onUnknownKey] });
  assert.ok(!out.some((d) => d.ruleId === 'W9998' || d.ruleId === 'W1104'));
});

test('lintText without a name treats JSON content as JSON (AppSpecContent)', () => {
  const json =
    '{"version": 0.0, "Resources": [{"f": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "a", "Alias": "b", "CurrentVersion": "1", "TargetVersion": "2"}}}], "Hooks": [{"BeforeAllowTraffic": "arn:aws:lambda:us-east-1:111122223333:function:CodeDeployHook_x"}]}';
  assert.deepEqual(
    lintText(json).filter((d) => d.severity === 'error' || d.severity === 'warning'),
    [],
  );
  const escaped = json.replace('"Name": "a"', '"Name": "a\\\\b"');
  assert.ok(!lintText(escaped).some((d) => d.ruleId === 'W0006'));
});
