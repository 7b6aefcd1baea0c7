import type { Finding, Rule } from '../../types';
import { filesEntries, finding, osOf, valueRange } from './util';

const MAX_PATH = 260;

export const filesWindowsLongPath: Rule = {
  id: 'W2021',
  name: 'files-windows-long-path',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Windows `files` path longer than 260 characters',
  doc:
    'On Windows instances, paths longer than 260 characters fail with "No such file or directory @ dir_s_mkdir" unless ' +
    'long paths are enabled (`LongPathsEnabled`, agent 1.4.0 or later). Only the destination text itself is measured; ' +
    'files below it make the real paths longer still. Shorten the path or enable long paths on the instances.',
  check(doc) {
    if (osOf(doc) !== 'windows') return [];
    const out: Finding[] = [];
    for (const entry of filesEntries(doc)) {
      if (entry.destination === undefined || !entry.destPair || entry.destination.length <= MAX_PATH) continue;
      out.push(
        finding(
          'W2021',
          `\`destination\` is ${entry.destination.length} characters long; Windows paths over ${MAX_PATH} characters fail unless long paths are enabled on the instance.`,
          valueRange(doc, entry.destPair),
        ),
      );
    }
    return out;
  },
};
