import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fileNameOf, isAppSpecFileName } from '../../../engine/fileNames';

test('the standard names count, in any letter case, as a name, a path or a URI', () => {
  for (const name of [
    'appspec.yml',
    'appspec.yaml',
    'appspec.json',
    'AppSpec.YML',
    '/srv/app/appspec.yml',
    'C:\\work\\app\\appspec.yaml',
    'file:///work/app/appspec.json',
    'file:///work/my%20app/appspec.yml?x=1#frag',
    'untitled:appspec.yml',
  ])
    assert.equal(isAppSpecFileName(name), true, name);
});

test('only the whole last segment counts: myappspec.yml, backups and folders named like one do not', () => {
  for (const name of [
    'myappspec.yml',
    '/srv/app/myappspec.yml',
    'file:///work/prod.appspec.yml',
    'appspec.yml.bak',
    'appspec.txt',
    '/srv/appspec.yml/readme.md',
    'file:///work/appspec.yml/',
    '',
  ])
    assert.equal(isAppSpecFileName(name), false, name);
});

test('fileNameOf: last segment of either separator, decoded, query and fragment cut', () => {
  assert.equal(fileNameOf('file:///a/b/my%20spec.yml?q#f'), 'my spec.yml');
  assert.equal(fileNameOf('C:\\a\\appspec.json'), 'appspec.json');
  assert.equal(fileNameOf('appspec.yml'), 'appspec.yml');
  assert.equal(fileNameOf('file:///a/b/'), '');
  assert.equal(fileNameOf('file:///a/%E0%A4%A.yml'), '%E0%A4%A.yml', 'a malformed escape is kept as written');
});
