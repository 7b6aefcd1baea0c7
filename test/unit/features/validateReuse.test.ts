/**
 * After an edit that only touches a comment, the language service carries the previous version's
 * structural findings over instead of running every rule again. These tests hold it to the only
 * acceptable standard: the diagnostics are exactly those of a fresh service linting the same text
 * from scratch, including when workspace files change between the two versions.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createLanguageService } from '../../../server/src/languageService';
import { createNodeFs } from '../../../engine/nodeFs';
import { parentOf } from '../../../engine/fsSnapshot';
import { doc, tempBundle } from './util';

const BASE = `version: 0.0
os: linux
# deploy the web app
files:
  - source: build/app
    destination: /var/www/app
permissions:
  - object: /var/www/app
    mode: 644
    type:
      - directory
hooks:
  BeforeInstall:
    - location: scripts/present.sh   # exists
      timeout: 60
  AfterInstall:
    - location: scripts/missing.sh
      timeout: 90
`;
const TEXT = BASE;

/** Comment-only edits: typing in comments, adding trailing spaces, a suppression, a tab, non-ASCII text. */
function commentEdits(text: string): string[] {
  const out: string[] = [];
  let t = text;
  const step = (next: string) => {
    t = next;
    out.push(t);
  };
  step(t + '#');
  step(t + ' more');
  step(t.replace('# deploy the web app', '# deploy the web app — now with ünïcode'));
  step(t.replace('   # exists', '   # exists\t(tab)'));
  step(
    t.replace(
      '    - location: scripts/missing.sh',
      '    - location: scripts/missing.sh   # appspec-lint disable=W5001',
    ),
  );
  step(t.replace('      timeout: 90', '      timeout: 90   '));
  step(t.replace('# appspec-lint disable=W5001', '# appspec-lint disable=W5002'));
  step(t.slice(0, -' more'.length - 1));
  return out;
}

test('diagnostics after comment edits equal a fresh lint of the same text', () => {
  const b = tempBundle({ 'appspec.yml': TEXT, 'scripts/present.sh': { content: '#!/bin/sh\n', mode: 0o755 } });
  try {
    const uri = b.uri('appspec.yml');
    const live = createLanguageService({ fs: createNodeFs({ git: false }) });
    live.validate(doc(uri, TEXT, 1));
    let version = 1;
    for (const text of commentEdits(TEXT)) {
      version++;
      const got = live.validate(doc(uri, text, version));
      const fresh = createLanguageService({ fs: createNodeFs({ git: false }) }).validate(doc(uri, text, version));
      assert.deepEqual(got, fresh, `version ${version}:\n${text}`);
      assert.ok(live.parse(doc(uri, text, version)).incremental?.trivia, `version ${version} was a trivia edit`);
    }
  } finally {
    b.cleanup();
  }
});

test('a file created between two comment edits is noticed without any file event', () => {
  const b = tempBundle({ 'appspec.yml': TEXT, 'scripts/present.sh': { content: '#!/bin/sh\n', mode: 0o755 } });
  try {
    const uri = b.uri('appspec.yml');
    const live = createLanguageService({ fs: createNodeFs({ git: false }) });
    const before = live.validate(doc(uri, TEXT, 1)).map((d) => d.code);
    assert.ok(before.includes('W5001'), 'the missing hook script is reported');
    assert.ok(before.includes('W5005'), 'the missing files source is reported');
    mkdirSync(`${b.dir}/build/app`, { recursive: true });
    writeFileSync(`${b.dir}/scripts/missing.sh`, '#!/bin/sh\n', { mode: 0o755 });
    const after = live.validate(doc(uri, TEXT + '# typed\n', 2)).map((d) => d.code);
    assert.ok(!after.includes('W5001'), `hook script now exists: ${after.join(', ')}`);
    assert.ok(!after.includes('W5005'), `files source now exists: ${after.join(', ')}`);
  } finally {
    b.cleanup();
  }
});

test('code actions after a comment edit still offer the fix', () => {
  const b = tempBundle({ 'appspec.yml': TEXT, 'scripts/present.sh': { content: '#!/bin/sh\n', mode: 0o755 } });
  try {
    const uri = b.uri('appspec.yml');
    const live = createLanguageService({ fs: createNodeFs({ git: false }) });
    live.validate(doc(uri, TEXT, 1));
    const text = TEXT + '# note\n';
    const diags = live.validate(doc(uri, text, 2));
    const missing = diags.find((d) => d.code === 'W5001');
    assert.ok(missing);
    const actions = live.codeActions(doc(uri, text, 2), missing.range, [missing]);
    assert.ok(
      actions.some((a) => /create/i.test(a.title)),
      `actions: ${actions.map((a) => a.title).join(' | ')}`,
    );
  } finally {
    b.cleanup();
  }
});

test('value edits reuse the workspace answers while the files are unchanged, and notice a change', () => {
  const many = Array.from({ length: 40 }, (_, i) => `  - source: build/part${i}\n    destination: /opt/p${i}\n`).join(
    '',
  );
  const TEXT = BASE.replace('files:\n', `files:\n${many}`);
  const b = tempBundle({ 'appspec.yml': TEXT, 'scripts/present.sh': { content: '#!/bin/sh\n', mode: 0o755 } });
  try {
    const uri = b.uri('appspec.yml');
    const real = createNodeFs({ git: false });
    let stats = 0;
    const counting = { ...real, stat: (p: string) => (stats++, real.stat(p)) };
    const live = createLanguageService({ fs: counting });
    live.validate(doc(uri, TEXT, 1));
    const first = stats;
    stats = 0;
    const edited = TEXT.replace('timeout: 60', 'timeout: 61');
    const codes = live.validate(doc(uri, edited, 2)).map((d) => d.code);
    assert.ok(codes.includes('W5001') && codes.includes('W5005'), codes.join(', '));
    assert.ok(first >= 40 && stats < 10, `the second lint asked ${stats} times, the first ${first}`);
    writeFileSync(`${b.dir}/scripts/missing.sh`, '#!/bin/sh\n', { mode: 0o755 });
    const after = live.validate(doc(uri, TEXT, 3)).map((d) => d.code);
    assert.ok(!after.includes('W5001'), `the new script is seen: ${after.join(', ')}`);
    const fresh = createLanguageService({ fs: createNodeFs({ git: false }) }).validate(doc(uri, TEXT, 3));
    assert.deepEqual(live.validate(doc(uri, TEXT, 3)), fresh);
  } finally {
    b.cleanup();
  }
});

test('the fingerprint walks up POSIX and Windows paths and stops at the root', () => {
  assert.equal(parentOf('/w/scripts/a.sh'), '/w/scripts');
  assert.equal(parentOf('/w'), '/');
  assert.equal(parentOf('/'), undefined);
  assert.equal(parentOf('C:\\w\\a.sh'), 'C:\\w');
  assert.equal(parentOf('C:\\w'), 'C:\\');
  assert.equal(parentOf('C:\\'), undefined);
  assert.equal(parentOf('relative'), undefined);
});

test('code actions after a comment edit lint with the settings the document was validated with', () => {
  const b = tempBundle({ 'appspec.yml': TEXT, 'scripts/present.sh': { content: '#!/bin/sh\n', mode: 0o755 } });
  try {
    const uri = b.uri('appspec.yml');
    const real = createNodeFs({ git: false });
    /** Paths in the bundle that were read, besides the lint configuration the service looks for. */
    const read: string[] = [];
    const note = (p: string) => {
      if (p.startsWith(b.dir) && !p.endsWith('.appspec-lint.json')) read.push(p);
    };
    const counting = {
      stat: (p: string) => (note(p), real.stat(p)),
      readHead: (p: string, n: number) => (note(p), real.readHead(p, n)),
      list: (p: string) => (note(p), real.list(p)),
    };
    const live = createLanguageService({ fs: counting });
    const settings = { workspaceChecks: false };
    live.validate(doc(uri, TEXT, 1), settings);
    const text = TEXT.replace('# deploy the web app', '# deploy the web app now');
    const diags = live.validate(doc(uri, text, 2), settings);
    assert.ok(live.parse(doc(uri, text, 2)).incremental?.trivia, 'a comment edit: findings were carried over');
    assert.ok(diags.length > 0 && !diags.some((d) => d.code === 'W5001'), 'no workspace findings');
    read.length = 0;
    live.codeActions(doc(uri, text, 2), diags[0].range, diags);
    assert.deepEqual(read, [], 'workspaceChecks: false keeps the hook scripts and sources unread');
  } finally {
    b.cleanup();
  }
});

test('in an untrusted workspace, fixes that create files are left out', () => {
  const b = tempBundle({ 'appspec.yml': TEXT, 'scripts/present.sh': { content: '#!/bin/sh\n', mode: 0o755 } });
  try {
    const uri = b.uri('appspec.yml');
    const live = createLanguageService({ fs: createNodeFs({ git: false }) });
    const diags = live.validate(doc(uri, TEXT, 1));
    const missing = diags.find((d) => d.code === 'W5001');
    assert.ok(missing);
    const titles = (createFiles: boolean) =>
      live.codeActions(doc(uri, TEXT, 1), missing.range, [missing], { createFiles }).map((a) => a.title);
    assert.ok(titles(true).some((t) => /create/i.test(t)), titles(true).join(' | '));
    assert.ok(!titles(false).some((t) => /create/i.test(t)), titles(false).join(' | '));
    assert.ok(titles(false).some((t) => /disable W5001/i.test(t)), 'the suppression fixes stay');
  } finally {
    b.cleanup();
  }
});
