import type { Finding, Rule } from '../../types';
import { findPair, isSeq, keyText, pairsOf } from '../../ast';
import { finding } from './util';

export const hookEventEmptyList: Rule = {
  id: 'I4016',
  name: 'hook-event-empty-list',
  severity: 'info',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Lifecycle event with an explicit empty script list',
  doc:
    'An event written as an empty list (`AfterInstall: []`) runs nothing. Both agents accept it and the intent is ' +
    'clear, so this is only information (a blank `AfterInstall:` is W4005, because older agents failed on it). ' +
    'Remove the event, or add `- location: …` entries.',
  check(doc) {
    const out: Finding[] = [];
    for (const pair of pairsOf(findPair(doc.root, 'hooks')?.value)) {
      if (isSeq(pair.value) && pair.value.items.length === 0)
        out.push(
          finding('I4016', `\`${keyText(pair)}\` has an empty script list and runs nothing.`, doc.keyRangeOf(pair)),
        );
    }
    return out;
  },
};
