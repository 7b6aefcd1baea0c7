import type { Finding, Rule } from '../../types';
import { findPair, keyText, pairsOf } from '../../ast';
import { finding, isNullish } from './util';

export const hookEventEmpty: Rule = {
  id: 'W4005',
  name: 'hook-event-empty',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Lifecycle event with no scripts',
  doc:
    'An event with an empty value (`AfterInstall:`) runs nothing: either its scripts were forgotten or the line is a ' +
    'template leftover. Current agents skip it ("Ignore empty hooks"), but older agents crashed on a null event and ' +
    'the CodeDeploy template warns that blank event declarations may cause failures, hence a warning. An explicit ' +
    'empty list (`AfterInstall: []`) is clearly intended: I4016. Remove the event or add a script.',
  check(doc) {
    const out: Finding[] = [];
    for (const pair of pairsOf(findPair(doc.root, 'hooks')?.value)) {
      const value = pair.value;
      if (isNullish(value)) {
        out.push(
          finding(
            'W4005',
            `\`${keyText(pair)}\` is declared with no scripts; current agents skip it, but older agents failed on blank events. Remove it or add \`- location: …\`.`,
            doc.keyRangeOf(pair),
          ),
        );
      }
    }
    return out;
  },
};
