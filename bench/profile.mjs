#!/usr/bin/env node
// node bench/profile.mjs [--lines 12000] [--edits 5] [--out DIR]
// Runs dist/server.js under `node --cpu-prof` on the generated EC2 stress document (open, a few
// edits, completion/hover), then prints the functions with the most self and inclusive time.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ec2Stress } from './docs.mjs';
import { measure } from './measure.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => {
  const i = args.indexOf('--' + n);
  return i >= 0 ? args[i + 1] : d;
};
const root = resolve(import.meta.dirname, '..');
const outDir = opt('out', mkdtempSync(join(tmpdir(), 'appspec-prof-')));
const work = mkdtempSync(join(tmpdir(), 'appspec-prof-doc-'));
mkdirSync(join(work, 'stress'), { recursive: true });
const text = ec2Stress(Number(opt('lines', 12000)));
const file = join(work, 'stress', 'appspec.yml');
writeFileSync(file, text);
const server = {
  name: 'ours',
  argv: [process.execPath, '--cpu-prof', '--cpu-prof-dir', outDir, join(root, 'dist/server.js'), '--stdio'],
  settings: { appspec: { workspaceChecks: true, syntaxDiagnostics: 'always', rules: {} } },
  settledRequest: 'appspec/settled',
};
const r = await measure(
  server,
  { name: 'ec2-stress', dir: join(work, 'stress'), file, text, languageId: 'yaml' },
  { edits: Number(opt('edits', 5)), requests: 10 },
);
console.log(
  JSON.stringify({
    open_ms: r.open_to_diagnostics_ms,
    edit_ms: r.edit_to_diagnostics_ms,
    completion_ms: r.completion_ms,
  }),
);

const f = readdirSync(outDir).find((x) => x.endsWith('.cpuprofile'));
const p = JSON.parse(readFileSync(join(outDir, f), 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const key = (n) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/dist\//, 'dist/').replace(/^file:\/\//, '')}:${n.callFrame.lineNumber + 1}`;
const selfT = new Map();
const inclT = new Map();
let total = 0;
p.samples.forEach((s, i) => {
  const dt = p.timeDeltas[i] ?? 0;
  total += dt;
  const n = byId.get(s);
  selfT.set(key(n), (selfT.get(key(n)) ?? 0) + dt);
  const seen = new Set();
  for (let cur = s; cur !== undefined; cur = parent.get(cur)) {
    const k = key(byId.get(cur));
    if (!seen.has(k)) inclT.set(k, (inclT.get(k) ?? 0) + dt);
    seen.add(k);
  }
});
const top = (m, n) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, t]) => `  ${((t / total) * 100).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`)
    .join('\n');
console.log(`profile: ${join(outDir, f)}\nSELF\n${top(selfT, 20)}\nINCLUSIVE\n${top(inclT, 40)}`);
