import type { Finding, Fix, Rule } from '../../types';
import { findPair, isMap, keyText, pairsOf, type YAMLMap } from '../../ast';
import { closest, finding, permissionEntries, renameKey, unnecessary } from './util';
import { CONTEXT_KEYS, PERMISSION_KEYS } from './names';

function unknownKeys(
  doc: Parameters<Rule['check']>[0],
  map: YAMLMap,
  known: readonly string[],
  where: string,
  out: Finding[],
): void {
  for (const pair of pairsOf(map)) {
    const key = keyText(pair);
    if (key === undefined || known.includes(key)) continue;
    if (where === '`context`' && key === 'user') continue; // W3017
    if (where === '`context`' && key === 'role') continue; // I3025
    const target = closest(key, known);
    const fixes: Fix[] =
      target && !findPair(map, target)
        ? [{ title: `Rename \`${key}\` to \`${target}\``, edits: [renameKey(doc, pair, target)], isPreferred: true }]
        : [];
    out.push(
      finding(
        'W3021',
        `Unknown key \`${key}\` in ${where} is ignored by the agent.${target ? ` Did you mean \`${target}\`?` : ` Known keys: ${known.map((k) => `\`${k}\``).join(', ')}.`}`,
        doc.keyRangeOf(pair),
        { fixes },
      ),
    );
  }
}

export const permissionUnknownKey: Rule = {
  id: 'W3021',
  name: 'permission-unknown-key',
  severity: 'warning',
  platforms: ['ec2'],
  reads: 'tree',
  title: 'Unknown key in a `permissions` entry or its `context` (ignored)',
  doc:
    'A `permissions` entry is read for `object`, `pattern`, `except`, `owner`, `group`, `mode`, `acls`, `context` and ' +
    '`type`, by exact name; `context` for `name`, `type` and `range`. Anything else (a mis-cased `Owner`, `recursive`) ' +
    'is silently ignored, so the setting never happens. Rename the key as suggested or remove it.',
  check(doc) {
    const out: Finding[] = [];
    for (const entry of permissionEntries(doc)) {
      unknownKeys(doc, entry.map, PERMISSION_KEYS, 'a `permissions` entry', out);
      const ctxNode = findPair(entry.map, 'context')?.value;
      if (isMap(ctxNode)) unknownKeys(doc, ctxNode, CONTEXT_KEYS, '`context`', out);
    }
    return out.map(unnecessary);
  },
};
