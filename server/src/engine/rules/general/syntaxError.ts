import type { Finding, Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';

/** Parser codes reported by dedicated rules instead of this one. */
export const DEDICATED_CODES = new Set(['TAB_AS_INDENT', 'BAD_DQ_ESCAPE', 'BAD_ALIAS']);

export const syntaxError: Rule = {
  id: 'E0001',
  name: 'yaml-syntax-error',
  severity: 'error',
  platforms: ALL_PLATFORMS,
  title: 'The file is not well-formed YAML or JSON',
  doc:
    'The AppSpec must parse as YAML (JSON is YAML too). The EC2 agents fail the deployment with a parser error ' +
    '(Psych or serde_yaml), and the CodeDeploy service rejects an ECS or Lambda AppSpec that "is a not well-formed yaml". ' +
    'Fix the reported position; other checks that need the document structure are skipped until the file parses.',
  check(doc) {
    const tabLines = new Set(doc.syntaxErrors.filter((p) => p.code === 'TAB_AS_INDENT').map((p) => p.range.start.line));
    const out: Finding[] = [];
    for (const p of doc.syntaxErrors) {
      if (DEDICATED_CODES.has(p.code)) continue;
      // Tab indentation confuses the parser on the lines around it; E0003 already says why.
      const line = p.range.start.line;
      if (tabLines.has(line) || tabLines.has(line + 1)) continue;
      out.push({
        ruleId: 'E0001',
        message: `YAML syntax error: ${p.message}`,
        range: p.range,
        ...(p.severity === 'warning' ? { severity: 'warning' as const } : {}),
      });
    }
    return out;
  },
};
