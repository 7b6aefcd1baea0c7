import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { allRules } from '../../engine/rules';

test('rule IDs are unique and well-formed', () => {
  const ids = allRules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[EWI]\d{4}$/);
});
