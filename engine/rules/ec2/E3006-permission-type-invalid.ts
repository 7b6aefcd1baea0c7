import type { Finding, Fix, Rule } from '../../types';
import { findPair, isScalar, isSeq, scalarString, type Node } from '../../ast';
import { closest, finding, permissionEntries, replaceString, templated, wrapInList } from './util';

const ALIASES: Record<string, string> = {
  dir: 'directory',
  dirs: 'directory',
  directories: 'directory',
  folder: 'directory',
  folders: 'directory',
  d: 'directory',
  f: 'file',
  files: 'file',
};

function suggestion(value: string): string | undefined {
  return ALIASES[value.toLowerCase()] ?? closest(value, ['file', 'directory']);
}

export const permissionTypeInvalid: Rule = {
  id: 'E3006',
  name: 'permission-type-invalid',
  severity: 'error',
  platforms: ['ec2'],
  reads: 'tree',
  title: '`permissions` `type` must be a list of `file` / `directory`',
  doc:
    '`type` limits an entry to files, folders or both (the default). It must be a list, such as `type: [file]` or a ' +
    'block list: a plain `type: file` crashes agent v1 ("undefined method `each\' for String") and is a type error ' +
    'in v2. The only values are `file` and `directory`; anything else fails with "object type not supported".',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      const pair = findPair(entry.map, 'type');
      if (!pair) continue;
      const value = pair.value as Node | null;
      if (value === null || (isScalar(value) && value.value === null) || templated(value)) continue;
      if (!isSeq(value)) {
        const text = scalarString(value);
        const fixes: Fix[] = [];
        const wrap =
          isScalar(value) && text && ['file', 'directory'].includes(text) ? wrapInList(doc, value) : undefined;
        if (wrap) fixes.push({ title: `Change to \`[${text}]\``, edits: wrap, isPreferred: true });
        out.push(
          finding(
            'E3006',
            `\`type\` must be a list (e.g. \`type: [${text && ['file', 'directory'].includes(text) ? text : 'file'}]\`); a single value crashes agent v1 and is rejected by v2.`,
            doc.rangeOf(value),
            { fixes },
          ),
        );
        continue;
      }
      for (const item of value.items) {
        const text = scalarString(item);
        if (text === 'file' || text === 'directory' || templated(item)) continue;
        const target = text ? suggestion(text) : undefined;
        const fixes: Fix[] =
          target && isScalar(item)
            ? [{ title: `Change to \`${target}\``, edits: [replaceString(doc, item, target)], isPreferred: true }]
            : [];
        out.push(
          finding(
            'E3006',
            `Unsupported permission \`type\` value \`${text ?? ''}\`: use \`file\` or \`directory\`.${target ? ` Did you mean \`${target}\`?` : ''}`,
            doc.rangeOf((item as Node).range ? (item as Node) : value),
            { fixes },
          ),
        );
      }
    }
    return out;
  },
};
