import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/languageService';
import { caret, doc } from './util';

const ls = createLanguageService();
function hoverText(marked: string, uri = 'file:///w/appspec.yml'): string | undefined {
  const { text, position } = caret(marked);
  const h: Hover | null = ls.hover(doc(uri, text), position);
  return h ? (h.contents as MarkupContent).value : undefined;
}

describe('hover', () => {
  const EC2 =
    'version: 0.0\nos: linux\nhooks:\n  Applica|tionStop:\n    - location: scripts/stop.sh\n      timeout: 60\n';

  test('ApplicationStop: order, deployment types, previous revision, AWS link', () => {
    const md = hoverText(EC2)!;
    assert.ok(md, 'a hover');
    assert.match(md, /\*\*ApplicationStop\*\*/);
    assert.match(md, /Runs 3rd of the 9 events/);
    assert.match(md, /in-place & blue\/green/);
    assert.match(md, /previous successful revision/);
    assert.match(md, /In-place order: .*BeforeBlockTraffic.*\*\*ApplicationStop\*\*.*AfterAllowTraffic/);
    assert.match(
      md,
      /https:\/\/docs\.aws\.amazon\.com\/codedeploy\/latest\/userguide\/reference-appspec-file-structure-hooks\.html/,
    );
  });

  test('BeforeInstall runs the current revision', () => {
    const md = hoverText(EC2.replace('Applica|tionStop', 'Before|Install'))!;
    assert.match(md, /revision being deployed/);
    assert.doesNotMatch(md, /previous successful revision\*\*, not/);
  });

  test('keys: type, limits and the page', () => {
    const md = hoverText(EC2.replace('Applica|tionStop', 'ApplicationStop').replace('timeout: 60', 'time|out: 60'))!;
    assert.match(md, /\*\*timeout\*\* · optional · number/);
    assert.match(md, /3600/);
    const files = hoverText('version: 0.0\nos: linux\nfi|les:\n  - source: /\n    destination: /srv\n')!;
    assert.match(files, /reference-appspec-file-structure-files\.html/);
  });

  test('enum values', () => {
    const md = hoverText('version: 0.0\nos: linux\nfile_exists_behavior: OVER|WRITE\n')!;
    assert.match(md, /\*\*OVERWRITE\*\* · value of `file_exists_behavior`/);
    assert.match(md, /replaces/);
  });

  test('ECS and Lambda hooks and keys (any key case), JSON too', () => {
    const ecs =
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: x\nHooks:\n  - AfterAllow|TestTraffic: fn\n';
    assert.match(hoverText(ecs)!, /Runs 3rd of the 5 events.*blue\/green/);
    const lower =
      'version: 0.0\nresources:\n  - TargetService:\n      type: AWS::ECS::Service\n      properties:\n        taskDef|inition: x\n';
    assert.match(hoverText(lower)!, /\*\*TaskDefinition\*\* · required/);
    const json =
      '{"version": 0.0, "Resources": [{"fn": {"Type": "AWS::Lambda::Function"}}], "Hooks": [{"AfterAllow|Traffic": "f"}]}';
    assert.match(hoverText(json, 'file:///w/appspec.json')!, /AWS Lambda lifecycle event[\s\S]*Runs 2nd of the 2/);
  });

  test('nothing on unknown keys or outside the tree', () => {
    assert.equal(hoverText('version: 0.0\nos: linux\nmyk|ey: 1\n'), undefined);
    assert.equal(hoverText('|'), undefined);
  });
});

describe('code lenses', () => {
  test('one per hook event, per platform', () => {
    const ec2 =
      'version: 0.0\nos: linux\nhooks:\n  BeforeInstall:\n    - location: a.sh\n  ValidateService:\n    - location: b.sh\n  Bogus:\n    - location: c.sh\n';
    const titles = ls.codeLenses(doc('file:///w/appspec.yml', ec2)).map((l) => l.command?.title);
    assert.deepEqual(titles, [
      'run order: BeforeInstall → ValidateService',
      'runs 4th of 9 · in-place & blue/green (replacement instances)',
      'runs 7th of 9 · in-place & blue/green (replacement instances)',
    ]);
    const lambda =
      'version: 0.0\nResources:\n  - fn:\n      Type: AWS::Lambda::Function\nHooks:\n  - AfterAllowTraffic: f\n';
    assert.deepEqual(
      ls.codeLenses(doc('file:///w/appspec.yml', lambda)).map((l) => l.command?.title),
      ['runs 2nd of 2 · traffic shifting'],
    );
    const [lens] = ls.codeLenses(doc('file:///w/appspec.yml', lambda));
    assert.deepEqual(lens.range.start, { line: 5, character: 4 });
  });

  test('the section lens lists the hooks in run order, not in written order', () => {
    const ecs =
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\nHooks:\n  - AfterAllowTraffic: c\n  - BeforeInstall: a\n  - AfterAllowTestTraffic: b\n';
    const [section] = ls.codeLenses(doc('file:///w/appspec.yml', ecs));
    assert.equal(section.command?.title, 'run order: BeforeInstall → AfterAllowTestTraffic → AfterAllowTraffic');
    assert.deepEqual(section.range.start, { line: 4, character: 0 });
  });
});
