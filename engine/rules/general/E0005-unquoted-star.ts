import type { Finding, Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { aliasesOf } from './util';

export const unquotedStar: Rule = {
  id: 'E0005',
  name: 'unquoted-star',
  severity: 'error',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'An unquoted value starting with `*` is read as a YAML alias',
  doc:
    'In YAML, `*name` refers to an anchor `&name`. A plain value such as `pattern: *.txt` or `pattern: **` is therefore an alias to an anchor ' +
    'that does not exist, and the AppSpec fails to parse. Quote the value: `pattern: "*.txt"`.',
  check(doc) {
    if (!doc.yaml || doc.format === 'json') return [];
    const out: Finding[] = [];
    for (const alias of aliasesOf(doc)) {
      if (alias.source && alias.resolve(doc.yaml)) continue;
      const r = alias.range;
      if (!r) continue;
      const raw = doc.text.slice(r[0], r[1]).trimEnd();
      const range = doc.rangeOf([r[0], r[0] + raw.length]);
      out.push({
        ruleId: 'E0005',
        message: `\`${raw}\` starts with \`*\`, so YAML reads it as an alias to an anchor that does not exist. Quote it: \`"${raw}"\`.`,
        range,
        fixes: [
          {
            title: `Quote the value: "${raw}"`,
            edits: [{ range, newText: `"${raw.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` }],
            isPreferred: true,
          },
        ],
      });
    }
    // A lone `*` is not even an alias node in every position: report parser complaints too.
    for (const p of doc.syntaxErrors) {
      if (p.code !== 'BAD_ALIAS') continue;
      if (
        out.some(
          (f) => f.range.start.line === p.range.start.line && f.range.start.character === p.range.start.character,
        )
      )
        continue;
      out.push({
        ruleId: 'E0005',
        message: 'A value starting with `*` is read as a YAML alias. Quote it.',
        range: p.range,
      });
    }
    return out;
  },
};
