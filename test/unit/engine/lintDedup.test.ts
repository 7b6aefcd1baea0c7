import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { overlaps, withoutCovered } from '../../../engine/lint';
import type { Finding } from '../../../engine/types';

/** Small deterministic generator, so a failure can be reproduced. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

function randomFinding(next: () => number, ruleId: string, lines: number): Finding {
  const line = Math.floor(next() * lines);
  const character = Math.floor(next() * 6);
  const endLine = line + (next() < 0.7 ? 0 : Math.floor(next() * 4));
  const endCharacter = endLine === line ? character + Math.floor(next() * 6) : Math.floor(next() * 6);
  // About 30% informational findings (their ID says so), which do not flag a line.
  const id = next() < 0.3 ? `I${ruleId.slice(1)}` : ruleId;
  return {
    ruleId: id,
    message: id,
    range: { start: { line, character }, end: { line: endLine, character: endCharacter } },
  };
}

/** The rule stated directly: dropped when some rule finding overlaps, or flags the same line. */
function expected(schema: Finding[], rules: Finding[], flags: (f: Finding) => boolean): Finding[] {
  return schema.filter(
    (s) => !rules.some((r) => overlaps(r.range, s.range) || (r.range.start.line === s.range.start.line && flags(r))),
  );
}

test('schema findings covered by rule findings are dropped, for small and large inputs alike', () => {
  const flags = (f: Finding) => !f.ruleId.startsWith('I');
  for (let seed = 1; seed <= 60; seed++) {
    const next = rng(seed);
    const big = seed % 2 === 0;
    const schema = Array.from({ length: big ? 150 : 8 }, () => randomFinding(next, 'E1101', big ? 300 : 20));
    const rules = Array.from({ length: big ? 120 : 10 }, () => randomFinding(next, 'W2001', big ? 300 : 20));
    const got = withoutCovered(schema, rules, flags);
    const want = expected(schema, rules, flags);
    assert.deepEqual(got, want, `seed ${seed}`);
    assert.ok(
      got.every((f, i) => i === 0 || schema.indexOf(got[i - 1]) < schema.indexOf(f)),
      'order kept',
    );
    if (big) assert.ok(want.length > 0 && want.length < schema.length, `seed ${seed} exercises both outcomes`);
  }
});

test('the result is a new array, even with nothing to drop', () => {
  const schema: Finding[] = [];
  assert.notEqual(
    withoutCovered(schema, [], () => true),
    schema,
  );
});
