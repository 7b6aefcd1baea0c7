import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { DocumentCache } from '../../../engine/document';
import { createLanguageService, type LanguageService } from '../../../server/src/languageService';
import { WARM_UP_SAMPLES, warmSample, warmUp } from '../../../server/src/warmUp';
import { doc } from '../features/util';

describe('warm-up', () => {
  test('the built-in samples exercise completion and hover (items and hovers come back)', () => {
    const ls = createLanguageService();
    for (const s of WARM_UP_SAMPLES.filter((x) => x.text)) {
      const d = doc(s.uri, s.text);
      const lines = s.text.split('\n');
      const items = lines.flatMap((l, i) => ls.complete(d, { line: i, character: l.length }).items);
      const hovers = lines.filter((l, i) => ls.hover(d, { line: i, character: l.search(/\S/) + 1 }) !== null);
      assert.ok(items.length > 0, `completion items for ${s.uri}`);
      assert.ok(hovers.length > 0, `hovers for ${s.uri}`);
    }
    const empty = WARM_UP_SAMPLES.find((x) => x.text === '')!;
    assert.ok(ls.complete(doc(empty.uri, ''), { line: 0, character: 0 }).items.length > 0, 'skeletons');
  });

  test('runs every sample without errors, forgets each one, and leaves the user documents of its service as they were', async () => {
    // The server gives the warm-up a service of its own; here it gets the user's, the worst case.
    const cache = new DocumentCache();
    const ls = createLanguageService({ cache });
    const user = doc('file:///work/app/appspec.yml', 'version: 0.0\nos: linux\nhooks:\n  \n');
    const completion = ls.complete(user, { line: 3, character: 2 });
    const hoverAnswer = ls.hover(user, { line: 1, character: 1 });
    const parsed = cache.peek(user.uri);
    assert.ok(parsed, 'the user document is cached');
    const seen: string[] = [];
    const watching: LanguageService = {
      ...ls,
      complete: (d, p, c) => (seen.push(d.uri), ls.complete(d, p, c)),
    };
    const errors: unknown[] = [];
    await warmUp(
      () => false,
      (e) => errors.push(e),
      watching,
    );
    assert.deepEqual(errors, []);
    assert.deepEqual([...new Set(seen)], WARM_UP_SAMPLES.map((s) => s.uri), 'every sample was warmed');
    for (const s of WARM_UP_SAMPLES) assert.equal(cache.peek(s.uri), undefined, `${s.uri} is forgotten`);
    assert.equal(cache.peek(user.uri), parsed, "the user's parse is still the cached one");
    assert.deepEqual(ls.complete(user, { line: 3, character: 2 }), completion);
    assert.deepEqual(ls.hover(user, { line: 1, character: 1 }), hoverAnswer);
  });

  test('waits while the server is busy', async () => {
    let asked = 0;
    await warmUp(() => ++asked <= 3);
    assert.ok(asked >= 3 + WARM_UP_SAMPLES.length, `busy() asked ${asked} times`);
  });

  test('a failing sample is reported to onError, not thrown, and the rest still run', async () => {
    const ls = createLanguageService();
    const broken = {
      ...ls,
      complete: () => {
        throw new Error('boom');
      },
    };
    assert.throws(() => warmSample(broken, WARM_UP_SAMPLES[0]), /boom/);
    const errors: unknown[] = [];
    await warmUp(
      () => false,
      (e) => errors.push(e),
      broken,
    );
    assert.equal(errors.length, WARM_UP_SAMPLES.length);
    assert.match(String(errors[0]), /boom/);
  });
});
