/**
 * Checks that ECS and Lambda share almost word for word (Resources shape, resource Type,
 * hook event names). Each platform's rule file calls these with its own ID and wording.
 */
import type { AppSpecDocument, Edit, Finding, Fix } from '../../types';
import { hasPlaceholder, isMap, isQuoted, isSeq, keyText, pairsOf } from '../../ast';
import type { Node, Pair, YAMLMap, YAMLSeq } from '../../ast';
import {
  closestName,
  EC2_EVENT_EQUIVALENT,
  ECS_HOOK_EVENTS,
  LAMBDA_HOOK_EVENTS,
  ECS_RESERVED_EVENTS,
  LAMBDA_RESERVED_EVENTS,
  RESOURCE_TYPES,
} from './names';
import {
  hookEntries,
  isEmptyValue,
  resourceEntries,
  type ResourceEntry,
  resourcesPair,
  entryAnchor,
  entryName,
  stringValue,
  valueOf,
  pairCI,
  show,
} from './model';
import { addKeyFix, fixes, renameKeyFix, replaceValueFix, scalarText, stringLiteral } from './edits';

type Kind = 'ecs' | 'lambda';

const WORDS = {
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
  const entries = resourceEntries(doc);
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

/** True when only spaces precede `offset` on its line. */
function startsLine(doc: AppSpecDocument, offset: number): boolean {
  const column = doc.lines.positionAt(offset).character;
  return doc.text.slice(offset - column, offset).trim() === '';
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
  let end = range[1];
  while (end > 0 && /\s/.test(doc.text[end - 1])) end -= 1;
  const first = doc.lines.positionAt(firstKey.range[0]).line;
  const last = doc.lines.positionAt(end).line;
  for (let lineNo = first + 1; lineNo <= last; lineNo++) {
    const at = doc.lines.offsetAt({ line: lineNo, character: 0 });
    const next = doc.text.indexOf('\n', at);
    if (doc.text.slice(at, next < 0 ? undefined : next).trim() === '') continue;
    edits.push({ range: doc.rangeOf([at, at]), newText: '  ' });
  }
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
  let end = item.range[1];
  while (end > 0 && /\s/.test(doc.text[end - 1])) end -= 1;
  const first = doc.lines.positionAt(firstKey.range[0]).line;
  const last = doc.lines.positionAt(end).line;
  for (let lineNo = first + 1; lineNo <= last; lineNo++) {
    const at = doc.lines.offsetAt({ line: lineNo, character: 0 });
    const next = doc.text.indexOf('\n', at);
    if (doc.text.slice(at, next < 0 ? undefined : next).trim() === '') continue;
    edits.push({ range: doc.rangeOf([at, at]), newText: '  ' });
  }
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
  let end = item.range[1];
  while (end > 0 && /\s/.test(doc.text[end - 1])) end -= 1;
  const first = doc.lines.positionAt(firstKey.range[0]).line;
  const last = doc.lines.positionAt(end).line;
  const edits: Edit[] = [];
  for (let lineNo = first; lineNo <= last; lineNo++) {
    const at = doc.lines.offsetAt({ line: lineNo, character: 0 });
    const next = doc.text.indexOf('\n', at);
    if (doc.text.slice(at, next < 0 ? undefined : next).trim() === '') continue;
    edits.push({ range: doc.rangeOf([at, at]), newText: ' '.repeat(delta) });
  }
  return edits.length
    ? { title: `Indent Type and Properties under '${keyText(e.namePair!) ?? ''}'`, isPreferred: true, edits }
    : undefined;
}

function containsTemplate(node: unknown): boolean {
  return hasPlaceholder(node);
}

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

/** Checks 80 / 94: hook events are the platform's scriptable events, with "did you mean". */
/** The event name the AWS sample AppSpec templates use as a fill-in placeholder. */
export const TEMPLATE_EVENT_PLACEHOLDER = 'LifeCycleEvent';

export function hookEventFindings(doc: AppSpecDocument, ruleId: string, kind: Kind): Finding[] {
  const valid: readonly string[] = kind === 'ecs' ? ECS_HOOK_EVENTS : LAMBDA_HOOK_EVENTS;
  const reserved = kind === 'ecs' ? ECS_RESERVED_EVENTS : LAMBDA_RESERVED_EVENTS;
  const label = kind === 'ecs' ? 'ECS' : 'Lambda';
  const list = valid.map((v) => `\`${v}\``).join(', ');
  const out: Finding[] = [];
  for (const entry of hookEntries(doc)) {
    const event = entry.event;
    if (valid.includes(event) || hasPlaceholder(entry.pair.key)) continue;
    const range = doc.keyRangeOf(entry.pair);
    if (event === TEMPLATE_EVENT_PLACEHOLDER) {
      // The AWS sample/console template ships `- LifeCycleEvent: ""` for the author to fill in. An unedited
      // template is not a broken file, so this is a warning rather than an error (no false alarm on templates).
      out.push({
        ruleId,
        range,
        severity: 'warning',
        message: `\`${event}\` is the placeholder of the AWS sample template; replace it with one of ${list} and a function name, or delete the entry.`,
      });
      continue;
    }
    const swapped = stringValue(entry.pair.value);
    if (swapped !== undefined && valid.includes(swapped)) {
      const k = entry.pair.key as Node;
      const v = entry.pair.value as Node;
      const fix =
        k.range && v.range
          ? {
              title: `Swap: '${swapped}: ${event}'`,
              isPreferred: true,
              edits: [
                { range: doc.rangeOf([k.range[0], k.range[1]]), newText: doc.text.slice(v.range[0], v.range[1]) },
                { range: doc.rangeOf([v.range[0], v.range[1]]), newText: doc.text.slice(k.range[0], k.range[1]) },
              ],
            }
          : undefined;
      out.push({
        ruleId,
        range,
        message: `Event and function look swapped: the event name goes first (\`${swapped}: ${event}\`).`,
        fixes: fixes(fix),
      });
      continue;
    }
    const typo = closestName(event, valid);
    if (typo) {
      out.push({
        ruleId,
        range,
        message: `Unknown ${label} lifecycle event ${show(event)}; did you mean \`${typo}\`? Event names are case-sensitive.`,
        fixes: fixes(renameKeyFix(doc, entry.pair, typo, `Change to '${typo}'`)),
      });
      continue;
    }
    const reservedMatch = reserved.find((r) => r.toLowerCase() === event.toLowerCase());
    if (reservedMatch) {
      out.push({
        ruleId,
        range,
        message: `\`${reservedMatch}\` is run by CodeDeploy itself and cannot have a hook; ${label} hooks are ${list}.`,
      });
      continue;
    }
    const ec2 = Object.keys(EC2_EVENT_EQUIVALENT).find((n) => n.toLowerCase() === event.toLowerCase());
    if (ec2) {
      const eq = EC2_EVENT_EQUIVALENT[ec2][kind];
      const inEcs = (ECS_HOOK_EVENTS as readonly string[]).includes(ec2);
      const origin =
        kind === 'lambda' && inEcs
          ? ec2 === 'AfterAllowTestTraffic'
            ? 'an ECS'
            : 'an EC2/On-Premises and ECS'
          : 'an EC2/On-Premises';
      out.push({
        ruleId,
        range,
        message: `\`${ec2}\` is ${origin} lifecycle event; ${label} hooks are ${list}.${eq ? ` The closest ${label} event is \`${eq}\`.` : ''}`,
        fixes: eq ? fixes(renameKeyFix(doc, entry.pair, eq, `Change to '${eq}'`, false)) : undefined,
      });
      continue;
    }
    out.push({
      ruleId,
      range,
      message: `Unknown ${label} lifecycle event ${show(event)}; ${label} hooks are ${list}.`,
    });
  }
  return out;
}
