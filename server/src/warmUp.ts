/**
 * Warm-up: runs completion and hover over tiny built-in AppSpecs (EC2, ECS, Lambda, JSON, empty)
 * while the server is idle after `initialized`. Measured before: the first completion after start
 * took 8-18 ms against ~0.5 ms for the next ones, all of it lazy compilation of the parser,
 * the cursor-context and catalog code; the first hover likewise.
 *
 * It uses a language service of its own with no file system: nothing is read from disk, nothing
 * is sent to the client, and the caches of the user's documents are untouched. Each sample is
 * one step scheduled with setImmediate, and a step waits while the server is busy (a validation
 * running), so a request that arrives meanwhile is answered first.
 */
import { createLanguageService, type LanguageService, type TextDocumentLike } from './languageService';

const EC2 = `version: 0.0
os: linux
files:
  - source: app
    destination: /srv/app
file_exists_behavior: OVERWRITE
permissions:
  - object: /srv/app
    owner: app
    mode: 644
    type:
      - file
hooks:
  BeforeInstall:
    - location: scripts/install.sh
      timeout: 30
      runas: root
  ValidateService:
    - location: scripts/check.sh
`;

const ECS = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: "arn:aws:ecs:us-east-1:111111111111:task-definition/t:1"
        LoadBalancerInfo:
          ContainerName: "c"
          ContainerPort: 80
Hooks:
  - AfterAllowTestTraffic: "check"
`;

const LAMBDA = `version: 0.0
Resources:
  - fn:
      Type: AWS::Lambda::Function
      Properties:
        Name: "fn"
        Alias: "live"
        CurrentVersion: "1"
        TargetVersion: "2"
Hooks:
  - BeforeAllowTraffic: "pre"
`;

const JSON_EC2 = `{
  "version": 0.0,
  "os": "linux",
  "hooks": {
    "AfterInstall": [{ "location": "scripts/a.sh", "timeout": 10 }]
  }
}
`;

/** Built-in samples: untitled URIs, so no bundle folder is ever derived from them. */
export const WARM_UP_SAMPLES: { uri: string; text: string }[] = [
  { uri: 'untitled:warm-up/ec2/appspec.yml', text: EC2 },
  { uri: 'untitled:warm-up/ecs/appspec.yml', text: ECS },
  { uri: 'untitled:warm-up/lambda/appspec.yml', text: LAMBDA },
  { uri: 'untitled:warm-up/json/appspec.json', text: JSON_EC2 },
  { uri: 'untitled:warm-up/empty/appspec.yml', text: '' },
];

/** Completion at the end of every line, hover on each key and value: what an editor asks for. */
export function warmSample(service: LanguageService, sample: { uri: string; text: string }): void {
  const doc: TextDocumentLike = { uri: sample.uri, version: 1, getText: () => sample.text };
  const lines = sample.text.split('\n');
  lines.forEach((line, i) => {
    service.complete(doc, { line: i, character: line.length });
    service.complete(doc, { line: i, character: line.length }, { triggerCharacter: ':' });
    const key = line.search(/\S/);
    if (key >= 0) service.hover(doc, { line: i, character: key + 1 });
    const colon = line.indexOf(': ');
    if (colon > 0) service.hover(doc, { line: i, character: colon + 3 });
  });
}

/**
 * Warms the samples one step at a time while `busy()` is false. Resolves when done; errors are
 * swallowed (a warm-up failure must never affect the server) and passed to `onError`.
 */
export function warmUp(
  busy: () => boolean,
  onError: (err: unknown) => void = () => {},
  service: LanguageService = createLanguageService({}),
): Promise<void> {
  const queue = [...WARM_UP_SAMPLES];
  return new Promise((resolve) => {
    const step = () => {
      if (queue.length === 0) return resolve();
      if (busy()) {
        setTimeout(step, 20);
        return;
      }
      const sample = queue.shift() as { uri: string; text: string };
      try {
        warmSample(service, sample);
      } catch (err) {
        onError(err);
      }
      service.forget(sample.uri);
      setImmediate(step);
    };
    setImmediate(step);
  });
}
