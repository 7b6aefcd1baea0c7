/**
 * What activation loads, through the bundle the editor runs (dist/client.js, needs `npm run build`):
 * bench/activation.mjs requires it in a fresh node with a stub of `vscode` and calls activate().
 * Only dist/client.js may be loaded by activate(); the AWS SDK (client-aws.js), the local endpoint
 * (client-local.js), the engine (client-engine.js) and the hook runner (client-hooks.js) must still be
 * unloaded once the language client has started. No timings are asserted here (they live in `npm run bench`).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

test('activate() loads dist/client.js only; the AWS SDK, local endpoint and engine bundles stay unloaded', () => {
  assert.ok(existsSync(path.join(ROOT, 'dist', 'client.js')), 'run `npm run build` first');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'activation.mjs'), '--runs', '1'], {
    encoding: 'utf8',
    timeout: 60000,
  });
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout) as {
    error?: string;
    loaded_at_activation: string[];
    lazy_bundles_loaded: string[];
    vscode_api_touched: string[];
  };
  assert.equal(a.error, undefined);
  assert.deepEqual(a.loaded_at_activation, ['client.js']);
  assert.deepEqual(a.lazy_bundles_loaded, []);
  assert.ok(a.vscode_api_touched.includes('OutputChannel.info'), 'activate() ran to its end (it logs its time last)');
});
