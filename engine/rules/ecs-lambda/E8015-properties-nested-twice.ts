import type { Finding, Rule } from '../../types';
import { isMap, keyText, pairsOf } from '../../ast';
import type { Node } from '../../ast';
import { pairCI, resourceEntries, valueOf } from './model';

/** `Properties:` whose only content is another `Properties:` (one level too many). */
export const propertiesNestedTwice: Rule = {
  id: 'E8015',
  name: 'properties-nested-twice',
  severity: 'error',
  platforms: ['ecs', 'lambda'],
  reads: 'tree',
  title: '`Properties` is nested inside `Properties`',
  doc:
    'A resource has one `Properties` mapping. When a second `Properties:` line sits inside the first (a copy-paste ' +
    'slip or an extra indentation level), CodeDeploy finds none of the settings (`TaskDefinition`, `Name`, …) where it ' +
    'looks for them and the deployment fails. This one mistake is reported once; the "missing key" and "unknown key" ' +
    'findings that follow from it are left out. Fix: remove the inner `Properties:` line and outdent what it holds.',
  check(doc) {
    const out: Finding[] = [];
    for (const e of resourceEntries(doc)) {
      const outer = pairCI(e.body, 'Properties');
      const props = valueOf(outer);
      if (!outer || !isMap(props)) continue;
      const inner = pairsOf(props).find((p) => (keyText(p) ?? '').toLowerCase() === 'properties');
      if (!inner) continue;
      const range = (outer.key as Node | null)?.range;
      const end = (props as Node).range?.[1];
      out.push({
        ruleId: 'E8015',
        range: doc.keyRangeOf(inner),
        message: `\`${keyText(inner)}\` is nested inside \`${keyText(outer)}\`, so CodeDeploy finds none of the settings under it; remove the inner \`${keyText(inner)}:\` line and outdent its keys.`,
        covers: range && end !== undefined ? doc.rangeOf([range[0], end]) : undefined,
      });
    }
    return out;
  },
};
