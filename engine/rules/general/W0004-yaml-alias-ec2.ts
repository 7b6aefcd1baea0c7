import type { Finding, Rule } from '../../types';
import { aliasesOf } from './util';

export const anchorsAliases: Rule = {
  id: 'W0004',
  name: 'yaml-alias-ec2',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'text',
  title: 'YAML anchors and aliases fail on agents running Ruby 3.1 or later',
  doc:
    'The Ruby CodeDeploy agent (v1) loads the AppSpec with `YAML.load`, which since Psych 4 (Ruby ≥ 3.1) refuses aliases: ' +
    '"Alias parsing was not enabled". Older Rubies and the v2 agent accept them. Write the repeated value out instead of `*anchor`.',
  check(doc) {
    if (!doc.yaml) return [];
    const out: Finding[] = [];
    for (const alias of aliasesOf(doc)) {
      if (!alias.resolve(doc.yaml)) continue; // an undefined alias is E0005
      out.push({
        ruleId: 'W0004',
        message: `The alias \`*${alias.source}\` fails on CodeDeploy agents v1 running Ruby 3.1 or later ("Alias parsing was not enabled"). Repeat the value instead.`,
        range: doc.rangeOf(alias),
      });
    }
    return out;
  },
};
