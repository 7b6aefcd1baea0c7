import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { memoizeFs } from '../../../engine/memoFs';
import type { WorkspaceFs } from '../../../engine/types';

function countingFs(withGit: boolean): { fs: WorkspaceFs; calls: Record<string, number> } {
  const calls: Record<string, number> = { stat: 0, readHead: 0, list: 0, gitMode: 0 };
  const fs: WorkspaceFs = {
    stat: (p) => (
      calls.stat++,
      p.endsWith('.sh') ? { isFile: true, isDirectory: false, mode: 0o100755, size: 3 } : undefined
    ),
    readHead: (_p, n) => (calls.readHead++, new Uint8Array(Math.min(n, 2))),
    list: () => (
      calls.list++,
      [
        { name: 'b', isDirectory: false },
        { name: 'a', isDirectory: true },
      ]
    ),
    ...(withGit ? { gitMode: () => (calls.gitMode++, 0o100644) } : {}),
  };
  return { fs, calls };
}

test('each question reaches the file system once per lint run, answers unchanged', () => {
  const { fs, calls } = countingFs(true);
  const m = memoizeFs(fs);
  for (let i = 0; i < 3; i++) {
    assert.equal(m.stat('/b/run.sh')?.mode, 0o100755);
    assert.equal(m.stat('/b/missing'), undefined);
    assert.equal(m.readHead('/b/run.sh', 64)?.length, 2);
    assert.equal(m.gitMode?.('/b/run.sh'), 0o100644);
  }
  m.readHead('/b/run.sh', 1);
  assert.deepEqual(calls, { stat: 2, readHead: 2, list: 0, gitMode: 1 });
});

test('folder listings are copies, so one rule sorting its list does not affect another', () => {
  const { fs, calls } = countingFs(false);
  const m = memoizeFs(fs);
  m.list('/b').sort((x, y) => (x.name < y.name ? -1 : 1));
  assert.deepEqual(
    m.list('/b').map((e) => e.name),
    ['b', 'a'],
  );
  assert.equal(calls.list, 1);
  assert.equal(m.gitMode, undefined, 'no gitMode when the file system has none');
});
