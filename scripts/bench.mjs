#!/usr/bin/env node
// npm run bench -- --client [--json FILE --markdown FILE]   (the client benchmark: bench/client.mjs)
// npm run bench [-- --edits 200 --stress-edits 100 --requests 100 --only ours|yaml --skip-cli --skip-activation
//                   --json FILE --markdown FILE]
//
// Drives our language server (dist/server.js) and yaml-language-server side by side on the same
// generated documents, in the same run, like an editor would: startup, open → diagnostics,
// edit → diagnostics, completion, hover, memory. On the stress file our server is also measured with
// the edit at the end of the file and with a comment edit (bench/measure.mjs EDIT_SCENARIOS). Then
// CLI throughput, extension activation (bench/activation.mjs), bundle and VSIX sizes.
// Prints a table with PASS/FAIL against the targets. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ec2Small, ec2Stress, ecsSmall, lambdaSmall, variant } from '../bench/docs.mjs';
import { measureActivation } from '../bench/activation.mjs';
import { EDIT_SCENARIOS, measure } from '../bench/measure.mjs';
import { renderMarkdown, renderText, targetsFor } from '../bench/report.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf('--' + name);
  return i >= 0 ? args[i + 1] : dflt;
};
const flag = (name) => args.includes('--' + name);
const root = resolve(import.meta.dirname, '..');
const nEdits = Number(opt('edits', 200));
const nStressEdits = Number(opt('stress-edits', 100));
const nRequests = Number(opt('requests', 100));
const only = opt('only');

if (flag('client')) {
  // The client benchmark (bench/client.mjs): explorer, monitor and AWS layer against the local endpoint.
  if (typeof globalThis.gc !== 'function') {
    const r = spawnSync(process.execPath, ['--expose-gc', ...process.argv.slice(1)], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
  const client = await import('../bench/client.mjs');
  const missing = client.clientBenchReady();
  if (missing) {
    console.error(`bench: ${missing}`);
    process.exit(2);
  }
  const result = await client.runClientBench();
  console.log(client.renderClientText(result));
  if (opt('json')) writeFileSync(opt('json'), JSON.stringify(result, null, 1) + '\n');
  if (opt('markdown')) writeFileSync(opt('markdown'), client.renderClientMarkdown(result));
  process.exit(result.checks.every((c) => c.pass) ? 0 : 1);
}

for (const f of ['dist/server.js', 'dist/cli.js']) {
  if (!existsSync(join(root, f))) {
    console.error(`bench: ${f} is missing; run "npm run build" first.`);
    process.exit(2);
  }
}

const work = mkdtempSync(join(tmpdir(), 'appspec-bench-'));
function writeDoc(name, fileName, text, platform) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  // Hook scripts the small EC2 document refers to exist, so workspace checks do real work and find nothing.
  for (const s of ['stop', 'before', 'after', 'start'])
    writeFileSync(join(dir, 'scripts', `${s}.sh`), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  const file = join(dir, fileName);
  writeFileSync(file, text);
  return { name, dir, file, text, platform, languageId: fileName.endsWith('.json') ? 'json' : 'yaml' };
}
const docs = [
  writeDoc('ec2-small', 'appspec.yml', ec2Small(), 'ec2'),
  writeDoc('ecs-small', 'appspec.yaml', ecsSmall(), 'ecs'),
  writeDoc('lambda-small', 'appspec.yml', lambdaSmall(), 'lambda'),
  writeDoc('ec2-stress', 'appspec.yml', ec2Stress(12000), 'ec2'),
];

const schemaUri = (p) => pathToFileURL(join(root, 'schemas', `${p}.schema.json`)).href;
const yamlSchemas = {};
for (const d of docs) {
  if (!existsSync(join(root, 'schemas', `${d.platform}.schema.json`))) continue;
  (yamlSchemas[schemaUri(d.platform)] ??= []).push(`${d.name}/appspec.*`);
}
const servers = [
  {
    name: 'ours',
    argv: [process.execPath, join(root, 'dist/server.js'), '--stdio'],
    settings: { appspec: { workspaceChecks: true, syntaxDiagnostics: 'always', rules: {} } },
    settledRequest: 'appspec/settled',
  },
  {
    name: 'yaml-language-server',
    argv: [process.execPath, join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
    settings: {
      yaml: {
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        schemas: yamlSchemas,
        schemaStore: { enable: false },
      },
    },
  },
].filter((s) => !only || (only === 'ours' ? s.name === 'ours' : s.name !== 'ours'));

const results = [];
for (const doc of docs) {
  for (const server of servers) {
    const edits = doc.name === 'ec2-stress' ? nStressEdits : nEdits;
    // Every scenario for our server on the stress file; the side-by-side comparison uses 'value'.
    const scenarios = doc.name === 'ec2-stress' && server.name === 'ours' ? EDIT_SCENARIOS : ['value'];
    for (const scenario of scenarios) {
      process.stderr.write(`bench: ${server.name} on ${doc.name} (${edits} edits, ${scenario} edit)…\n`);
      results.push(await measure(server, doc, { edits, requests: nRequests, scenario }));
    }
  }
}

// Extension activation: dist/client.js required and activated in node against a stub of `vscode`.
let activation = null;
if (!flag('skip-activation') && existsSync(join(root, 'dist/client.js'))) {
  process.stderr.write('bench: extension activation…\n');
  activation = measureActivation({ runs: 7 });
}

// CLI throughput over 1,000 generated AppSpecs.
let cli = null;
if (!flag('skip-cli')) {
  const many = join(work, 'many');
  for (let i = 0; i < 1000; i++) {
    const d = join(many, String(i).padStart(4, '0'));
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, i % 3 === 1 ? 'appspec.yaml' : 'appspec.yml'), variant(i));
  }
  process.stderr.write('bench: CLI over 1,000 files…\n');
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(root, 'dist/cli.js'), '--format', 'json', '--no-workspace-checks', many],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const ms = performance.now() - t;
  let problems = null;
  try {
    problems = JSON.parse(r.stdout).length;
  } catch {
    // reported below as null
  }
  cli = {
    files: 1000,
    ms: +ms.toFixed(0),
    files_per_s: +(1000 / (ms / 1000)).toFixed(0),
    exit: r.status,
    problems,
    stderr: r.status === 2 ? r.stderr.slice(0, 300) : undefined,
  };
}

// The shared lspbench tool, when available, on our server (its own numbers, recorded verbatim).
let lspbench = null;
const lspbenchPath = opt('lspbench', '/work/shared/tools/lspbench.mjs');
if (!flag('skip-lspbench') && existsSync(lspbenchPath)) {
  lspbench = [];
  const cfg = join(work, 'lspbench-settings.json');
  writeFileSync(
    cfg,
    JSON.stringify(servers[0]?.name === 'ours' ? servers[0].settings : { appspec: { syntaxDiagnostics: 'always' } }),
  );
  for (const d of docs.filter((x) => x.name === 'ec2-small' || x.name === 'ec2-stress')) {
    process.stderr.write(`bench: lspbench on ${d.name}…\n`);
    const outFile = join(work, `lspbench-${d.name}.json`);
    const outFd = openSync(outFile, 'w');
    const r = spawnSync(
      process.execPath,
      [
        lspbenchPath,
        '--cmd',
        `${process.execPath} ${join(root, 'dist/server.js')} --stdio`,
        '--doc',
        d.file,
        '--with',
        d.dir,
        '--config',
        cfg,
        '--edits',
        d.name === 'ec2-stress' ? '20' : '100',
      ],
      // lspbench ends with process.exit() right after printing: into a pipe a large report would be
      // cut short, so its stdout goes to a file (written synchronously).
      { encoding: 'utf8', timeout: 600_000, stdio: ['ignore', outFd, 'pipe'] },
    );
    closeSync(outFd);
    try {
      const j = JSON.parse(readFileSync(outFile, 'utf8'));
      delete j.diagnostics_settled;
      delete j.capabilities;
      lspbench.push({ ...j, doc: d.name });
    } catch {
      lspbench.push({ doc: d.name, error: (r.stderr || String(r.error ?? `exit ${r.status}`)).slice(0, 300) });
    }
  }
}

const sizes = {};
const dist = join(root, 'dist');
for (const f of readdirSync(dist))
  if (f.endsWith('.js') || f.endsWith('.vsix')) sizes[f] = statSync(join(dist, f)).size;

rmSync(work, { recursive: true, force: true });

const report = {
  date: new Date().toISOString(),
  node: process.version,
  load: (await import('node:os')).loadavg().map((x) => +x.toFixed(1)),
  results,
  cli,
  activation,
  sizes,
  lspbench,
};
report.targets = targetsFor(report);
console.log(renderText(report));
if (opt('json')) writeFileSync(opt('json'), JSON.stringify(report, null, 1) + '\n');
if (opt('markdown')) writeFileSync(opt('markdown'), renderMarkdown(report));
process.exit(0);
