import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseSuppressions, suppressionEdit } from '../../../engine/suppressions';
import { lintText } from '../../../engine/lint';
import { doc } from './helpers';

const has = (text: string, id: string) => lintText(text).some((d) => d.ruleId === id);
// `version: "0.0"` on EC2 is E1003 on line 0.
const QUOTED = 'version: "0.0"';

test('a trailing comment silences the rule on its line only', () => {
  assert.ok(has(`${QUOTED}\nos: linux\n`, 'E1003'));
  assert.ok(!has(`${QUOTED} # appspec-lint disable=E1003\nos: linux\n`, 'E1003'));
  assert.ok(has(`${QUOTED} # appspec-lint disable=W0004\nos: linux\n`, 'E1003'));
});

test('a comment on its own line silences the next non-comment line', () => {
  assert.ok(!has(`# appspec-lint disable=E1003\n\n# other comment\n${QUOTED}\nos: linux\n`, 'E1003'));
  assert.ok(has(`# appspec-lint disable=E1003\nos: linux\n${QUOTED}\n`, 'E1003'));
});

test('disable-file anywhere, several IDs, and all', () => {
  assert.ok(!has(`os: linux\n${QUOTED}\n# appspec-lint disable-file=W0004, e1003\n`, 'E1003'));
  assert.ok(!has(`os: linux\n${QUOTED}\n# appspec-lint disable-file=all\n`, 'E1003'));
  assert.ok(!has(`${QUOTED} # appspec-lint disable=all\nos: linux\n`, 'E1003'));
});

test('text inside quotes is not a directive', () => {
  const s = parseSuppressions(doc('a: "# appspec-lint disable=E1003"\n'));
  assert.equal(s.lines.size, 0);
  assert.equal(s.file.size, 0);
});

test('JSON files have no comment suppressions', () => {
  assert.equal(suppressionEdit(doc('{"a": 1}', 'appspec.json'), 'E1003', 0), undefined);
});

function apply(text: string, edit: { range: { start: { line: number; character: number } }; newText: string }): string {
  const d = doc(text);
  const at = d.lines.offsetAt(edit.range.start);
  return text.slice(0, at) + edit.newText + text.slice(at);
}

test('suppressionEdit adds an indented comment above, or extends one already there', () => {
  const text = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a b.sh\n';
  const once = apply(text, suppressionEdit(doc(text), 'W4010', 4)!);
  assert.equal(once.split('\n')[4], '    # appspec-lint disable=W4010');
  const twice = apply(once, suppressionEdit(doc(once), 'W4011', 5)!);
  assert.equal(twice.split('\n')[4], '    # appspec-lint disable=W4010,W4011');
  const s = parseSuppressions(doc(twice));
  assert.deepEqual([...s.lines.get(5)!], ['W4010', 'W4011']);
});

test('suppressionEdit for the whole file goes to the top (after a BOM) or extends disable-file', () => {
  const text = '\uFEFFversion: 0.0\r\nos: linux\r\n';
  const e = suppressionEdit(doc(text), 'I0009', 1, 'file')!;
  assert.deepEqual(e.range.start, { line: 0, character: 1 });
  const after = apply(text, e);
  assert.ok(after.startsWith('\uFEFF# appspec-lint disable-file=I0009\r\n'));
  assert.ok(!lintText(after).some((d) => d.ruleId === 'I0009'));
  const again = apply(after, suppressionEdit(doc(after), 'I0008', 0, 'file')!);
  assert.ok(again.startsWith('\uFEFF# appspec-lint disable-file=I0009,I0008\r\n'));
});
