import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeFs } from '../../../engine/nodeFs';

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('stat, readHead and list on real files; missing paths give undefined / []', () => {
  const dir = mkdtempSync(join(tmpdir(), 'appspec-nodefs-'));
  try {
    writeFileSync(join(dir, 'a.sh'), '#!/bin/bash\necho hi\n');
    mkdirSync(join(dir, 'scripts'));
    const fs = createNodeFs({ git: false });
    const st = fs.stat(join(dir, 'a.sh'))!;
    assert.equal(st.isFile, true);
    assert.equal(st.isDirectory, false);
    assert.equal(st.size, 20);
    assert.equal(fs.stat(join(dir, 'scripts'))?.isDirectory, true);
    assert.equal(fs.stat(join(dir, 'nope')), undefined);
    assert.equal(Buffer.from(fs.readHead(join(dir, 'a.sh'), 2)!).toString(), '#!');
    assert.equal(fs.readHead(join(dir, 'a.sh'), 1000)!.length, 20);
    assert.equal(fs.readHead(join(dir, 'nope'), 10), undefined);
    assert.deepEqual(
      fs.list(dir).sort((a, b) => a.name.localeCompare(b.name)),
      [
        { name: 'a.sh', isDirectory: false },
        { name: 'scripts', isDirectory: true },
      ],
    );
    assert.deepEqual(fs.list(join(dir, 'nope')), []);
    assert.equal(fs.gitMode!(join(dir, 'a.sh')), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('gitMode reads the mode git records, and never throws', { skip: !hasGit() && 'git not installed' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'appspec-git-'));
  try {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    mkdirSync(join(dir, 'scripts'));
    writeFileSync(join(dir, 'scripts', 'run me.sh'), 'echo\n');
    writeFileSync(join(dir, 'scripts', 'plain.sh'), 'echo\n');
    writeFileSync(join(dir, 'untracked.sh'), 'echo\n');
    chmodSync(join(dir, 'scripts', 'run me.sh'), 0o755);
    execFileSync('git', ['add', 'scripts'], { cwd: dir });
    execFileSync('git', ['update-index', '--chmod=-x', 'scripts/plain.sh'], { cwd: dir });
    const fs = createNodeFs();
    assert.equal(fs.gitMode!(join(dir, 'scripts', 'run me.sh')), 0o100755);
    assert.equal(fs.gitMode!(join(dir, 'scripts', 'plain.sh')), 0o100644);
    assert.equal(fs.gitMode!(join(dir, 'untracked.sh')), undefined);
    assert.equal(fs.gitMode!(join(dir, 'missing', 'x.sh')), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
