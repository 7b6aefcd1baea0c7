/**
 * Incremental re-parsing must be indistinguishable from a full parse: for thousands of random edits
 * (fixed seed), whenever `reparseAppSpec` answers, its tree equals the full parse of the new text
 * node for node (kind, value, quoting, tag, ranges), and a `trivia` answer keeps every line and column.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentCache, parseAppSpec, reparseAppSpec } from '../../../engine/document';
import { diffTexts } from '../../../engine/incremental';
import { dumpTree } from '../../helpers/yamlTree';
import { prng } from '../../helpers/fuzzCases';

const EC2 = `version: 0.0
os: linux
# files first
files:
  - source: /dist
    destination: /var/www/app   # web root
  - source: config/app.env
    destination: /etc/app
file_exists_behavior: OVERWRITE
permissions:
  - object: /var/www/app
    pattern: "**"
    except: [a.txt, "b c.txt"]
    owner: app
    mode: 755
    type:
      - directory
hooks:
  BeforeInstall:
    - location: scripts/before.sh
      timeout: 120

    # a comment between entries
    - location: 'scripts/other.sh'
      runas: root
  AfterInstall:
    - location: scripts/after.sh
      timeout: 300
  ApplicationStart:
  - location: scripts/start.sh
    timeout: 60
notes: |
  keep this
    indented # not a comment

  last line
tail: >-
  folded
  text
`;

const ECS = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "arn:aws:ecs:eu-west-1:111122223333:task-definition/web:12"
        LoadBalancerInfo:
          ContainerName: "web"
          ContainerPort: 8080
        NetworkConfiguration:
          AwsvpcConfiguration:
            Subnets: ["subnet-1234abcd",
              "subnet-5678efgh"]
            AssignPublicIp: "DISABLED"
Hooks:
  - BeforeInstall: "CodeDeployHook_BeforeInstall"
  - AfterAllowTraffic: "CodeDeployHook_AfterAllow"
`;

const SNIPPETS = [
  '#',
  ' ',
  '\n',
  '- ',
  ': ',
  'x',
  '"',
  "'",
  '|',
  '>',
  '&a ',
  '*a',
  '\t',
  '  - source: new\n',
  'key: v\n',
  '[',
  ']',
  '{',
  '}',
  '---\n',
  '9',
];

const dump = dumpTree;

function mutate(text: string, random: () => number): string {
  const pos = Math.floor(random() * (text.length + 1));
  const roll = random();
  if (roll < 0.45) return text.slice(0, pos) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + text.slice(pos);
  if (roll < 0.75) return text.slice(0, pos) + text.slice(Math.min(text.length, pos + 1 + Math.floor(random() * 6)));
  if (roll < 0.9) return text + '#';
  // Replace one character with a letter (retypes values, breaks keys).
  return text.slice(0, pos) + 'q' + text.slice(pos + 1);
}

function checkEquivalence(seed: number, base: string, name: string, rounds: number) {
  const random = prng(seed);
  let answered = 0;
  let trivia = 0;
  for (let i = 0; i < rounds; i++) {
    const oldText = i % 5 === 0 ? base : mutate(base, random);
    const newText = mutate(oldText, random);
    const prev = parseAppSpec(`file:///w/${name}`, oldText, 1);
    const prevLines = dump(prev, true);
    const next = reparseAppSpec(prev, newText, 2);
    if (!next) continue;
    answered++;
    const full = parseAppSpec(`file:///w/${name}`, newText, 2);
    const what = `seed ${seed} case ${i}: ${JSON.stringify(diffTexts(oldText, newText))}\n--- old\n${oldText}\n--- new\n${newText}`;
    assert.deepEqual(full.syntaxErrors, [], `incremental answered for text with syntax problems, ${what}`);
    assert.deepEqual(dump(next), dump(full), what);
    assert.deepEqual(next.platform, full.platform, what);
    assert.equal(next.lines.lineCount, full.lines.lineCount);
    if (next.incremental?.trivia) {
      trivia++;
      assert.deepEqual(dump(next, true), prevLines, `trivia edit moved a node, ${what}`);
    }
  }
  return { answered, trivia };
}

test('incremental parse equals a full parse on random edits of an EC2 AppSpec', () => {
  const r = checkEquivalence(7, EC2, 'appspec.yml', 2000);
  // The edits are random, so many fall back to a full parse; a good share must still be incremental.
  assert.ok(r.answered > 400, `only ${r.answered} incremental answers`);
  assert.ok(r.trivia > 30, `only ${r.trivia} trivia answers`);
});

test('incremental parse equals a full parse on random edits of an ECS AppSpec (flow lists, compact items)', () => {
  const r = checkEquivalence(11, ECS, 'appspec.yaml', 2000);
  assert.ok(r.answered > 300, `only ${r.answered} incremental answers`);
});

test('a chain of incremental parses stays equal to a full parse', () => {
  const random = prng(3);
  let text = EC2;
  let doc = parseAppSpec('file:///w/appspec.yml', text, 1);
  let incremental = 0;
  for (let v = 2; v < 400; v++) {
    const next = mutate(text, random);
    const re = reparseAppSpec(doc, next, v);
    doc = re ?? parseAppSpec('file:///w/appspec.yml', next, v);
    if (re) incremental++;
    text = next;
    const full = parseAppSpec('file:///w/appspec.yml', text, v);
    assert.deepEqual(dump(doc), dump(full), `version ${v}`);
    assert.deepEqual(doc.syntaxErrors, full.syntaxErrors);
    // Keep the text from drifting into one long broken document.
    if (full.syntaxErrors.length && random() < 0.5) {
      text = EC2;
      doc = parseAppSpec('file:///w/appspec.yml', text, v);
    }
  }
  assert.ok(incremental > 50, `only ${incremental} incremental steps`);
});

test('appending a comment at the end is a trivia edit; changing a value or adding a line is not', () => {
  const prev = parseAppSpec('file:///w/appspec.yml', EC2, 1);
  const comment = reparseAppSpec(prev, EC2 + '#', 2);
  assert.deepEqual(comment?.incremental, { fromVersion: 1, trivia: true });

  const prev2 = parseAppSpec('file:///w/appspec.yml', EC2, 1);
  const value = reparseAppSpec(prev2, EC2.replace('timeout: 300', 'timeout: 301'), 2);
  assert.deepEqual(value?.incremental, { fromVersion: 1, trivia: false });
  const at = value?.text.indexOf('timeout: 301') ?? -1;
  const node = (value?.yaml?.getIn(['hooks', 'AfterInstall', 0, 'timeout'], true) as { range: number[] }).range;
  assert.equal(node[0], at + 'timeout: '.length);

  const prev3 = parseAppSpec('file:///w/appspec.yml', EC2, 1);
  const added = EC2.replace(
    '    # a comment between entries\n',
    '    # a comment between entries\n    # and another\n',
  );
  const moved = reparseAppSpec(prev3, added, 2);
  assert.equal(moved?.incremental?.trivia, false, 'a new line moves everything below it');
});

test('edits the splice cannot prove equivalent fall back to a full parse', () => {
  const fresh = () => parseAppSpec('file:///w/appspec.yml', EC2, 1);
  // A line pushed out of its entry, an anchor, a second document, an unterminated quote: all need the full parser.
  assert.equal(reparseAppSpec(fresh(), EC2.replace('      timeout: 120', 'timeout: 120'), 2), undefined);
  assert.equal(reparseAppSpec(fresh(), EC2.replace('timeout: 300', 'timeout: &t 300'), 2), undefined);
  assert.equal(reparseAppSpec(fresh(), EC2 + '---\nos: windows\n', 2), undefined);
  assert.equal(reparseAppSpec(fresh(), EC2.replace('scripts/after.sh', '"scripts/after.sh'), 2), undefined);
  // A broken previous version never donates its tree.
  const broken = parseAppSpec('file:///w/appspec.yml', EC2.replace('files:', 'files: ['), 1);
  assert.equal(reparseAppSpec(broken, EC2, 2), undefined);
});

test('a new entry typed after an existing one is spliced in as a sibling', () => {
  const text = EC2.replace('os: linux', 'os: linux\nextra: 1').replace(
    '      timeout: 300\n',
    '      timeout: 300\n    - location: scripts/third.sh\n',
  );
  const prev = parseAppSpec('file:///w/appspec.yml', EC2.replace('os: linux', 'os: linux\nextra: 1'), 1);
  const next = reparseAppSpec(prev, text, 2);
  assert.ok(next, 'answered incrementally');
  assert.deepEqual(dump(next), dump(parseAppSpec('file:///w/appspec.yml', text, 2)));
  assert.equal(next.yaml?.getIn(['hooks', 'AfterInstall', 1, 'location']), 'scripts/third.sh');
  const top = parseAppSpec('file:///w/appspec.yml', EC2, 1);
  const withKey = reparseAppSpec(top, EC2.replace('os: linux', 'os: linux\nextra: 1'), 2);
  assert.ok(withKey, 'a new top-level key after `os` is answered incrementally');
  assert.equal(withKey.yaml?.get('extra'), 1);
});

test('the document cache reuses the previous tree and still answers the newest text', () => {
  const cache = new DocumentCache(4);
  const v1 = cache.get('file:///w/appspec.yml', EC2, 1);
  assert.equal(v1.incremental, undefined);
  const text2 = EC2.replace('/etc/app', '/etc/app2');
  const v2 = cache.get('file:///w/appspec.yml', text2, 2);
  assert.equal(v2.incremental?.fromVersion, 1);
  assert.notEqual(v2, v1, 'a new document object, so per-document caches start fresh');
  assert.equal(v2.yaml, v1.yaml, 'the tree is taken over, not copied');
  assert.equal(v2.yaml?.getIn(['files', 1, 'destination']), '/etc/app2');
  assert.deepEqual(dump(v2), dump(parseAppSpec('file:///w/appspec.yml', text2, 2)));
});

test('diffTexts finds the changed span, also across its block-sized fast path', () => {
  const big = 'a'.repeat(10_000) + 'MIDDLE' + 'b'.repeat(9_000);
  assert.deepEqual(diffTexts(big, big), { start: big.length, oldEnd: big.length, newEnd: big.length });
  assert.deepEqual(diffTexts(big, big.replace('MIDDLE', 'MID')), { start: 10_003, oldEnd: 10_006, newEnd: 10_003 });
  assert.deepEqual(diffTexts(big, big + '#'), { start: big.length, oldEnd: big.length, newEnd: big.length + 1 });
  assert.deepEqual(diffTexts('x' + big, big), { start: 0, oldEnd: 1, newEnd: 0 });
  // Repeated text: the change is reported once, at the first difference.
  assert.deepEqual(diffTexts('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
  const random = prng(5);
  for (let i = 0; i < 300; i++) {
    const base = Array.from({ length: 9000 }, () => 'ab\n'[Math.floor(random() * 3)]).join('');
    const at = Math.floor(random() * base.length);
    const next = base.slice(0, at) + 'XY' + base.slice(at + Math.floor(random() * 5));
    const d = diffTexts(base, next);
    assert.equal(base.slice(0, d.start) + next.slice(d.start, d.newEnd) + base.slice(d.oldEnd), next);
    assert.equal(base.length - d.oldEnd, next.length - d.newEnd, 'the same suffix');
  }
});
