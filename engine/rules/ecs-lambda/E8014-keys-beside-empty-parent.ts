import type { AppSpecDocument, Finding, Rule } from '../../types';
import { isMap, keyText, pairsOf } from '../../ast';
import type { Node, Pair, YAMLMap } from '../../ast';
import { isEmptyValue, resourceEntries, valueOf } from './model';
import { ECS_PROPERTIES, LAMBDA_PROPERTIES, type KeyTable } from './names';

/** Every key name below `table` (any depth), lower-cased. */
function descendantKeys(table: KeyTable): Set<string> {
  const out = new Set<string>();
  const walk = (t: KeyTable) => {
    for (const [name, sub] of Object.entries(t.keys)) {
      out.add(name.toLowerCase());
      if (sub !== 'leaf') walk(sub);
      if (sub !== 'leaf' && sub.listOf) walk(sub.listOf);
    }
  };
  walk(table);
  return out;
}

function tableEntry(table: KeyTable, key: string): KeyTable | 'leaf' | undefined {
  const name = Object.keys(table.keys).find((k) => k.toLowerCase() === key.toLowerCase());
  return name ? table.keys[name] : undefined;
}

/** Finds `Parent:` (empty) followed by keys that belong under it, in `map` and (for filled parents) below. */
function visit(doc: AppSpecDocument, map: YAMLMap, table: KeyTable, out: Finding[]): void {
  const pairs = pairsOf(map);
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i];
    const key = keyText(pair);
    if (key === undefined) continue;
    const sub = tableEntry(table, key);
    if (!sub || sub === 'leaf' || sub.listOf) continue;
    const value = valueOf(pair);
    if (isMap(value)) {
      visit(doc, value, sub, out);
      continue;
    }
    if (!isEmptyValue(value)) continue;
    const below = descendantKeys(sub);
    const beside: Pair[] = [];
    for (let j = i + 1; j < pairs.length && below.has((keyText(pairs[j]) ?? '').toLowerCase()); j++)
      beside.push(pairs[j]);
    if (beside.length === 0) continue;
    const last = beside[beside.length - 1];
    const end = ((last.value as Node | null)?.range ?? (last.key as Node | null)?.range)?.[1];
    const start = (pair.key as Node | null)?.range?.[0];
    const names = beside.slice(0, 4).map((p) => `\`${keyText(p)}\``);
    out.push({
      ruleId: 'E8014',
      range: doc.keyRangeOf(pair),
      message: `\`${key}\` is empty and the keys after it (${names.join(', ')}${beside.length > 4 ? ', …' : ''}) sit beside it instead of under it, so CodeDeploy finds no ${key} settings; indent them under \`${key}\`.`,
      covers: start !== undefined && end !== undefined ? doc.rangeOf([start, end]) : undefined,
      related: beside.slice(0, 4).map((p) => ({ range: doc.keyRangeOf(p), message: `belongs under \`${key}\`` })),
    });
    i += beside.length;
  }
}

/** A container key left empty while its keys follow at its own indentation (one structural mistake). */
export const keysBesideEmptyParent: Rule = {
  id: 'E8014',
  name: 'keys-beside-empty-parent',
  severity: 'error',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: 'A key is empty and the keys that belong under it sit beside it (indentation)',
  doc:
    'A mapping key such as `Properties`, `LoadBalancerInfo`, `NetworkConfiguration` or `AwsvpcConfiguration` holds ' +
    'its settings indented under it. When those lines start at the same column as the key, YAML reads the key as ' +
    'empty and the settings as its siblings, where CodeDeploy does not look for them: the deployment fails for lack ' +
    'of `TaskDefinition`, `ContainerName` and so on. This is one mistake, so it is reported once here and the ' +
    'findings that follow from it ("`Properties` is empty", unknown keys beside it) are left out. Fix: indent the ' +
    'listed keys two spaces further than the key they belong to.',
  check(doc) {
    const out: Finding[] = [];
    const props = doc.platform.platform === 'lambda' ? LAMBDA_PROPERTIES : ECS_PROPERTIES;
    const body: KeyTable = { keys: { Type: 'leaf', Properties: props } };
    for (const e of resourceEntries(doc)) if (e.body && !e.misIndented) visit(doc, e.body, body, out);
    return out;
  },
};
