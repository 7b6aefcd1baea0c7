/** Runs the EC2 files of the shared corpus (outside the repo) through the engine; skipped when it is absent. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintEc2 } from './helpers';

const CORPUS = process.env.APPSPEC_CORPUS ?? '/work/shared/corpus';
const manifest = join(CORPUS, 'MANIFEST.tsv');
const rows = existsSync(manifest)
  ? readFileSync(manifest, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'))
  : [];
const ec2 = rows.filter((r) => r[4] === 'ec2');
const OURS = /^[EWI][2-5]\d{3}$/;

test(
  'corpus: valid and template EC2 files get no errors, and no EC2-rule warnings',
  { skip: ec2.length === 0 && 'corpus not present' },
  () => {
    const problems: string[] = [];
    for (const [file, , path, , , verdict] of ec2) {
      if (verdict !== 'valid' && verdict !== 'template') continue;
      const found = lintEc2(readFileSync(join(CORPUS, file), 'utf8'), { fileName: path.split('/').pop() });
      for (const d of found) {
        if (d.severity === 'error' || (d.severity === 'warning' && OURS.test(d.ruleId)))
          problems.push(`${file}:${d.range.start.line + 1} ${d.severity} ${d.ruleId} ${d.message}`);
      }
    }
    assert.deepEqual(problems, []);
  },
);

test(
  'corpus: every invalid EC2 file gets an error or a warning',
  { skip: ec2.length === 0 && 'corpus not present' },
  () => {
    const unflagged: string[] = [];
    for (const [file, , path, , , verdict, reason] of ec2) {
      if (verdict !== 'invalid') continue;
      const found = lintEc2(readFileSync(join(CORPUS, file), 'utf8'), { fileName: path.split('/').pop() });
      if (!found.some((d) => d.severity === 'error' || d.severity === 'warning')) unflagged.push(`${file}: ${reason}`);
    }
    assert.deepEqual(unflagged, []);
  },
);

test(
  'corpus: suspicious EC2 files the EC2 rules understand are flagged',
  { skip: ec2.length === 0 && 'corpus not present' },
  () => {
    let flagged = 0;
    let total = 0;
    for (const [file, , path, , , verdict] of ec2) {
      if (verdict !== 'suspicious') continue;
      total++;
      const found = lintEc2(readFileSync(join(CORPUS, file), 'utf8'), { fileName: path.split('/').pop() });
      if (found.some((d) => OURS.test(d.ruleId) && d.severity === 'warning')) flagged++;
    }
    assert.ok(total === 0 || flagged / total >= 0.8, `${flagged}/${total} suspicious files flagged`);
  },
);
