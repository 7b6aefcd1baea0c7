/**
 * The `Resources` list that ECS and Lambda share almost word for word: present, a list, exactly one
 * `Name: {Type, Properties}` entry, plus the nameless / mis-indented entry findings and their fixes.
 * Each platform's rule file calls these with its own ID and wording.
 */
import type { AppSpecDocument, Edit, Finding, Fix, Range } from '../../types';
import { hasPlaceholder, isMap, isSeq, keyText, pairsOf } from '../../ast';
import type { Node, YAMLMap, YAMLSeq } from '../../ast';
import { RESOURCE_TYPES } from './names';
import {
  isEmptyValue,
  resourceEntries,
  type ResourceEntry,
  resourcesPair,
  entryAnchor,
  stringValue,
  valueOf,
  pairCI,
} from './model';
import { fixes } from './edits';

export type Kind = 'ecs' | 'lambda';

const BODY_KEYS = ['type', 'properties'];

export const WORDS = {
  ecs: {
    platform: 'Amazon ECS',
    what: 'one ECS service',
    example: '`- TargetService: {Type: AWS::ECS::Service, Properties: …}`',
    name: 'TargetService',
  },
  lambda: {
    platform: 'AWS Lambda',
    what: 'one Lambda function',
    example: '`- MyFunction: {Type: AWS::Lambda::Function, Properties: …}`',
    name: 'MyFunction',
  },
};

/** Checks 68 / 86: `Resources` present, a list, exactly one entry, each entry `Name: {Type, Properties}`. */
export function resourcesShapeFindings(doc: AppSpecDocument, ruleId: string, kind: Kind): Finding[] {
  const w = WORDS[kind];
  const pair = resourcesPair(doc);
  const out: Finding[] = [];
  if (!doc.root) return out;
  if (!pair) {
    const anchor = pairsOf(doc.root)[0];
    const range = anchor ? doc.keyRangeOf(anchor) : doc.rangeOf(doc.root);
    return [
      {
        ruleId,
        range,
        message: `An ${w.platform} AppSpec needs a \`Resources\` list with exactly one entry (${w.what}); there is none.`,
      },
    ];
  }
  const list = valueOf(pair);
  if (containsTemplate(list)) return out;
  if (isEmptyValue(list) || (isSeq(list) && list.items.length === 0)) {
    return [
      {
        ruleId,
        range: doc.keyRangeOf(pair),
        message: `\`Resources\` is empty; it must hold exactly one entry (${w.what}), e.g. ${w.example}.`,
      },
    ];
  }
  if (!isSeq(list)) {
    const hint = isMap(list) ? ' Put a `- ` before the resource name to make it a list item.' : '';
    return [
      {
        ruleId,
        range: doc.keyRangeOf(pair),
        message: `\`Resources\` must be a list with one entry, e.g. ${w.example}.${hint}`,
        fixes: isMap(list) ? fixes(wrapInListFix(doc, list as YAMLMap)) : undefined,
      },
    ];
  }
  const all = resourceEntries(doc);
  const entries: ResourceEntry[] = [];
  for (const [i, e] of all.entries()) {
    const owner = i > 0 ? splitFrom(all[i - 1], e) : undefined;
    if (!owner) {
      entries.push(e);
      continue;
    }
    out.push(splitFinding(doc, ruleId, owner, e));
  }
  for (const e of entries) {
    const itemRange = e.item ? doc.rangeOf(e.item as Node) : doc.keyRangeOf(pair);
    if (!isMap(e.item)) {
      out.push({
        ruleId,
        range: itemRange,
        message: `Each \`Resources\` entry must be a mapping \`Name: {Type, Properties}\`, e.g. ${w.example}.`,
      });
      continue;
    }
    if (e.nameless) {
      out.push(namelessFinding(doc, ruleId, e, kind));
      continue;
    }
    const namePair = e.namePair!;
    const name = keyText(namePair) ?? '';
    if (e.misIndented) {
      out.push(misindentFinding(doc, ruleId, e));
      continue;
    }
    const extra = pairsOf(e.item).slice(1);
    const bodyKey = extra.find(
      (p) => BODY_KEYS.includes((keyText(p) ?? '').toLowerCase()) && !pairCI(e.body, keyText(p) ?? ''),
    );
    if (bodyKey) {
      // `Properties` (or `Type`) dedented to the column of the resource name: one indentation mistake.
      out.push({
        ruleId,
        range: doc.keyRangeOf(bodyKey),
        message: `\`${keyText(bodyKey)}\` sits beside \`${name}\` instead of under it, so \`${name}\` has no ${keyText(bodyKey)}; indent it to the column of \`${name}\`'s other keys.`,
        covers: itemCovers(doc, e, e),
      });
      continue;
    }
    for (const p of extra) {
      out.push({
        ruleId,
        range: doc.keyRangeOf(p),
        message: `A \`Resources\` entry holds one resource; \`${keyText(p) ?? '?'}\` is a second one in the same entry. A deployment targets ${w.what}.`,
      });
    }
    if (!isMap(namePair.value) && !hasPlaceholder(namePair.value)) {
      out.push({
        ruleId,
        range: doc.keyRangeOf(namePair),
        message: `\`${name}\` must be a mapping with \`Type\` and \`Properties\`.`,
      });
    }
  }
  if (entries.length > 1) {
    const rangeOfEntry = (e: ResourceEntry) =>
      e.body || e.namePair ? entryAnchor(doc, e) : doc.rangeOf((e.item ?? (list as YAMLSeq)) as Node);
    out.push({
      ruleId,
      range: rangeOfEntry(entries[1]),
      message: `\`Resources\` has ${entries.length} entries, but a deployment targets ${w.what}; keep exactly one.`,
      related: [entries[0], ...entries.slice(2, 20)].map((e, i) => ({
        range: rangeOfEntry(e),
        message: i === 0 ? 'first resource' : 'another resource',
      })),
    });
  }
  return out;
}

/** From the start of item `from` to the end of item `to`: what one structural mistake in them explains. */
function itemCovers(doc: AppSpecDocument, from: ResourceEntry, to: ResourceEntry): Range | undefined {
  const a = (from.item as Node | null)?.range;
  const b = (to.item as Node | null)?.range;
  return a && b ? doc.rangeOf([a[0], b[1]]) : undefined;
}

/**
 * The named entry `e` was split from: `e` starts with `Type`/`Properties` (no name of its own) and the item before
 * it is a resource name without those keys (`- TargetService:` with `Type`, then `- Properties:`), so the `- ` in
 * front of `e` is a slip, not a second resource.
 */
function splitFrom(prev: ResourceEntry, e: ResourceEntry): ResourceEntry | undefined {
  if (!e.nameless || !prev.namePair || prev.misIndented || prev.nameless) return undefined;
  const own = pairsOf(e.item).map((p) => keyText(p) ?? '');
  if (prev.body) return own.some((k) => pairCI(prev.body, k)) ? undefined : prev;
  return isEmptyValue(prev.namePair.value) ? prev : undefined;
}

function splitFinding(doc: AppSpecDocument, ruleId: string, owner: ResourceEntry, e: ResourceEntry): Finding {
  const name = keyText(owner.namePair!) ?? '';
  const first = keyText(pairsOf(e.item)[0]) ?? 'Properties';
  return {
    ruleId,
    range: entryAnchor(doc, e),
    message: `\`${first}\` starts a new \`Resources\` item (\`- ${first}:\`), but it belongs to \`${name}\` above: remove the \`- \` and indent it under \`${name}\`.`,
    related: [{ range: doc.keyRangeOf(owner.namePair!), message: `the resource \`${first}\` belongs to` }],
    covers: itemCovers(doc, owner, e),
  };
}

/** True when only spaces precede `offset` on its line. */
function startsLine(doc: AppSpecDocument, offset: number): boolean {
  const column = doc.lines.positionAt(offset).character;
  return doc.text.slice(offset - column, offset).trim() === '';
}

/**
 * Edits that put `indent` before every non-blank line from line `fromLine` through the line where the node ending
 * at `endOffset` ends (trailing whitespace not counted).
 */
function indentLines(doc: AppSpecDocument, fromLine: number, endOffset: number, indent: string): Edit[] {
  let end = endOffset;
  while (end > 0 && /\s/.test(doc.text[end - 1])) end -= 1;
  const last = doc.lines.positionAt(end).line;
  const edits: Edit[] = [];
  for (let lineNo = fromLine; lineNo <= last; lineNo++) {
    const at = doc.lines.offsetAt({ line: lineNo, character: 0 });
    const next = doc.text.indexOf('\n', at);
    if (doc.text.slice(at, next < 0 ? undefined : next).trim() === '') continue;
    edits.push({ range: doc.rangeOf([at, at]), newText: indent });
  }
  return edits;
}

/** Turns `Resources: {Name: …}` into a one-item list: `- ` before the name (block) or `[ … ]` (flow/JSON). */
function wrapInListFix(doc: AppSpecDocument, map: YAMLMap): Fix | undefined {
  const range = (map as Node).range;
  const firstKey = pairsOf(map)[0]?.key as Node | undefined;
  if (!range || !firstKey?.range) return undefined;
  const title = 'Make Resources a list';
  if (map.flow) {
    return {
      title,
      isPreferred: true,
      edits: [
        { range: doc.rangeOf([range[0], range[0]]), newText: '[' },
        { range: doc.rangeOf([range[1], range[1]]), newText: ']' },
      ],
    };
  }
  if (!startsLine(doc, firstKey.range[0])) return undefined;
  const edits: Edit[] = [{ range: doc.rangeOf([firstKey.range[0], firstKey.range[0]]), newText: '- ' }];
  edits.push(...indentLines(doc, doc.lines.positionAt(firstKey.range[0]).line + 1, range[1], '  '));
  return { title, isPreferred: true, edits };
}

/** The name a resource without one should get: `TargetService` for ECS, the function name for Lambda. */
function suggestedName(e: ResourceEntry, kind: Kind | 'unknown'): string {
  const type = stringValue(valueOf(pairCI(e.body, 'Type')));
  if (kind === 'ecs' || (kind === 'unknown' && type?.toLowerCase() === RESOURCE_TYPES.ecs.toLowerCase()))
    return 'TargetService';
  const fn = stringValue(valueOf(pairCI(valueOf(pairCI(e.body, 'Properties')), 'Name')));
  return fn && /^[A-Za-z0-9_-]{1,64}$/.test(fn) ? fn : 'MyFunction';
}

/** An entry that starts with `Type`/`Properties`: the resource name line is missing. */
export function namelessFinding(
  doc: AppSpecDocument,
  ruleId: string,
  e: ResourceEntry,
  kind: Kind | 'unknown',
): Finding {
  const name = suggestedName(e, kind);
  return {
    ruleId,
    range: entryAnchor(doc, e),
    message: `This resource has no name: write \`- ${name}:\` and indent \`Type\` and \`Properties\` under it.`,
    fixes: fixes(addNameFix(doc, e, name)),
    covers: itemCovers(doc, e, e),
  };
}

/** Inserts `name:` before the entry's first key and indents the entry under it (block style only). */
function addNameFix(doc: AppSpecDocument, e: ResourceEntry, name: string): Fix | undefined {
  const item = e.item as Node | null;
  const firstKey = pairsOf(item)[0]?.key as Node | undefined;
  if (!item?.range || !firstKey?.range || (item as YAMLMap).flow) return undefined;
  const column = doc.lines.positionAt(firstKey.range[0]).character;
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const edits: Edit[] = [
    { range: doc.rangeOf([firstKey.range[0], firstKey.range[0]]), newText: `${name}:${eol}${' '.repeat(column + 2)}` },
  ];
  edits.push(...indentLines(doc, doc.lines.positionAt(firstKey.range[0]).line + 1, item.range[1], '  '));
  return { title: `Add the resource name '${name}'`, isPreferred: true, edits };
}

/** `Type`/`Properties` written next to the resource name instead of under it, with a re-indent fix. */
export function misindentFinding(doc: AppSpecDocument, ruleId: string, e: ResourceEntry): Finding {
  const namePair = e.namePair!;
  const name = keyText(namePair) ?? '';
  return {
    ruleId,
    range: doc.keyRangeOf(namePair),
    message: `\`Type\` and \`Properties\` must be indented under \`${name}\`; here they are siblings of it, so \`${name}\` is empty.`,
    fixes: fixes(indentFix(doc, e)),
    covers: itemCovers(doc, e, e),
  };
}

/** Indents the item's lines after the name so they nest under it (block style only). */
function indentFix(doc: AppSpecDocument, e: ResourceEntry): Fix | undefined {
  const item = e.item as Node | null;
  const nameKey = e.namePair?.key as Node | undefined;
  const others = pairsOf(item).filter((p) => p !== e.namePair);
  const firstKey = others[0]?.key as Node | undefined;
  if (!item?.range || !nameKey?.range || !firstKey?.range || (item as YAMLMap).flow) return undefined;
  if (!startsLine(doc, firstKey.range[0])) return undefined;
  const delta =
    doc.lines.positionAt(nameKey.range[0]).character + 2 - doc.lines.positionAt(firstKey.range[0]).character;
  if (delta <= 0) return undefined;
  const edits = indentLines(doc, doc.lines.positionAt(firstKey.range[0]).line, item.range[1], ' '.repeat(delta));
  return edits.length
    ? { title: `Indent Type and Properties under '${keyText(e.namePair!) ?? ''}'`, isPreferred: true, edits }
    : undefined;
}

function containsTemplate(node: unknown): boolean {
  return hasPlaceholder(node);
}
