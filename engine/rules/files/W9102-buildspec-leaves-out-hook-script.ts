import type { Finding, Rule } from '../../types';
import { resolvedScripts } from '../ec2/workspace';
import { sideKeyRange } from './sideFile';
import { artifactsWithAppSpecAtRoot, buildspecOf, commandsMention, placedAt } from './buildspec';

export const buildspecLeavesOutHookScript: Rule = {
  id: 'W9102',
  name: 'buildspec-leaves-out-hook-script',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'workspace',
  title: "The buildspec's artifact would not hold a hook script where the AppSpec names it",
  doc:
    'When the `buildspec.yml` beside the AppSpec (or in a parent folder) builds the revision bundle, every hook ' +
    '`location` must be in the artifact at that path relative to the AppSpec, or the event fails with "Script does ' +
    'not exist at specified location". This is reported when the artifact that puts the AppSpec at the bundle root ' +
    '(see W9101) does not take the script, or flattens it with `discard-paths: yes` while the location names a ' +
    'folder. Patterns this check cannot read for certain turn it off, and so does a build command that names the ' +
    'script or its folder (it may copy it into place). Fix: add the scripts to `artifacts.files` ' +
    '(e.g. `scripts/**/*`).',
  check(doc, ctx) {
    const bs = buildspecOf(doc, ctx);
    const resolved = resolvedScripts(doc, ctx);
    if (!bs || !resolved) return [];
    const carriers = artifactsWithAppSpecAtRoot(bs, ctx.fileName);
    if (!carriers.length) return [];
    const out: Finding[] = [];
    for (const s of resolved.scripts) {
      const segs = s.rel.split('/');
      const path = [...bs.bundleDir, ...segs];
      if (carriers.some((a) => placedAt(a, path)?.join('/') === s.rel)) continue;
      if (commandsMention(bs, segs[0]) || commandsMention(bs, segs[segs.length - 1])) continue; // the build may put it there
      const flattened = carriers.every((a) => a.discard) && carriers.some((a) => placedAt(a, path));
      out.push({
        ruleId: 'W9102',
        message: flattened
          ? `Hook script \`${s.location}\` (${s.event}) would lose its folder in the artifact of ${bs.name} (\`discard-paths: yes\`); the event fails with "Script does not exist at specified location".`
          : `Hook script \`${s.location}\` (${s.event}) is not in the artifact of ${bs.name}: no \`files\` pattern takes it; the event fails with "Script does not exist at specified location".`,
        range: doc.rangeOf(s.node),
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
