import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createNodeFs } from '../../../../engine/nodeFs';
import type { Fix, WorkspaceFs } from '../../../../engine/types';
import { fixOf, lintEc2, makeBundle, realFs, withId } from './helpers';

const LINUX = 'version: 0.0\nos: linux\n';
const SHEBANG = '#!/bin/bash\necho ok\n';

function hookText(location: string, os = 'linux'): string {
  return `version: 0.0\nos: ${os}\nhooks:\n  ApplicationStart:\n    - location: ${location}\n`;
}

function applyCreateFiles(root: string, fix: Fix): void {
  for (const f of fix.createFiles ?? []) {
    const abs = join(root, ...f.path.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, f.content);
    chmodSync(abs, f.executable ? 0o755 : 0o644);
  }
}

test('W5001 fires for a missing hook script; the fix creates an executable LF Bash stub that passes every check', () => {
  const root = makeBundle({});
  const text = hookText('scripts/start.sh');
  const [d] = withId(lintEc2(text, { bundleRoot: root, fs: realFs }), 'W5001');
  assert.ok(d, 'W5001 reported');
  assert.match(d.message, /`scripts\/start.sh` \(ApplicationStart\) does not exist/);
  assert.equal(d.range.start.line, 4);
  const fix = fixOf(d);
  assert.equal(fix.createFiles?.[0].path, 'scripts/start.sh');
  assert.equal(fix.createFiles?.[0].executable, true);
  assert.match(fix.createFiles?.[0].content ?? '', /^#!\/bin\/bash\nset -euo pipefail\n#/);
  assert.ok(!fix.createFiles?.[0].content.includes('\r'));
  applyCreateFiles(root, fix);
  assert.ok((statSync(join(root, 'scripts', 'start.sh')).mode & 0o111) !== 0);
  const after = lintEc2(text, { bundleRoot: root, fs: createNodeFs({ git: false }) });
  assert.deepEqual(
    after.filter((x) => /^W5/.test(x.ruleId)).map((x) => x.message),
    [],
  );
});

test('W5001 does not fire when the script exists, without a workspace, or for placeholders', () => {
  const root = makeBundle({ 'scripts/start.sh': { content: SHEBANG, mode: 0o755 } });
  assert.equal(withId(lintEc2(hookText('scripts/start.sh'), { bundleRoot: root, fs: realFs }), 'W5001').length, 0);
  assert.equal(withId(lintEc2(hookText('/scripts/start.sh'), { bundleRoot: root, fs: realFs }), 'W5001').length, 0);
  assert.equal(withId(lintEc2(hookText('scripts/missing.sh')), 'W5001').length, 0);
  assert.equal(withId(lintEc2(hookText('scripts/${STAGE}.sh'), { bundleRoot: root, fs: realFs }), 'W5001').length, 0);
});

test('W5001 on a folder says so and offers no file creation', () => {
  const root = makeBundle({ 'scripts/start.sh/x': 'x' });
  const [d] = withId(lintEc2(hookText('scripts/start.sh'), { bundleRoot: root, fs: realFs }), 'W5001');
  assert.match(d.message, /is a folder/);
  assert.equal(d.fixes?.length ?? 0, 0);
});

test('W5002 fires for a non-executable script, not for executable, Windows or git-executable scripts', () => {
  const root = makeBundle({
    'a.sh': { content: SHEBANG, mode: 0o644 },
    'b.sh': { content: SHEBANG, mode: 0o755 },
    'c.ps1': { content: 'Write-Host hi\r\n', mode: 0o644 },
  });
  const [d] = withId(lintEc2(hookText('a.sh'), { bundleRoot: root, fs: realFs }), 'W5002');
  assert.ok(d);
  assert.match(d.message, /not executable; run `chmod \+x a.sh`/);
  assert.equal(d.range.start.line, 4);
  assert.equal(withId(lintEc2(hookText('b.sh'), { bundleRoot: root, fs: realFs }), 'W5002').length, 0);
  assert.equal(withId(lintEc2(hookText('c.ps1', 'windows'), { bundleRoot: root, fs: realFs }), 'W5002').length, 0);
  assert.equal(withId(lintEc2(hookText('a.sh', 'windows'), { bundleRoot: root, fs: realFs }), 'W5002').length, 0);
});

test('W5002 trusts the git index mode 100755 when the file mode lacks the bit', () => {
  const root = makeBundle({
    'run.sh': { content: SHEBANG, mode: 0o644 },
    'plain.sh': { content: SHEBANG, mode: 0o644 },
  });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', 'run.sh', 'plain.sh');
  git('update-index', '--chmod=+x', 'run.sh');
  const fs = createNodeFs({ git: true });
  assert.equal(withId(lintEc2(hookText('run.sh'), { bundleRoot: root, fs }), 'W5002').length, 0);
  assert.equal(withId(lintEc2(hookText('plain.sh'), { bundleRoot: root, fs }), 'W5002').length, 1);
});

test('W5003 fires for a Linux script without #! (and with a BOM before it), not otherwise', () => {
  const root = makeBundle({
    'none.sh': { content: 'echo hi\n', mode: 0o755 },
    'bom.sh': { content: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SHEBANG)]), mode: 0o755 },
    'ok.sh': { content: SHEBANG, mode: 0o755 },
  });
  const [d] = withId(lintEc2(hookText('none.sh'), { bundleRoot: root, fs: realFs }), 'W5003');
  assert.match(d.message, /has no `#!` line/);
  assert.equal(d.range.start.line, 4);
  assert.match(
    withId(lintEc2(hookText('bom.sh'), { bundleRoot: root, fs: realFs }), 'W5003')[0].message,
    /byte-order mark/,
  );
  assert.equal(withId(lintEc2(hookText('ok.sh'), { bundleRoot: root, fs: realFs }), 'W5003').length, 0);
  assert.equal(withId(lintEc2(hookText('none.sh', 'windows'), { bundleRoot: root, fs: realFs }), 'W5003').length, 0);
});

test('W5004 fires for CRLF line endings, not for LF or Windows scripts', () => {
  const root = makeBundle({
    'crlf.sh': { content: '#!/bin/bash\r\necho hi\r\n', mode: 0o755 },
    'lf.sh': { content: SHEBANG, mode: 0o755 },
    'w.bat': { content: '@echo off\r\n', mode: 0o755 },
  });
  const [d] = withId(lintEc2(hookText('crlf.sh'), { bundleRoot: root, fs: realFs }), 'W5004');
  assert.match(d.message, /CRLF line endings/);
  assert.equal(d.range.start.line, 4);
  assert.equal(withId(lintEc2(hookText('lf.sh'), { bundleRoot: root, fs: realFs }), 'W5004').length, 0);
  assert.equal(withId(lintEc2(hookText('w.bat', 'windows'), { bundleRoot: root, fs: realFs }), 'W5004').length, 0);
});

test('W5005 fires for a missing files source, not for `/`, existing paths or without a workspace', () => {
  const root = makeBundle({ 'config/app.conf': 'x=1\n' });
  const text =
    LINUX +
    'files:\n  - source: /\n    destination: /opt/app\n  - source: config/app.conf\n    destination: /etc/app\n  - source: target/app.jar\n    destination: /opt/app\n';
  const found = withId(lintEc2(text, { bundleRoot: root, fs: realFs }), 'W5005');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /`source: target\/app.jar` does not exist/);
  assert.equal(found[0].range.start.line, 7);
  assert.equal(withId(lintEc2(text), 'W5005').length, 0);
});

test('E3010 fires when object is a single installed file and pattern/except are set; needs the workspace', () => {
  const root = makeBundle({ 'config/app.conf': 'x=1\n', 'web/index.html': 'hi' });
  const text =
    LINUX +
    'files:\n  - source: config/app.conf\n    destination: /etc/app\n  - source: web\n    destination: /var/www\n' +
    'permissions:\n  - object: /etc/app/app.conf\n    pattern: "*.conf"\n    except: [tmp]\n  - object: /var/www\n    pattern: "*.html"\n';
  const found = withId(lintEc2(text, { bundleRoot: root, fs: realFs }), 'E3010');
  assert.deepEqual(
    found.map((d) => d.range.start.line + 1),
    [10, 11],
  );
  assert.match(found[0].message, /single installed file, so `pattern` must be `\*\*`/);
  assert.match(found[1].message, /`except` must be empty/);
  assert.equal(withId(lintEc2(text), 'E3010').length, 0);
});

test('W2002 names the sibling AppSpec; I2003 is quiet when appspec.yml exists', () => {
  const root = makeBundle({ 'appspec.yml': LINUX });
  const [d] = withId(lintEc2(LINUX, { fileName: 'appspec-prod.yml', bundleRoot: root, fs: realFs }), 'W2002');
  assert.match(d.message, /uses `appspec.yml` next to it/);
  assert.equal(
    withId(lintEc2(LINUX, { fileName: 'appspec.yml.tpl', bundleRoot: root, fs: realFs }), 'W2002').length,
    0,
  );
  assert.equal(withId(lintEc2(LINUX, { fileName: 'appspec.yaml', bundleRoot: root, fs: realFs }), 'I2003').length, 0);
  assert.equal(withId(lintEc2(LINUX, { fileName: 'appspec.yml', bundleRoot: root, fs: realFs }), 'W2002').length, 0);
});

test('W2016 and I2017 use the workspace to tell files from folders', () => {
  const root = makeBundle({ 'a/conf.d/x': 'x', 'b/conf.d/y': 'y', 'bin/tool': 'x' });
  const dirs =
    LINUX +
    'files:\n  - source: a/conf.d\n    destination: /etc/app\n  - source: b/conf.d\n    destination: /etc/app\n';
  assert.equal(withId(lintEc2(dirs, { bundleRoot: root, fs: realFs }), 'W2016').length, 0);
  const file = LINUX + 'files:\n  - source: bin/tool\n    destination: /usr/local/bin/tool\n';
  assert.equal(withId(lintEc2(file, { bundleRoot: root, fs: realFs }), 'I2017').length, 1);
  assert.equal(
    withId(lintEc2(file), 'I2017').length,
    0,
    'without the workspace an extension-less name is not known to be a file',
  );
});

/** A view of a real folder as a case-insensitive disk (macOS/Windows), to show what those users see. */
function caseInsensitive(fs: WorkspaceFs): WorkspaceFs {
  const resolve = (abs: string): string => {
    const parts = abs.split('/');
    let cur = '';
    for (const part of parts.slice(1)) {
      const hit = fs.list(cur || '/').find((e) => e.name.toLowerCase() === part.toLowerCase());
      cur += '/' + (hit ? hit.name : part);
    }
    return cur;
  };
  return {
    ...fs,
    stat: (p) => fs.stat(resolve(p)),
    readHead: (p, n) => fs.readHead(resolve(p), n),
    list: (d) => fs.list(resolve(d)),
  };
}

test('W5001 and W5005 report paths that match only case-insensitively, except for os: windows', () => {
  const root = makeBundle({ 'Scripts/Start.sh': { content: SHEBANG, mode: 0o755 }, 'Build/App.jar': 'x' });
  const fs = caseInsensitive(realFs);
  const text =
    LINUX +
    'files:\n  - source: build/App.jar\n    destination: /opt/app\nhooks:\n  ApplicationStart:\n    - location: scripts/start.sh\n';
  const found = lintEc2(text, { bundleRoot: root, fs });
  const [hook] = withId(found, 'W5001');
  assert.match(hook.message, /is spelled `Scripts\/Start.sh` on disk/);
  assert.equal(hook.range.start.line, 7);
  const [source] = withId(found, 'W5005');
  assert.match(source.message, /is spelled `Build\/App.jar` on disk/);
  assert.equal(withId(lintEc2(text.replace('os: linux', 'os: windows'), { bundleRoot: root, fs }), 'W5005').length, 0);
  const exact = LINUX + 'hooks:\n  ApplicationStart:\n    - location: Scripts/Start.sh\n';
  assert.equal(withId(lintEc2(exact, { bundleRoot: root, fs }), 'W5001').length, 0);
});
