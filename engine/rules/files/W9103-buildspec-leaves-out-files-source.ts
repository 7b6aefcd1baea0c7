import type { Finding, Rule } from '../../types';
import { bundleRelative, escapesRoot, filesEntries, valueRange } from '../ec2/util';
import { sourceStatOf } from '../ec2/workspace';
import { sideKeyRange } from './sideFile';
import { artifactsWithAppSpecAtRoot, buildspecOf, commandsMention, placedAt, takesBelow } from './buildspec';

export const buildspecLeavesOutFilesSource: Rule = {
  id: 'W9103',
  name: 'buildspec-leaves-out-files-source',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'workspace',
  title: "The buildspec's artifact would not hold a `files` source",
  doc:
    'When the `buildspec.yml` beside the AppSpec (or in a parent folder) builds the revision bundle, each ' +
    '`files[].source` must be in the artifact at that path relative to the AppSpec: a file taken by a `files` ' +
    'pattern, or a folder with something below it taken. Otherwise the install fails with "No such file or ' +
    'directory". `source: /` (the whole bundle) and sources with wildcards are not checked; a source that does not ' +
    'exist yet (built by the build) counts as taken when the artifact takes it either as a file or as a folder. ' +
    'Patterns this check cannot read for certain turn it off, and so does a build command that names the source or its ' +
    'first folder (it may copy it into place). Fix: add the source to `artifacts.files` ' +
    '(e.g. `build/**/*`).',
  check(doc, ctx) {
    const bs = buildspecOf(doc, ctx);
    if (!bs) return [];
    const carriers = artifactsWithAppSpecAtRoot(bs, ctx.fileName);
    if (!carriers.length) return [];
    const out: Finding[] = [];
    for (const entry of filesEntries(doc)) {
      if (entry.source === undefined || !entry.sourcePair) continue;
      const rel = bundleRelative(entry.source).replace(/\/+$/, '');
      if (rel === '' || escapesRoot(rel) || /[*?[\]{}$]/.test(rel)) continue;
      const st = sourceStatOf(doc, ctx, entry);
      const segs = rel.split('/').filter(Boolean);
      const path = [...bs.bundleDir, ...segs];
      const asFile = !st?.isDirectory && carriers.some((a) => placedAt(a, path)?.join('/') === segs.join('/'));
      const asFolder = !st?.isFile && carriers.some((a) => !a.discard && takesBelow(a, path));
      if (asFile || asFolder) continue;
      if (commandsMention(bs, segs[0]) || commandsMention(bs, segs[segs.length - 1])) continue; // the build may put it there
      out.push({
        ruleId: 'W9103',
        message: `\`source: ${entry.source}\` is not in the artifact of ${bs.name}${carriers.every((a) => a.discard) ? ' at that path (`discard-paths: yes` flattens folders)' : ': no `files` pattern takes it'}; the install fails with "No such file or directory".`,
        range: valueRange(doc, entry.sourcePair),
        related: carriers.map((a) => ({
          uri: bs.file.uri,
          range: sideKeyRange(bs.file, a.filesPair),
          message: `The files of ${a.label}.`,
        })),
      });
    }
    return out;
  },
};
