import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ecsRules } from '../../../../engine/rules/ecs';
import { lambdaRules } from '../../../../engine/rules/lambda';
import { ecsLambdaRules } from '../../../../engine/rules/ecs-lambda';
import { applyFix, fixture, parse } from './helpers';

const REPLACEMENTS = ['~', '[]', '{}', '-1', '""', '[a, [b]]', 'true', '!Ref X'];

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

test('no ECS/Lambda rule throws on mangled documents; findings have sane ranges; fixes keep the file parsable', () => {
  let runs = 0;
  let fixesApplied = 0;
  for (const [file, name] of [
    ['ecs/valid-full.yml', 'appspec.yml'],
    ['ecs/template-pipeline.yml', 'appspec.yml'],
    ['lambda/valid.yml', 'appspec.yml'],
    ['lambda/valid.json', 'appspec.json'],
  ]) {
    for (const text of variants(fixture(file))) {
      const doc = parse(text, name);
      for (const rule of [...ecsRules, ...ecsLambdaRules, ...lambdaRules]) {
        const found = rule.check(doc, { fileName: name });
        for (const f of found) {
          assert.ok(f.range.start.line >= 0 && f.range.start.line < doc.lines.lineCount, `${rule.id} range`);
          assert.ok(f.message.length > 10, `${rule.id} message`);
          // lint runs these rules only on documents that parse, so fixes are checked on those.
          if (doc.syntaxErrors.some((e) => e.severity === 'error')) continue;
          for (const fix of f.fixes ?? []) {
            const errorsBefore = doc.syntaxErrors.filter((e) => e.severity === 'error').length;
            const fixed = parse(applyFix(text, fix, name), name);
            const errorsAfter = fixed.syntaxErrors.filter((e) => e.severity === 'error').length;
            assert.ok(
              errorsAfter <= errorsBefore,
              `${rule.id} "${fix.title}" made the file unparsable:\n${fixed.text}`,
            );
            fixesApplied++;
          }
        }
        runs++;
      }
    }
  }
  assert.ok(runs > 1000);
  assert.ok(fixesApplied > 50, `only ${fixesApplied} fixes applied`);
});
