import type { Rule } from '../../types';
import { findPair } from '../../ast';
import { sideKeyRange } from './sideFile';
import { artifactsWithAppSpecAtRoot, buildspecOf, commandsMention, placedAt } from './buildspec';

export const buildspecAppSpecNotAtRoot: Rule = {
  id: 'W9101',
  name: 'buildspec-appspec-not-at-root',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'workspace',
  title: "The buildspec's artifact would not hold the AppSpec at its root",
  doc:
    'With CodeBuild, the `artifacts` section of the `buildspec.yml` (or `buildspec.yaml`) decides what the revision ' +
    'bundle holds: `files` are matched against `base-directory` (or the source root) and keep their folders unless ' +
    '`discard-paths: yes`. CodeDeploy looks for the AppSpec at the root of the bundle only ("The AppSpec file cannot be ' +
    "found in the root of the revision's bundle\"). The nearest buildspec in the AppSpec's folder or a parent (up to the " +
    'repository root) is read; this is reported when no artifact of it takes the AppSpec, or every one puts it in a ' +
    'subfolder. Patterns this check cannot read for certain (environment variables, `{a,b}`, `..`) turn it off, and a ' +
    'plain folder name in `files` counts as taking everything below it; a build command that names the AppSpec (or the ' +
    '`base-directory`) may copy it into place, so then nothing is reported. A warning, since the bundle may be built ' +
    "otherwise; the extension's own deploy bundles the AppSpec's folder and does not use the buildspec. Fix: set " +
    "`base-directory` to the AppSpec's folder and list the AppSpec in `files` (or use `'**/*'`).",
  check(doc, ctx) {
    const bs = buildspecOf(doc, ctx);
    if (!bs || artifactsWithAppSpecAtRoot(bs, ctx.fileName).length) return [];
    // A build command that names the AppSpec (or a base-directory it is outside of) may copy it into place.
    const bases = bs.artifacts.map((a) => a.base[0]).filter((b): b is string => b !== undefined);
    if (commandsMention(bs, ctx.fileName) || bases.some((b) => commandsMention(bs, b))) return [];
    const path = [...bs.bundleDir, ctx.fileName];
    const placed = bs.artifacts.map((a) => placedAt(a, path)).find((p) => p !== undefined);
    const why = placed
      ? `puts it at \`${placed.join('/')}\`, not at the root of the bundle`
      : `does not include the AppSpec (${bs.bundleDir.length ? `\`${path.join('/')}\` from the buildspec's folder` : `\`${ctx.fileName}\``})`;
    const version = findPair(doc.root, 'version');
    return [
      {
        ruleId: 'W9101',
        message: `The artifact of ${bs.name} ${why}; CodeDeploy looks for the AppSpec at the root of the revision's bundle only.`,
        range: version ? doc.keyRangeOf(version) : doc.rangeOf([0, 0]),
        related: bs.artifacts.map((a) => ({
          uri: bs.file.uri,
          range: sideKeyRange(bs.file, a.filesPair),
          message: `The files of ${a.label}${a.base.length ? ` (base-directory ${a.base.join('/')})` : ''}${a.discard ? ', with discard-paths' : ''}.`,
        })),
      },
    ];
  },
};
