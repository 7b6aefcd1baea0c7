/** Runs the EC2 files of the shared corpus (../shared/corpus, outside the repo) through the engine. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintEc2 } from './helpers';
import { corpusRows, corpusSkip, corpusText, requireCorpus } from '../../../helpers/corpus';

const rows = corpusRows();
const ec2 = () => requireCorpus(rows).filter((r) => r.platform === 'ec2');
const OURS = /^[EWI][2-5]\d{3}$/;
const lint = (r: { path: string }, text: string) => lintEc2(text, { fileName: r.path.split('/').pop() });

test('corpus: valid and template EC2 files get no errors, and no EC2-rule warnings', { skip: corpusSkip(rows) }, () => {
  const problems: string[] = [];
  for (const r of ec2()) {
    if (r.verdict !== 'valid' && r.verdict !== 'template') continue;
    for (const d of lint(r, corpusText(r))) {
      if (d.severity === 'error' || (d.severity === 'warning' && OURS.test(d.ruleId)))
        problems.push(`${r.file}:${d.range.start.line + 1} ${d.severity} ${d.ruleId} ${d.message}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('corpus: every invalid EC2 file gets an error or a warning', { skip: corpusSkip(rows) }, () => {
  const unflagged: string[] = [];
  for (const r of ec2()) {
    if (r.verdict !== 'invalid') continue;
    const found = lint(r, corpusText(r));
    if (!found.some((d) => d.severity === 'error' || d.severity === 'warning'))
      unflagged.push(`${r.file}: ${r.reason}`);
  }
  assert.deepEqual(unflagged, []);
});

test('corpus: suspicious EC2 files the EC2 rules understand are flagged', { skip: corpusSkip(rows) }, () => {
  let flagged = 0;
  let total = 0;
  for (const r of ec2()) {
    if (r.verdict !== 'suspicious') continue;
    total++;
    if (lint(r, corpusText(r)).some((d) => OURS.test(d.ruleId) && d.severity === 'warning')) flagged++;
  }
  assert.ok(total > 0, 'the corpus has suspicious EC2 files');
  assert.ok(flagged / total >= 0.8, `${flagged}/${total} suspicious files flagged`);
});
