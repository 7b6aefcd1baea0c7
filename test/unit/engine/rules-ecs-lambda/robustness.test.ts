import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ecsRules } from '../../../../server/src/engine/rules/ecs';
import { lambdaRules } from '../../../../server/src/engine/rules/lambda';
import { fixture, parse } from './helpers';

const REPLACEMENTS = ['', '~', '[]', '{}', '0', '-1', '""', '[a, [b]]', '{x: {y: z}}', 'true', '!Ref X', '"${X}"'];

/** Every variant of a fixture with one line dropped, or one value replaced by an odd value. */
function* variants(text: string): Generator<string> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    yield [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
    const m = /^(\s*-?\s*"?[A-Za-z_]+"?\s*:)(.*)$/.exec(lines[i]);
    if (!m) continue;
    for (const r of REPLACEMENTS) yield [...lines.slice(0, i), `${m[1]} ${r}`, ...lines.slice(i + 1)].join('\n');
  }
}

test('no ECS/Lambda rule throws on mangled documents, and every finding has a sane range', () => {
  let runs = 0;
  for (const [file, name] of [
    ['ecs/valid-full.yml', 'appspec.yml'],
    ['ecs/template-pipeline.yml', 'appspec.yml'],
    ['lambda/valid.yml', 'appspec.yml'],
    ['lambda/valid.json', 'appspec.json'],
  ]) {
    for (const text of variants(fixture(file))) {
      const doc = parse(text, name);
      for (const rule of [...ecsRules, ...lambdaRules]) {
        const found = rule.check(doc, { fileName: name });
        for (const f of found) {
          assert.ok(f.range.start.line >= 0 && f.range.start.line < doc.lines.lineCount, `${rule.id} range`);
          assert.ok(f.message.length > 10, `${rule.id} message`);
        }
        runs++;
      }
    }
  }
  assert.ok(runs > 1000);
});
