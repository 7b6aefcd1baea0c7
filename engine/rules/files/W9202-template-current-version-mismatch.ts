import type { Finding, Rule } from '../../types';
import { accountTargets } from '../../accountTargets';
import { functionNameOf } from '../ecs-lambda/model';
import { sideKeyRange } from './sideFile';
import { functionFor, templateOf } from './samTemplate';
import { replaceValue } from './edits';

export const templateCurrentVersionMismatch: Rule = {
  id: 'W9202',
  name: 'template-current-version-mismatch',
  severity: 'warning',
  platforms: ['lambda'],
  reads: 'workspace',
  title: "CurrentVersion differs from the version the template's alias points to",
  doc:
    'When the template beside the AppSpec declares the alias with a fixed version (`AWS::Lambda::Alias` with ' +
    '`FunctionVersion: "3"`), the alias points to that version once the stack is deployed, and CodeDeploy requires ' +
    '`CurrentVersion` to be the alias\'s current version ("the current version in your AppSpec file does not match ' +
    'the current version of the alias"). A version the template computes (`!GetAtt Version.Version`, SAM\'s ' +
    '`AutoPublishAlias`) is unknown and not compared. A warning, since the alias may have moved since the stack was ' +
    'deployed; the account checks ("CodeDeploy account") read where it points now. Fix: set `CurrentVersion` to the alias\'s version.',
  check(doc, ctx) {
    const t = templateOf(doc, ctx);
    if (!t) return [];
    const out: Finding[] = [];
    for (const r of accountTargets(doc).lambda) {
      const fn = functionFor(t, r.name?.value, functionNameOf);
      const current = r.currentVersion;
      if (!fn || !r.alias || !current) continue;
      const alias = fn.aliases.find((a) => a.name.value === r.alias!.value);
      const version = alias?.version?.value;
      if (!alias?.version || version === undefined || !/^\d+$/.test(version) || version === current.value) continue;
      out.push({
        ruleId: 'W9202',
        message: `CurrentVersion ${current.value} is not the version alias \`${r.alias.value}\` points to in ${t.name} (${version}); CodeDeploy requires the alias's current version.`,
        range: current.range,
        related: [
          {
            uri: t.file.uri,
            range: sideKeyRange(t.file, alias.version.pair),
            message: `Alias \`${r.alias.value}\` points to version ${version}.`,
          },
        ],
        fixes: [
          {
            title: `Change CurrentVersion to ${version}`,
            edits: [
              current.numeric
                ? replaceValue(current, version, true)
                : replaceValue({ ...current, quote: current.quote ?? 'double' }, version),
            ],
            isPreferred: true,
          },
        ],
      });
    }
    return out;
  },
};
