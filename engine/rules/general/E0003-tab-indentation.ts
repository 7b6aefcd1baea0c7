import type { Edit, Finding, Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';

export const tabIndentation: Rule = {
  id: 'E0003',
  name: 'tab-indentation',
  severity: 'error',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'Tab characters are used for indentation',
  doc:
    'YAML does not allow tabs for indentation. The EC2 agent fails with "found character that cannot start any token while scanning for the next token". ' +
    'Indent with spaces (two per level is the AppSpec convention). The quick fix replaces each leading tab with two spaces; check the result lines up.',
  check(doc) {
    if (doc.format === 'json') return [];
    const lines = new Set(doc.syntaxErrors.filter((p) => p.code === 'TAB_AS_INDENT').map((p) => p.range.start.line));
    if (lines.size === 0) return [];
    const out: Finding[] = [];
    const allEdits: Edit[] = [];
    const perLine = new Map<number, Edit>();
    // Only the reported lines can get an edit; visit them in line order.
    for (const line of [...lines].sort((a, b) => a - b)) {
      if (line < 0 || line >= doc.lines.lineCount || !Number.isInteger(line)) continue;
      const start = doc.lines.offsetAt({ line, character: 0 });
      const end = doc.lines.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
      const lead = /^[ \t]*/.exec(doc.text.slice(start, end).replace(/^\uFEFF/, ''))?.[0] ?? '';
      if (!lead.includes('\t')) continue;
      const bom = line === 0 && doc.text.startsWith('\uFEFF') ? 1 : 0;
      const edit: Edit = {
        range: doc.rangeOf([start + bom, start + bom + lead.length]),
        newText: lead.replace(/\t/g, '  '),
      };
      allEdits.push(edit);
      perLine.set(line, edit);
    }
    for (const line of [...lines].sort((a, b) => a - b)) {
      const edit = perLine.get(line);
      const range =
        edit?.range ?? doc.syntaxErrors.find((p) => p.code === 'TAB_AS_INDENT' && p.range.start.line === line)!.range;
      out.push({
        ruleId: 'E0003',
        message:
          'Tab used for indentation: YAML allows only spaces here, and the deployment fails to parse the AppSpec.',
        range,
        fixes: [
          ...(edit ? [{ title: 'Replace the leading tabs with spaces', edits: [edit], isPreferred: true }] : []),
          ...(allEdits.length > 1
            ? [{ title: 'Replace all leading tabs in the file with spaces', edits: allEdits }]
            : []),
        ],
      });
    }
    return out;
  },
};
