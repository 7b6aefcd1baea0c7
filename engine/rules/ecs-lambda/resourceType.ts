/** The resource `Type` check that ECS and Lambda share; each platform's rule passes its own ID. */
import type { AppSpecDocument, Finding } from '../../types';
import { hasPlaceholder, isQuoted } from '../../ast';
import type { Node, Pair } from '../../ast';
import { closestName, RESOURCE_TYPES } from './names';
import { isEmptyValue, resourceEntries, entryAnchor, entryName, stringValue, valueOf, pairCI, show } from './model';
import { addKeyFix, fixes, replaceValueFix, scalarText, stringLiteral } from './edits';
import { type Kind, WORDS } from './resourceShape';

/** Checks 70 / 87: each resource has `Type` equal to the platform's resource type. */
export function resourceTypeFindings(doc: AppSpecDocument, ruleId: string, kind: Kind): Finding[] {
  const expected = RESOURCE_TYPES[kind];
  const other = RESOURCE_TYPES[kind === 'ecs' ? 'lambda' : 'ecs'];
  const out: Finding[] = [];
  for (const e of resourceEntries(doc)) {
    if (!e.body) continue;
    const typePair = pairCI(e.body, 'Type');
    if (!typePair) {
      out.push({
        ruleId,
        range: entryAnchor(doc, e),
        message: `Resource ${entryName(e)} has no \`Type\`; it must be \`${expected}\`.`,
        fixes: fixes(addKeyFix(doc, e.body, 'Type', scalarText(doc, expected), `Add 'Type: ${expected}'`)),
      });
      continue;
    }
    const node = valueOf(typePair);
    if (hasPlaceholder(node)) continue;
    const value = stringValue(node);
    if (value === expected) continue;
    const range = isEmptyValue(node) ? doc.keyRangeOf(typePair) : doc.rangeOf(node as Node);
    if (value === undefined || value.trim() === '') {
      out.push({
        ruleId,
        range,
        message: `\`Type\` must be \`${expected}\`.`,
        fixes: fixes(
          node && !isEmptyValue(node)
            ? replaceValueFix(doc, node as Node, scalarText(doc, expected), `Change to '${expected}'`)
            : addTypeValue(doc, typePair, expected),
        ),
      });
      continue;
    }
    if (value === other) {
      out.push({
        ruleId,
        range,
        message: `\`Type: ${other}\` in an ${WORDS[kind].platform} AppSpec; every resource must be \`${expected}\` (one platform per AppSpec).`,
      });
      continue;
    }
    const close = closestName(value, [expected, other]) === expected || value.toLowerCase().includes(kind);
    out.push({
      ruleId,
      range,
      message: close
        ? `\`Type\` is ${show(value)}; did you mean \`${expected}\`? (Type values are case-sensitive.)`
        : `\`Type\` is ${show(value)}; an ${WORDS[kind].platform} resource must be \`${expected}\`.`,
      fixes: fixes(
        replaceValueFix(
          doc,
          node as Node,
          isQuoted(node) ? stringLiteral(expected) : scalarText(doc, expected),
          `Change to '${expected}'`,
          close,
        ),
      ),
    });
  }
  return out;
}

function addTypeValue(doc: AppSpecDocument, typePair: Pair, expected: string) {
  const key = typePair.key as { range?: [number, number, number?] };
  if (!key.range) return undefined;
  const colon = doc.text.indexOf(':', key.range[1]);
  if (colon < 0) return undefined;
  const value = typePair.value as { range?: [number, number, number?] } | null;
  const end = value?.range && value.range[1] > colon ? value.range[1] : colon + 1;
  return {
    title: `Set to '${expected}'`,
    isPreferred: true,
    edits: [{ range: doc.rangeOf([colon, end]), newText: `: ${scalarText(doc, expected)}` }],
  };
}
