/**
 * Each rule declares what it reads (`Rule.reads`), and the language service reuses findings by that
 * declaration. These tests hold the declarations to what the rules do: only `workspace` rules touch
 * the file system, every `workspace` rule does, and the findings of `tree` and `workspace` rules do
 * not change when a comment is added (the edits after which they are reused).
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAppSpec } from '../../../engine/document';
import { startRun } from '../../../engine/derived';
import { createNodeFs } from '../../../engine/nodeFs';
import { allRules } from '../../../engine/rules';
import type { Finding, Rule, RuleContext, WorkspaceFs } from '../../../engine/types';
import { CASES } from './rules-ec2/allCases';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');
const bundle = fs.mkdtempSync(path.join(os.tmpdir(), 'appspec-rule-inputs-'));
after(() => fs.rmSync(bundle, { recursive: true, force: true }));
fs.mkdirSync(path.join(bundle, 'scripts'));
fs.writeFileSync(path.join(bundle, 'scripts', 'present.sh'), 'echo no shebang\r\n', { mode: 0o644 });

const WORKSPACE_EC2 = `version: 0.0
os: linux
files:
  - source: build/missing
    destination: /srv/app
  - source: scripts
    destination: /srv/app
permissions:
  - object: /srv/app/present.sh
    pattern: "*.sh"
    mode: 755
hooks:
  BeforeInstall:
    - location: scripts/present.sh
    - location: scripts/missing.sh
`;

/** Texts that make the rules go deep: the EC2 firing cases, the ECS/Lambda fixtures, and a bundle with scripts. */
function inputs(): { name: string; text: string; fileName: string }[] {
  const out = CASES.map((c) => ({ name: `${c.id} ${c.name}`, text: c.text, fileName: c.fileName ?? 'appspec.yml' }));
  for (const dir of ['ec2', 'ecs', 'lambda'])
    for (const f of fs.readdirSync(path.join(FIXTURES, dir)))
      out.push({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8'), fileName: f });
  out.push(
    { name: 'workspace bundle', text: WORKSPACE_EC2, fileName: 'appspec.yml' },
    { name: 'workspace bundle, other name', text: WORKSPACE_EC2, fileName: 'deploy.yml' },
  );
  return out;
}

function run(rule: Rule, text: string, fileName: string, workspace?: WorkspaceFs): Finding[] {
  const doc = parseAppSpec(`file://${bundle}/${fileName}`, text, 1);
  if (!rule.platforms.includes(doc.platform.platform)) return [];
  const ctx: RuleContext = { fileName, bundleRoot: bundle, fs: workspace };
  startRun(ctx);
  return rule.check(doc, ctx);
}

test('every rule declares text, tree or workspace', () => {
  for (const r of allRules) assert.ok(['text', 'tree', 'workspace'].includes(r.reads), `${r.id} reads ${r.reads}`);
});

test('only rules that declare `workspace` touch the file system, and each of them does', () => {
  const real = createNodeFs({ git: false });
  const touched = new Set<string>();
  for (const rule of allRules) {
    const recording: WorkspaceFs = {
      stat: (p) => (touched.add(rule.id), real.stat(p)),
      readHead: (p, n) => (touched.add(rule.id), real.readHead(p, n)),
      list: (p) => (touched.add(rule.id), real.list(p)),
      gitMode: () => (touched.add(rule.id), undefined),
    };
    for (const input of inputs()) run(rule, input.text, input.fileName, recording);
  }
  const declared = allRules.filter((r) => r.reads === 'workspace').map((r) => r.id);
  assert.deepEqual([...touched].sort(), declared.sort());
});

/** The text with `  # note` after line `line` (0-based): every node keeps its value, line and column. */
function withComment(text: string, line: number): string {
  const lines = text.split('\n');
  lines[line] += '  # note';
  return lines.join('\n');
}

test('findings of tree and workspace rules do not change when a comment is added', () => {
  const structural = allRules.filter((r) => r.reads !== 'text');
  let compared = 0;
  for (const input of inputs()) {
    if (input.fileName.endsWith('.json')) continue; // JSON has no comments
    const lines = input.text.split('\n');
    // Lines that hold a plain key or `key: value` (not inside a block scalar or a quoted multi-line value).
    const candidates = lines
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => /^\s*(- )?[\w.-]+:( [\w./*-]+)?\s*$/.test(l))
      .map(({ i }) => i);
    for (const line of [candidates[0], candidates[candidates.length - 1]]) {
      if (line === undefined) continue;
      const edited = withComment(input.text, line);
      for (const rule of structural) {
        const strip = (fs: Finding[]) => JSON.stringify(fs.map(({ fixes: _fixes, ...f }) => f));
        const before = strip(run(rule, input.text, input.fileName));
        const afterEdit = strip(run(rule, edited, input.fileName));
        assert.equal(afterEdit, before, `${rule.id} (${rule.reads}) on ${input.name}, comment after line ${line + 1}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 1000, `compared ${compared} rule runs`);
});
