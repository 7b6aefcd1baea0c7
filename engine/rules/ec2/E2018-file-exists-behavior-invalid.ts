import type { Fix, Rule } from '../../types';
import { findPair, isScalar, scalarString } from '../../ast';
import { closest, finding, replaceString, templated } from './util';
import { FILE_EXISTS_VALUES } from './names';

export const fileExistsBehaviorInvalid: Rule = {
  id: 'E2018',
  name: 'file-exists-behavior-invalid',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`file_exists_behavior` must be `DISALLOW`, `OVERWRITE` or `RETAIN`',
  doc:
    'The top-level `file_exists_behavior` decides what happens to files already at the destination that the previous ' +
    'deployment did not install: `DISALLOW` (fail, the default), `OVERWRITE` or `RETAIN`. The value is compared exactly, ' +
    'so `overwrite` or `Overwrite` fail the deployment with "invalid file_exists_behavior value". Use the upper-case value.',
  check(doc) {
    const pair = findPair(doc.root, 'file_exists_behavior');
    if (!pair || templated(pair.value)) return [];
    const value = pair.value;
    const text = scalarString(value);
    if (text !== undefined && (FILE_EXISTS_VALUES as readonly string[]).includes(text)) return [];
    if (!isScalar(value) || text === undefined) {
      return [
        finding(
          'E2018',
          '`file_exists_behavior` needs a value: `DISALLOW`, `OVERWRITE` or `RETAIN`.',
          isScalar(value) && value.range ? doc.rangeOf(value) : doc.keyRangeOf(pair),
        ),
      ];
    }
    const target = closest(text, FILE_EXISTS_VALUES);
    const fixes: Fix[] = target
      ? [{ title: `Change to \`${target}\``, edits: [replaceString(doc, value, target)], isPreferred: true }]
      : [];
    const caseOnly = target && target.toLowerCase() === text.toLowerCase();
    return [
      finding(
        'E2018',
        caseOnly
          ? `\`file_exists_behavior\` is case-sensitive: \`${text}\` fails the deployment. Did you mean \`${target}\`?`
          : `Invalid \`file_exists_behavior\` value \`${text}\`: use \`DISALLOW\`, \`OVERWRITE\` or \`RETAIN\`.${target ? ` Did you mean \`${target}\`?` : ''}`,
        doc.rangeOf(value),
        { fixes },
      ),
    ];
  },
};
