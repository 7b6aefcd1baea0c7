import type { Finding, Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { DEDICATED_CODES, friendly, tagMessage } from './E0001-yaml-syntax-error';

export const yamlWarning: Rule = {
  id: 'W0016',
  name: 'yaml-warning',
  severity: 'warning',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'The YAML parser warns about the file (an unknown tag such as `!GetAtt`)',
  doc:
    'The file parses, but the YAML parser reports something it had to guess about. Most often it is a tag: ' +
    'CloudFormation functions such as `!Ref`, `!Sub` and `!GetAtt` are YAML tags that an AppSpec reader does not ' +
    'know, so the value is read as plain text (agent v2 and strict parsers reject the tag). CodeDeploy never ' +
    'resolves them: write the literal value. Hard parse errors are E0001.',
  check(doc) {
    const out: Finding[] = [];
    for (const p of doc.syntaxErrors) {
      if (p.severity !== 'warning' || DEDICATED_CODES.has(p.code)) continue;
      out.push({
        ruleId: 'W0016',
        message:
          p.code === 'TAG_RESOLVE_FAILED' ? tagMessage(p.message) : `YAML warning: ${friendly(p.code, p.message)}`,
        range: p.range,
      });
    }
    return out;
  },
};
