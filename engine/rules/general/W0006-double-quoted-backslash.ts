import type { Finding, Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { scalarsOf } from './util';

const KNOWN_ESCAPES = new Set([
  '0',
  'a',
  'b',
  't',
  '\t',
  'n',
  'v',
  'f',
  'r',
  'e',
  ' ',
  '"',
  '/',
  '\\',
  'N',
  '_',
  'L',
  'P',
  'x',
  'u',
  'U',
  '\n',
  '\r',
]);

export const doubleQuotedBackslash: Rule = {
  id: 'W0006',
  name: 'double-quoted-backslash',
  severity: 'warning',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'A double-quoted YAML string contains backslashes',
  doc:
    'Inside double quotes YAML treats `\\` as an escape: `"C:\\temp\\new"` holds a tab and a line break, and an unknown escape such as `\\d` ' +
    'is a syntax error ("found unknown escape character"). Windows paths belong in plain or single-quoted scalars, which keep backslashes: ' +
    "`destination: C:\\inetpub\\wwwroot` or `'C:\\inetpub\\wwwroot'`. Reported as an error when an escape is unknown.",
  check(doc) {
    if (!doc.yaml || doc.format === 'json') return [];
    const out: Finding[] = [];
    for (const s of scalarsOf(doc)) {
      if (s.type !== 'QUOTE_DOUBLE' || !s.range) continue;
      const raw = doc.text.slice(s.range[0], s.range[1]);
      const body = raw.replace(/^"/, '').replace(/"\s*$/, '');
      if (!body.includes('\\')) continue;
      let unknown: string | undefined;
      for (let i = 0; i < body.length; i++) {
        if (body[i] !== '\\') continue;
        const next = body[i + 1] ?? '';
        if (!KNOWN_ESCAPES.has(next)) unknown = unknown ?? `\\${next}`;
        i++;
      }
      const range = doc.rangeOf([s.range[0], s.range[0] + raw.trimEnd().length]);
      const canSingle = !body.includes("'") && !/[\r\n]/.test(body);
      const f: Finding = {
        ruleId: 'W0006',
        message: unknown
          ? `\`${unknown}\` is not a valid escape inside double quotes, so the AppSpec fails to parse. Use single quotes or no quotes for paths with backslashes.`
          : 'Backslashes inside double quotes are escapes (`\\t` is a tab, `\\n` a line break). Use single quotes or no quotes for Windows paths.',
        range,
        ...(unknown ? { severity: 'error' as const } : {}),
      };
      if (canSingle)
        f.fixes = [
          {
            title: 'Use single quotes (backslashes stay literal)',
            edits: [{ range, newText: `'${body}'` }],
            isPreferred: !!unknown,
          },
        ];
      out.push(f);
    }
    return out;
  },
};
