import type { Finding, Rule } from '../../types';
import { findPair, isSeq } from '../../ast';
import { bundleRelative, filesEntries, finding, normalizePosix, permissionEntries, valueRange } from './util';
import { sourceStatOf } from './workspace';

export const permissionFileObjectPattern: Rule = {
  id: 'E3010',
  name: 'permission-file-object-pattern',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'workspace',
  title: '`pattern`/`except` on a permission whose `object` is a single installed file',
  doc:
    'When `object` is one file installed by `files` and `type` includes `file`, `pattern` must be `**` (or absent) and ' +
    '`except` empty; otherwise the install fails ("includes an object … with an invalid pattern" / "except parameter … ' +
    'contains an invalid format"). Remove `pattern`/`except`, or point `object` at the folder. Reported only when the ' +
    'workspace shows that the `source` is a file.',
  check(doc, ctx) {
    if (!ctx.fs || !ctx.bundleRoot) return [];
    const installedFiles = new Set<string>();
    for (const f of filesEntries(doc)) {
      if (f.source === undefined || f.destination === undefined || !f.destination.startsWith('/')) continue;
      const rel = bundleRelative(f.source);
      if (rel === '' || !sourceStatOf(doc, ctx, f)?.isFile) continue;
      installedFiles.add(normalizePosix(`${f.destination}/${rel.split('/').pop()}`));
    }
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      if (!entry.object || !entry.objectPair || !installedFiles.has(normalizePosix(entry.object))) continue;
      if (entry.types && !entry.types.includes('file')) continue;
      const patternPair = findPair(entry.map, 'pattern');
      if (entry.pattern !== undefined && entry.pattern !== '**' && patternPair) {
        out.push(
          finding(
            'E3010',
            `\`object: ${entry.object}\` is a single installed file, so \`pattern\` must be \`**\` or absent; the deployment fails with "an invalid pattern".`,
            valueRange(doc, patternPair),
          ),
        );
      }
      const exceptPair = findPair(entry.map, 'except');
      if (exceptPair && isSeq(exceptPair.value) && exceptPair.value.items.length > 0) {
        out.push(
          finding(
            'E3010',
            `\`object: ${entry.object}\` is a single installed file, so \`except\` must be empty; the deployment fails with "except parameter … contains an invalid format".`,
            doc.rangeOf(exceptPair.value),
          ),
        );
      }
    }
    return out;
  },
};
