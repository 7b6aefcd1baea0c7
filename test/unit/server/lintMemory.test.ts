/**
 * The language service's lint memory decides, per rule and by what the rule declares it reads,
 * which findings of the previous version are reused after an edit that changed no node.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentCache } from '../../../engine/document';
import { lint } from '../../../engine/lint';
import { createNodeFs } from '../../../engine/nodeFs';
import type { Rule, RuleInput } from '../../../engine/types';
import { LintMemory } from '../../../server/src/lintMemory';

const TEXT = 'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: a.sh\n';

test('after a comment edit: text rules run again, tree rules are reused, workspace rules while their files hold', () => {
  const bundle = fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-lint-memory-'));
  try {
    const ran: string[] = [];
    const rule = (id: string, reads: RuleInput): Rule => ({
      id,
      name: id,
      severity: 'warning',
      platforms: ['ec2'],
      reads,
      title: id,
      doc: id,
      check(doc, ctx) {
        ran.push(id);
        const exists = reads === 'workspace' ? !!ctx.fs?.stat(path.join(bundle, 'a.sh')) : false;
        return [{ ruleId: id, message: `${id} ${exists ? 'sees' : 'misses'} a.sh`, range: doc.rangeOf([0, 1]) }];
      },
    });
    const rules = [rule('W9001', 'text'), rule('W9002', 'tree'), rule('W9003', 'workspace')];
    const memory = new LintMemory(createNodeFs({ git: false }), (id) => rules.find((r) => r.id === id)?.reads);
    const cache = new DocumentCache();
    const uri = `file://${bundle}/appspec.yml`;
    const lintVersion = (text: string, version: number) => {
      ran.length = 0;
      const doc = cache.get(uri, text, version);
      const plan = memory.plan(doc, 'same settings', true);
      const found = lint(doc, { fileName: 'appspec.yml', bundleRoot: bundle, fs: plan.fs }, undefined, {
        rules,
        reuse: plan.reuse,
        record: plan.record,
      });
      plan.done();
      return { ran: [...ran], messages: found.map((f) => f.message) };
    };

    const base = TEXT.replace('a.sh', 'a.sh  # the script');
    assert.deepEqual(lintVersion(base, 1).ran, ['W9001', 'W9002', 'W9003'], 'the first version runs every rule');
    const v2 = lintVersion(base.replace('script', 'scripts'), 2);
    assert.equal(cache.get(uri, base.replace('script', 'scripts'), 2).incremental?.trivia, true);
    assert.deepEqual(v2.ran, ['W9001'], 'files unchanged: only the text rule runs');
    assert.ok(v2.messages.includes('W9003 misses a.sh'));

    fs.writeFileSync(path.join(bundle, 'a.sh'), '#!/bin/sh\n');
    const v3 = lintVersion(base.replace('script', 'scripts!'), 3);
    assert.deepEqual(v3.ran, ['W9001', 'W9003'], 'a file changed: the workspace rule runs again, the tree rule not');
    assert.ok(v3.messages.includes('W9003 sees a.sh'), v3.messages.join(', '));

    assert.deepEqual(
      lintVersion(base.replace('a.sh', 'b.sh'), 4).ran,
      ['W9001', 'W9002', 'W9003'],
      'a value edit runs every rule',
    );
    const next = cache.get(uri, base.replace('a.sh', 'b.sh').replace('script', 'scripts'), 5);
    assert.equal(next.incremental?.trivia, true);
    const other = memory.plan(next, 'other settings', true);
    assert.equal(other.reuse, undefined, 'other settings reuse nothing');
  } finally {
    fs.rmSync(bundle, { recursive: true, force: true });
  }
});
