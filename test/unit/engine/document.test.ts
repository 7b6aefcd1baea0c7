import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { isMap, type Pair } from 'yaml';
import { parseAppSpec, detectFormat, DocumentCache, TextLineIndex } from '../../../engine/document';
import { findPair, getIn } from '../../../engine/ast';
import { convertWithPaths } from '../../../engine/schema';
import { slice } from './helpers';

const EC2 = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/a.sh\n      timeout: 300\n';

test('YAML: key and value ranges are exact', () => {
  const d = parseAppSpec('file:///w/appspec.yml', EC2);
  assert.equal(d.format, 'yaml');
  const os = findPair(d.root, 'os')!;
  assert.deepEqual(d.keyRangeOf(os), { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  assert.deepEqual(d.rangeOf(os.value as never), { start: { line: 1, character: 4 }, end: { line: 1, character: 9 } });
  const loc = getIn(d.root, ['hooks', 'AfterInstall', 0, 'location']);
  assert.equal(slice(EC2, d.rangeOf(loc as never)), 'scripts/a.sh');
  // A pair's range spans key to value.
  assert.equal(slice(EC2, d.rangeOf(os)), 'os: linux');
});

test('JSON goes through the same parser with exact ranges', () => {
  const text = '{\n  "version": 0.0,\n  "Resources": [{"fn": {"Type": "AWS::Lambda::Function"}}]\n}\n';
  const d = parseAppSpec('file:///w/appspec.json', text);
  assert.equal(d.format, 'json');
  assert.equal(d.syntaxErrors.length, 0);
  const type = getIn(d.root, ['Resources', 0, 'fn', 'Type']);
  assert.equal(slice(text, d.rangeOf(type as never), 'appspec.json'), '"AWS::Lambda::Function"');
  const vpair = findPair(d.root, 'version')!;
  assert.equal(slice(text, d.keyRangeOf(vpair), 'appspec.json'), '"version"');
  assert.equal(d.platform.platform, 'lambda');
});

test('format: by extension first, then by content', () => {
  assert.equal(detectFormat('file:///a/appspec.json', 'a: 1'), 'json');
  assert.equal(detectFormat('file:///a/appspec.yml', '{"a": 1}'), 'yaml');
  assert.equal(detectFormat('untitled:Untitled-1', '  {"a": 1}'), 'json');
  assert.equal(detectFormat('untitled:Untitled-1', '\uFEFF{"a": 1}'), 'json');
  assert.equal(detectFormat('untitled:Untitled-1', 'version: 0.0'), 'yaml');
});

test('BOM: parsed, and offsets still point into the original text', () => {
  const text = '\uFEFFversion: 0.0\nos: linux\n';
  const d = parseAppSpec('file:///w/appspec.yml', text);
  assert.equal(d.syntaxErrors.length, 0);
  assert.equal(d.platform.platform, 'ec2');
  const v = findPair(d.root, 'version')!;
  assert.deepEqual(d.keyRangeOf(v).start, { line: 0, character: 1 });
  assert.equal(text.slice(d.lines.offsetAt(d.keyRangeOf(v).start), d.lines.offsetAt(d.keyRangeOf(v).end)), 'version');
});

test('CRLF: lines and ranges count \\r\\n as one break', () => {
  const text = 'version: 0.0\r\nos: linux\r\nfiles:\r\n  - source: /\r\n    destination: /srv\r\n';
  const d = parseAppSpec('file:///w/appspec.yml', text);
  assert.equal(d.lines.lineCount, 6);
  const dest = getIn(d.root, ['files', 0, 'destination']);
  assert.deepEqual(d.rangeOf(dest as never), { start: { line: 4, character: 17 }, end: { line: 4, character: 21 } });
  assert.equal(d.lines.offsetAt({ line: 1, character: 99 }), 'version: 0.0\r\nos: linux'.length);
});

test('LineIndex round-trips and clamps', () => {
  const li = new TextLineIndex('ab\ncd\r\nef\rgh');
  assert.equal(li.lineCount, 4);
  for (let o = 0; o <= 12; o++) {
    const p = li.positionAt(o);
    assert.ok(p.line >= 0 && p.line < 4);
  }
  assert.deepEqual(li.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(li.positionAt(7), { line: 2, character: 0 });
  assert.deepEqual(li.positionAt(10), { line: 3, character: 0 });
  assert.equal(li.offsetAt({ line: 2, character: 1 }), 8);
  assert.equal(li.offsetAt({ line: 9, character: 0 }), 12);
  assert.equal(li.offsetAt({ line: -1, character: 5 }), 0);
});

test('binary (NUL) and invalid UTF-8 (U+FFFD) are skipped, not parsed', () => {
  const bin = parseAppSpec('file:///w/appspec.yml', 'version: 0.0\u0000\u0001os');
  assert.equal(bin.skipped?.reason, 'binary');
  assert.equal(bin.yaml, undefined);
  assert.equal(bin.platform.platform, 'unknown');
  const bad = parseAppSpec('file:///w/appspec.yml', 'version: 0.0\nos: lin\uFFFDux\n');
  assert.equal(bad.skipped?.reason, 'invalid-utf8');
});

test('over maxBytes: skipped as too-large (multi-byte characters counted in UTF-8)', () => {
  const big = parseAppSpec('file:///w/appspec.yml', `version: 0.0\n# ${'x'.repeat(200)}\n`, 0, { maxBytes: 100 });
  assert.equal(big.skipped?.reason, 'too-large');
  const wide = 'é'.repeat(60); // 120 UTF-8 bytes, 60 UTF-16 units
  assert.equal(parseAppSpec('file:///w/a.yml', wide, 0, { maxBytes: 100 }).skipped?.reason, 'too-large');
  assert.equal(parseAppSpec('file:///w/a.yml', wide, 0, { maxBytes: 200 }).skipped, undefined);
});

test('empty, whitespace-only and comment-only files parse to no root', () => {
  for (const text of ['', '   \n\n', '# just a comment\n# another\n']) {
    const d = parseAppSpec('file:///w/appspec.yml', text);
    assert.equal(d.root, undefined);
    assert.equal(d.syntaxErrors.length, 0);
    assert.equal(d.platform.platform, 'unknown');
    assert.match(d.platform.reason, /empty/);
  }
});

test('duplicate keys do not fail the parse', () => {
  const d = parseAppSpec('file:///w/appspec.yml', 'version: 0.0\nos: linux\nos: windows\n');
  assert.equal(d.syntaxErrors.length, 0);
  assert.ok(isMap(d.root));
  assert.equal((d.root!.items as Pair[]).length, 3);
});

test('syntax errors carry a code and a range', () => {
  const d = parseAppSpec('file:///w/appspec.yml', 'version: 0.0\nos: [linux\n');
  assert.ok(d.syntaxErrors.length > 0);
  for (const e of d.syntaxErrors) {
    assert.ok(e.code);
    assert.ok(e.range.start.line >= 0);
    assert.doesNotMatch(e.message, /\n/);
  }
});

test('a billion-laughs document parses and converts without expanding', () => {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1];
    levels.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const text = `version: 0.0\nos: linux\n${levels.join('\n')}\n`;
  const d = parseAppSpec('file:///w/appspec.yml', text);
  assert.equal(d.syntaxErrors.filter((e) => e.severity === 'error').length, 0);
  const converted = convertWithPaths(d.yaml!, d.root, false);
  assert.equal(converted.aliasLimitHit, true);
  // Bounded: the converted value is small.
  assert.ok(JSON.stringify(converted.value).length < 100_000);
});

test('DocumentCache parses each (uri, version) once and evicts the least recently used', () => {
  const cache = new DocumentCache(2);
  const a1 = cache.get('file:///a.yml', 'version: 0.0\n', 1);
  assert.equal(cache.get('file:///a.yml', 'version: 0.0\n', 1), a1);
  const a2 = cache.get('file:///a.yml', 'version: 0.0\nos: linux\n', 2);
  assert.notEqual(a2, a1);
  assert.equal(a2.version, 2);
  cache.get('file:///b.yml', 'x: 1\n', 1);
  cache.get('file:///a.yml', 'version: 0.0\nos: linux\n', 2); // touch a
  cache.get('file:///c.yml', 'y: 1\n', 1); // evicts b
  assert.equal(cache.size, 2);
  assert.equal(cache.peek('file:///b.yml'), undefined);
  assert.equal(cache.peek('file:///a.yml'), a2);
});

test('an offset inside a line break maps to the end of that line', () => {
  const li = new TextLineIndex('ab\r\ncd\nef');
  assert.deepEqual(li.positionAt(2), { line: 0, character: 2 }); // on \r
  assert.deepEqual(li.positionAt(3), { line: 0, character: 2 }); // on \n of \r\n
  assert.deepEqual(li.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(li.positionAt(6), { line: 1, character: 2 }); // on \n
  assert.deepEqual(li.positionAt(9), { line: 2, character: 2 });
  assert.deepEqual(new TextLineIndex('\r\n').positionAt(1), { line: 0, character: 0 });
});
