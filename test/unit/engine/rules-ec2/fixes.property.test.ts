/** Property check: on mutated AppSpecs, every EC2 quick fix keeps the YAML well-formed, and preferred fixes clear their finding. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAppSpec } from '../../../../engine/document';
import { lint } from '../../../../engine/lint';
import { CASES } from './allCases';
import { FIXTURES, applyEdits } from './helpers';

const TOKENS = [
  '~',
  '[]',
  '{}',
  '- ',
  ': ',
  '\n',
  '  ',
  '0644',
  '-1',
  'x',
  '[a, b]',
  '{a: 1}',
  'Linux',
  'overwrite',
  'type: file',
  'runAs',
  'Timeout: "30"',
  'sudo: yes',
  'locaiton',
  'AfterInstal',
  '7200',
  '"300"',
];

test('quick fixes never break the YAML and preferred fixes clear their finding (seeded mutations)', () => {
  const seeds = [
    readFileSync(join(FIXTURES, 'valid-linux.yml'), 'utf8'),
    ...CASES.filter((c) => !c.fileName).map((c) => c.text),
  ];
  let state = 20261126;
  const rand = (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  let tried = 0;
  const problems: string[] = [];
  for (let i = 0; i < 600; i++) {
    let text = seeds[rand(seeds.length)];
    for (let k = rand(3); k > 0; k--) {
      const p = rand(text.length + 1);
      text = text.slice(0, p) + TOKENS[rand(TOKENS.length)] + text.slice(p);
    }
    const doc = parseAppSpec('untitled:appspec.yml', text, 0);
    if (doc.syntaxErrors.length > 0) continue;
    for (const d of lint(doc, { fileName: 'appspec.yml' })) {
      if (!/^[EWI][2-5]\d{3}$/.test(d.ruleId)) continue;
      for (const fix of d.fixes ?? []) {
        if (!fix.edits) continue;
        tried++;
        const fixed = applyEdits(text, fix.edits);
        const after = parseAppSpec('untitled:appspec.yml', fixed, 0);
        if (after.syntaxErrors.length > 0) {
          problems.push(`${d.ruleId} "${fix.title}" breaks YAML:\n${text}\n=>\n${fixed}`);
          continue;
        }
        if (
          fix.isPreferred &&
          lint(after, { fileName: 'appspec.yml' }).some((x) => x.ruleId === d.ruleId && x.message === d.message)
        ) {
          problems.push(`${d.ruleId} "${fix.title}" does not clear "${d.message}":\n${fixed}`);
        }
      }
    }
  }
  assert.ok(tried > 50, `enough fixes exercised (${tried})`);
  assert.deepEqual(problems, []);
});
