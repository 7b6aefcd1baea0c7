import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lambdaRules } from '../../../../engine/rules/lambda';
import { lambdaResourcesShape } from '../../../../engine/rules/lambda/E7001-resources-shape';
import { lambdaResourceType } from '../../../../engine/rules/lambda/E7002-resource-type';
import { lambdaRequiredProperties } from '../../../../engine/rules/lambda/E7003-required-properties';
import { lambdaCurrentVersionMissing } from '../../../../engine/rules/lambda/W7004-current-version-missing';
import { lambdaVersionFormat } from '../../../../engine/rules/lambda/E7005-version-format';
import { lambdaVersionPlaceholder } from '../../../../engine/rules/lambda/I7011-version-placeholder';
import { lambdaVersionNotString } from '../../../../engine/rules/lambda/I7006-version-not-string';
import { lambdaVersionsEqual } from '../../../../engine/rules/lambda/W7007-versions-equal';
import { lambdaFunctionName } from '../../../../engine/rules/lambda/E7008-function-name';
import { lambdaAliasName } from '../../../../engine/rules/lambda/E7009-alias-name';
import { fixAndRerun, fixture, line, none, one, run } from './helpers';

function lambda(props: string, name = 'orders'): string {
  return `version: 0.0\nResources:\n  - ${name}:\n      Type: AWS::Lambda::Function\n      Properties:\n${props}`;
}
const P = (o: Record<string, string>) =>
  Object.entries(o)
    .map(([k, v]) => `        ${k}: ${v}\n`)
    .join('');
const GOOD = { Name: 'orders', Alias: 'live', CurrentVersion: '"4"', TargetVersion: '"5"' };

test('every Lambda rule is quiet on the valid fixtures and on placeholders', () => {
  for (const rule of lambdaRules) {
    none(rule, fixture('lambda/valid.yml'));
    none(rule, fixture('lambda/valid.json'), 'appspec.json');
    none(
      rule,
      lambda(
        P({
          Name: '"${FUNCTION}"',
          Alias: '"{{ alias }}"',
          CurrentVersion: '"${CURRENT}"',
          TargetVersion: '<TARGET_VERSION>',
        }),
      ),
    );
  }
});

test('E7001 two functions, and misindented resource', () => {
  const text = lambda(P(GOOD)) + '  - other:\n      Type: AWS::Lambda::Function\n      Properties:\n' + P(GOOD);
  const f = one(lambdaResourcesShape, text);
  assert.match(f.message, /one Lambda function/);
  assert.equal(line(f), 9);
  const g = one(lambdaResourcesShape, lambda(P(GOOD)) + '    x:\n      Type: AWS::Lambda::Function\n');
  assert.match(g.message, /one resource; `x` is a second one/);
});

test('E7002 wrong and missing Type', () => {
  const f = one(
    lambdaResourceType,
    lambda(P(GOOD)).replace('AWS::Lambda::Function', 'AWS::Lambda::Alias') +
      '  - x:\n      Type: AWS::Lambda::Function\n',
  );
  assert.match(f.message, /`Type` is 'AWS::Lambda::Alias'; did you mean `AWS::Lambda::Function`/);
  assert.equal(line(f), 3);
  const json = '{"Resources": [{"fn": {"Type": "AWS::lambda::function", "Properties": {"Name": "fn"}}}]}';
  const r = fixAndRerun(lambdaResourceType, json, 'appspec.json');
  assert.deepEqual(r.after, []);
  assert.equal(JSON.parse(r.fixed).Resources[0].fn.Type, 'AWS::Lambda::Function');
});

test('E7003 missing Name/Alias/TargetVersion with insert fixes', () => {
  const text = lambda(P({ Alias: 'live', CurrentVersion: '"1"', TargetVersion: '"2"' }));
  const f = one(lambdaRequiredProperties, text);
  assert.match(f.message, /no `Name`/);
  assert.equal(line(f), 4);
  const { fixed, after } = fixAndRerun(lambdaRequiredProperties, text);
  assert.deepEqual(after, []);
  assert.match(fixed, /Name: "orders"/, 'the resource name is used as the function name');
  const found = run(lambdaRequiredProperties, lambda(P({ CurrentVersion: '"1"' })));
  assert.deepEqual(
    found.map((x) => x.message.match(/no `(\w+)`/)?.[1]),
    ['Name', 'Alias', 'TargetVersion'],
  );
  const empty = one(lambdaRequiredProperties, lambda(P({ ...GOOD, Alias: '""' })));
  assert.match(empty.message, /`Alias` is empty/);
  assert.equal(line(empty), 6);
  const json =
    '{\n "Resources": [{"fn": {"Type": "AWS::Lambda::Function", "Properties": {"Name": "fn", "Alias": "live"}}}]\n}';
  const r = fixAndRerun(lambdaRequiredProperties, json, 'appspec.json');
  assert.deepEqual(r.after, []);
  assert.equal(JSON.parse(r.fixed).Resources[0].fn.Properties.TargetVersion, '<TARGET_VERSION>');
});

test('W7004 CurrentVersion missing', () => {
  const text = lambda(P({ Name: 'orders', Alias: 'live', TargetVersion: '"2"' }));
  const f = one(lambdaCurrentVersionMissing, text);
  assert.match(f.message, /no `CurrentVersion`/);
  assert.equal(line(f), 4);
  assert.deepEqual(fixAndRerun(lambdaCurrentVersionMissing, text).after, []);
  none(lambdaCurrentVersionMissing, lambda(P(GOOD)));
});

test('E7005 version format', () => {
  const cases: [string, RegExp][] = [
    ['$LATEST', /published versions/],
    ['"0"', /start at 1/],
    ['1.0', /whole number written without decimals.*"1"/],
    ['"02"', /"2"/],
    ['-3', /positive whole number/],
    ['"v2"', /positive whole number/],
    ['!GetAtt Orders.Version', /CloudFormation function `!GetAtt`/],
    ['""', /is empty; it must be a published version/],
  ];
  for (const [value, re] of cases) {
    const f = one(lambdaVersionFormat, lambda(P({ ...GOOD, CurrentVersion: value })));
    assert.match(f.message, re, value);
    assert.equal(line(f), 7, value);
  }
  none(lambdaVersionFormat, lambda(P({ ...GOOD, CurrentVersion: 'CURRENT_VERSION' })));
  const word = one(lambdaVersionPlaceholder, lambda(P({ ...GOOD, CurrentVersion: 'CURRENT_VERSION' })));
  assert.match(word.message, /placeholder/);
  none(lambdaVersionPlaceholder, lambda(P({ ...GOOD, CurrentVersion: '$LATEST' })));
  const text = lambda(P({ ...GOOD, TargetVersion: '5.0' }));
  const { fixed, after } = fixAndRerun(lambdaVersionFormat, text);
  assert.deepEqual(after, []);
  assert.match(fixed, /TargetVersion: "5"/);
  none(lambdaVersionFormat, lambda(P({ ...GOOD, CurrentVersion: '4' })));
  // An unquoted `04` is the number 4 for every YAML parser: only I7006 (quote it) applies.
  none(lambdaVersionFormat, lambda(P({ ...GOOD, CurrentVersion: '04' })));
  const q = fixAndRerun(lambdaVersionNotString, lambda(P({ ...GOOD, CurrentVersion: '04' })));
  assert.match(q.fixed, /CurrentVersion: "4"/);
  assert.deepEqual(run(lambdaVersionFormat, q.fixed), []);
});

test('I7006 unquoted version numbers get a quote fix (YAML and JSON)', () => {
  const text = lambda(P({ ...GOOD, TargetVersion: '5' }));
  const f = one(lambdaVersionNotString, text);
  assert.match(f.message, /the number 5.*"5"/);
  assert.equal(line(f), 8);
  assert.deepEqual(fixAndRerun(lambdaVersionNotString, text).after, []);
  const json = fixture('lambda/valid.json').replace('"CurrentVersion": "3"', '"CurrentVersion": 3');
  const g = one(lambdaVersionNotString, json, 'appspec.json');
  assert.equal(line(g), 9);
  const r = fixAndRerun(lambdaVersionNotString, json, 'appspec.json');
  assert.deepEqual(r.after, []);
  assert.equal(JSON.parse(r.fixed).Resources[0].thumbnailer.Properties.CurrentVersion, '3');
});

test('W7007 same versions; roll-back direction is fine', () => {
  const f = one(lambdaVersionsEqual, lambda(P({ ...GOOD, CurrentVersion: '"5"' })));
  assert.match(f.message, /equals `CurrentVersion` \(5\)/);
  assert.equal(line(f), 8);
  assert.equal(f.related?.[0].range.start.line, 7);
  one(lambdaVersionsEqual, lambda(P({ ...GOOD, CurrentVersion: '5' })));
  none(lambdaVersionsEqual, lambda(P({ ...GOOD, CurrentVersion: '"9"' })));
});

test('E7008 function names: names, qualified names and ARNs pass; others fail', () => {
  for (const name of [
    'orders',
    'Orders_v2-api',
    'orders:live',
    '111122223333:function:orders',
    'arn:aws:lambda:us-east-1:111122223333:function:orders',
    'arn:aws-us-gov:lambda:us-gov-west-1:111122223333:function:orders:7',
    'name-of-lambda-function-to-deploy',
  ]) {
    none(lambdaFunctionName, lambda(P({ ...GOOD, Name: `"${name}"` })));
  }
  const cases: [string, RegExp][] = [
    ['"orders api"', /whitespace/],
    ['"arn:aws:s3:::bucket"', /another service/],
    ['"a/b"', /not a function name/],
    [`"${'x'.repeat(65)}"`, /longer than 64/],
  ];
  for (const [value, re] of cases) {
    const f = one(lambdaFunctionName, lambda(P({ ...GOOD, Name: value })));
    assert.match(f.message, re, value);
    assert.equal(line(f), 5);
  }
});

test('E7009 alias names', () => {
  none(lambdaAliasName, lambda(P({ ...GOOD, Alias: 'prod_v2-blue' })));
  const digits = one(lambdaAliasName, lambda(P({ ...GOOD, Alias: '"2"' })));
  assert.match(digits.message, /all digits/);
  assert.equal(line(digits), 6);
  const num = one(lambdaAliasName, lambda(P({ ...GOOD, Alias: '7' })));
  assert.match(num.message, /all digits/);
  const latest = one(lambdaAliasName, lambda(P({ ...GOOD, Alias: '$LATEST' })));
  assert.match(latest.message, /version, not an alias/);
  const dot = one(lambdaAliasName, lambda(P({ ...GOOD, Alias: 'live.v2' })));
  assert.match(dot.message, /only letters, digits/);
});

test('the invalid Lambda fixture is flagged by the expected rules', () => {
  const text = fixture('lambda/invalid-many.yml');
  const ids = lambdaRules.flatMap((r) => run(r, text).map((f) => f.ruleId));
  for (const id of ['E7005', 'E7008', 'E7009', 'E7010']) assert.ok(ids.includes(id), `${id} in ${ids.join(',')}`);
});
