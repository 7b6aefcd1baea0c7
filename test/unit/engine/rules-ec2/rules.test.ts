import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ec2Rules } from '../../../../engine/rules/ec2';
import { allRules } from '../../../../engine/rules';
import { CASES } from './allCases';
import { FIXTURES, assertFixClears, lintEc2, makeBundle, withId } from './helpers';

for (const c of CASES) {
  test(`${c.id} fires: ${c.name}`, () => {
    const opts = { fileName: c.fileName, bundleRoot: c.bundleRoot ? makeBundle({}) : undefined };
    const found = withId(lintEc2(c.text, opts), c.id);
    const hit = found.find((d) => d.message.includes(c.contains));
    assert.ok(hit, `expected ${c.id} containing "${c.contains}", got ${JSON.stringify(found.map((d) => d.message))}`);
    assert.equal(hit.range.start.line + 1, c.line, `line of ${c.id}`);
    assert.equal(hit.severity, allRules.find((r) => r.id === c.id)?.severity);
    if (c.fix) assertFixClears(c.text, hit, c.fix === true ? undefined : c.fix, opts);
  });
}

test('valid EC2 fixtures produce no EC2 findings', () => {
  const ids = new Set(ec2Rules.map((r) => r.id));
  for (const name of readdirSync(FIXTURES).filter((n) => n.startsWith('valid-'))) {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const found = lintEc2(text).filter((d) => ids.has(d.ruleId) || d.severity === 'error');
    assert.deepEqual(
      found.map((d) => `${name}:${d.range.start.line + 1} ${d.ruleId} ${d.message}`),
      [],
    );
  }
});

test('rule metadata: ids, names, severities, platforms, docs', () => {
  for (const r of ec2Rules) {
    assert.match(r.id, /^[EWI][2-5]\d{3}$/);
    const letter = { E: 'error', W: 'warning', I: 'info' }[r.id[0]];
    assert.equal(r.severity, letter, `${r.id} severity matches its letter`);
    assert.match(r.name, /^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    assert.ok(r.platforms.includes('ec2'));
    assert.ok(r.title.length > 10 && r.doc.length > 80, `${r.id} has a title and doc`);
  }
});

test('findings about keys the agent ignores are tagged unnecessary; others are not', () => {
  const text =
    'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: opt\n    overwrite: true\nhooks:\n  Install:\n    - location: a.sh\n      runAs: app\n';
  const found = lintEc2(text);
  for (const id of ['W2020', 'W4003', 'W4012']) assert.deepEqual(withId(found, id)[0]?.tags, ['unnecessary'], id);
  assert.equal(withId(found, 'W2013')[0]?.tags, undefined);
});
