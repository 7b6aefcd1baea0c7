import type { Finding, Rule } from '../../types';
import { accountTargets } from '../../accountTargets';
import { functionNameOf } from '../ecs-lambda/model';
import { sideKeyRange } from './sideFile';
import { functionFor, templateOf } from './samTemplate';
import { replaceValue } from './edits';

export const templateAliasMismatch: Rule = {
  id: 'W9201',
  name: 'template-alias-mismatch',
  severity: 'warning',
  platforms: ['lambda'],
  reads: 'workspace',
  title: 'Alias is not an alias the template beside the AppSpec declares for the function',
  doc:
    'When a SAM or CloudFormation template beside the AppSpec (`template.yaml`, `template.yml` or `template.json`) ' +
    "declares the function named by the resource's `Name` (its `FunctionName`), the AppSpec's `Alias` should be " +
    "one of the function's aliases there: SAM's `AutoPublishAlias` or the `Name` of an `AWS::Lambda::Alias` of it. " +
    'Otherwise the alias CodeDeploy shifts does not exist once the stack is deployed ("The alias … does not exist"). ' +
    'Only names the template writes out are compared: a function named by CloudFormation, an alias name computed ' +
    'with `!Sub` or `!Ref`, or a placeholder is not reported. A warning, since the stack may not be deployed from ' +
    'this template. Fix: use the alias of the template (the quick fix offers it when there is one).',
  check(doc, ctx) {
    const t = templateOf(doc, ctx);
    if (!t) return [];
    const out: Finding[] = [];
    for (const r of accountTargets(doc).lambda) {
      const fn = functionFor(t, r.name?.value, functionNameOf);
      if (!fn || !r.alias || fn.aliasesUnknown || !fn.aliases.length) continue;
      if (fn.aliases.some((a) => a.name.value === undefined)) continue;
      const names = [...new Set(fn.aliases.map((a) => a.name.value!))];
      if (names.includes(r.alias.value)) continue;
      out.push({
        ruleId: 'W9201',
        message: `Alias \`${r.alias.value}\` is not an alias of \`${fn.name.value}\` in ${t.name} (it declares ${names.map((n) => `\`${n}\``).join(', ')}); the deployment fails if the alias does not exist.`,
        range: r.alias.range,
        related: fn.aliases.map((a) => ({
          uri: t.file.uri,
          range: sideKeyRange(t.file, a.name.pair),
          message: `Alias \`${a.name.value}\` of \`${fn.name.value}\` (${fn.logicalId}).`,
        })),
        fixes:
          names.length === 1
            ? [{ title: `Change Alias to '${names[0]}'`, edits: [replaceValue(r.alias, names[0])], isPreferred: true }]
            : [],
      });
    }
    return out;
  },
};
