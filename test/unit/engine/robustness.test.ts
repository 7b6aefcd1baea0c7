import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lintText } from '../../../engine/lint';

const SAMPLES = [
  'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\npermissions:\n  - object: /srv\n    pattern: "**"\n    mode: 755\n    type: [file]\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 60\n',
  'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: x\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\nHooks:\n  - BeforeInstall: fn\n',
  '{"version": 0.0, "Resources": [{"f": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "a", "Alias": "b", "CurrentVersion": "1", "TargetVersion": "2"}}}], "Hooks": [{"BeforeAllowTraffic": "h"}]}',
];
const JUNK = [
  '\t',
  ':',
  '- ',
  '*',
  '&a ',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  '\n',
  '\r\n',
  '\\',
  '#',
  '!tag ',
  '\uFEFF',
  '%YAML 1.1\n',
  '---\n',
  '? ',
  '|',
  '>',
];

/** Deterministic pseudo-random numbers (no flakiness). */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

test('mutated AppSpecs never make lint throw, and every finding has a sane range', () => {
  const rand = rng(42);
  for (let i = 0; i < 400; i++) {
    const base = SAMPLES[i % SAMPLES.length];
    let text = base;
    const edits = 1 + Math.floor(rand() * 4);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(rand() * (text.length + 1));
      if (rand() < 0.5) text = text.slice(0, at) + JUNK[Math.floor(rand() * JUNK.length)] + text.slice(at);
      else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 5));
    }
    const name = base.startsWith('{') ? 'appspec.json' : 'appspec.yml';
    const out = lintText(text, { fileName: name });
    const lines = text.split(/\r\n|\r|\n/).length;
    for (const d of out) {
      assert.ok(
        d.range.start.line >= 0 && d.range.end.line < lines,
        `${d.ruleId} out of range in ${JSON.stringify(text)}`,
      );
      assert.ok(d.message.length > 0);
    }
  }
});
