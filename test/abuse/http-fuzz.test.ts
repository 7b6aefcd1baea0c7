/**
 * HTTP fuzz of the standalone endpoint with a fixed seed (fuzzRequests.ts): 5,000 random requests, a few at a
 * time. Invariants: every request is answered within 2 s; nothing answers 5xx (each request is either fine or a
 * client mistake); requests without this start's key, with a foreign Host or an Origin get 403; the endpoint's
 * peak resident memory stays under 300 MB; and after a restart the state file loads and holds every write the
 * endpoint acknowledged (applications created, objects stored).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCodeDeployApi } from '../../client/src/aws/sdkApi';
import { authHeader, startEndpointProcess, type EndpointProcess } from '../helpers/endpointProcess';
import { fuzzRequest, seeded, type FuzzRequest } from './fuzzRequests';
import { rawRequest, type RawAnswer } from './http';

const SEED = 20261206;
const REQUESTS = 5_000;
const PARALLEL = 4;
const ANSWER_MS = 2_000;
const MAX_RSS = 300 * 1024 * 1024;

async function send(ep: EndpointProcess, port: string, req: FuzzRequest): Promise<RawAnswer> {
  const auth = req.headers['x-fuzz-auth'];
  const headers: Record<string, string> = {
    host: auth === 'host' ? `rebind.example:${port}` : `127.0.0.1:${port}`,
    ...(auth === 'none' ? {} : authHeader(auth === 'wrong' ? 'LOCALWRONGKEY0000' : ep.accessKeyId)),
    ...req.headers,
  };
  delete headers['x-fuzz-auth'];
  return rawRequest(ep.url, { method: req.method, path: req.path, headers, body: req.body, timeoutMs: 10_000 });
}

describe('HTTP fuzz of the local endpoint', () => {
  it(`${REQUESTS} seeded requests: answered within 2 s, no 5xx, refusals, memory, acknowledged writes`, async () => {
    const ep = await startEndpointProcess({ args: ['--time-scale', '50'] });
    const port = new URL(ep.url).port;
    const rng = seeded(SEED);
    const requests = Array.from({ length: REQUESTS }, (_, i) => fuzzRequest(rng, i));
    const problems: string[] = [];
    const acknowledged: NonNullable<FuzzRequest['write']>[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    let slowest = 0;
    let cutOff = 0;
    let peak = 0;
    const worker = async () => {
      while (next < requests.length) {
        const i = next++;
        const req = requests[i];
        let answer: RawAnswer;
        try {
          answer = await send(ep, port, req);
        } catch (err) {
          // A body over the 1 MiB CodeDeploy limit may be cut off by the endpoint's early answer: the write then
          // fails (EPIPE/ECONNRESET) before the answer is read. Not a hang and not a 5xx: counted, not a problem.
          const cut = /EPIPE|ECONNRESET/.test((err as Error).message) && (req.body?.length ?? 0) > 1024 * 1024;
          if (cut) cutOff++;
          else problems.push(`#${i} ${req.label}: no answer (${(err as Error).message})`);
          continue;
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        slowest = Math.max(slowest, answer.ms);
        if (answer.ms > ANSWER_MS) problems.push(`#${i} ${req.label}: answered after ${answer.ms} ms`);
        if (answer.status >= 500) problems.push(`#${i} ${req.label}: ${answer.status} ${answer.body.slice(0, 200)}`);
        // A refused request gets 403, unless Node's HTTP parser already refused its framing (400, empty body).
        const parserRefused = answer.status === 400 && answer.body === '';
        if (req.refused && answer.status !== 403 && !parserRefused)
          problems.push(`#${i} ${req.label}: ${answer.status}, not 403`);
        if (req.write && answer.status === 200) acknowledged.push(req.write);
        if (i % 500 === 0) peak = Math.max(peak, ep.memory().peak);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    peak = Math.max(peak, ep.memory().peak);
    const summary = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.log(
      `fuzz: ${REQUESTS} requests (seed ${SEED}); statuses ${summary.join(' ')}; slowest ${slowest} ms; ` +
        `peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB; ${acknowledged.length} acknowledged writes; ` +
        `${cutOff} oversized bodies cut off by an early answer`,
    );
    assert.equal(await ep.stop(), 0, 'the endpoint stops cleanly after the run');
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
    assert.ok(peak === 0 || peak < MAX_RSS, `peak RSS ${peak} bytes`);
    assert.ok(acknowledged.length > 100, 'the run made acknowledged writes to check');

    // The state file loads after the run and holds every acknowledged write.
    const state = JSON.parse(fs.readFileSync(path.join(ep.dataDir, 'state.json'), 'utf8')) as {
      applications: { applicationName: string }[];
    };
    const names = new Set(state.applications.map((a) => a.applicationName));
    const again = await startEndpointProcess({ dataDir: ep.dataDir });
    const api = createCodeDeployApi(again.settings);
    try {
      assert.deepEqual(
        fs.readdirSync(ep.dataDir).filter((f) => f.startsWith('state.json.bad-')),
        [],
        'the restarted endpoint accepted its state file',
      );
      const listed = new Set(await api.listApplications());
      for (const w of acknowledged) {
        if (w.kind === 'application') {
          assert.ok(names.has(w.name), `${w.name} is in state.json`);
          assert.ok(listed.has(w.name), `${w.name} is listed after the restart`);
        } else {
          const head = await rawRequest(again.url, {
            method: 'HEAD',
            path: `/s3/${w.bucket}/${w.key}`,
            headers: { host: `127.0.0.1:${new URL(again.url).port}`, ...authHeader(again.accessKeyId, 's3') },
          });
          assert.equal(head.status, 200, `s3://${w.bucket}/${w.key} survives the restart`);
        }
      }
    } finally {
      api.dispose();
      await again.stop();
    }
  });
});
