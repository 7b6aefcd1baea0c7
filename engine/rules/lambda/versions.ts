/** Reading `CurrentVersion` / `TargetVersion` values, shared by the Lambda version rules. */
import { hasPlaceholder, isScalar, scalarSource } from '../../ast';
import type { Node, Pair, YAMLMap } from '../../ast';
import { isEmptyValue, pairCI, valueOf } from '../ecs-lambda/model';

export const VERSION_KEYS = ['CurrentVersion', 'TargetVersion'] as const;

export interface VersionValue {
  key: (typeof VERSION_KEYS)[number];
  pair: Pair;
  node: Node;
  /** The text as written (without quotes). */
  text: string;
  /** 'number' when YAML/JSON read it as a number. */
  kind: 'string' | 'number' | 'other';
  /** A YAML tag such as `!GetAtt`, when present. */
  tag?: string;
}

/** The version values present in a Properties map, skipping empty ones and pipeline placeholders (except `$LATEST`). */
export function versionValues(props: YAMLMap): VersionValue[] {
  const out: VersionValue[] = [];
  for (const key of VERSION_KEYS) {
    const pair = pairCI(props, key);
    const node = valueOf(pair);
    if (!pair || !node || isEmptyValue(node)) continue;
    const tag = typeof node.tag === 'string' && node.tag.startsWith('!') ? node.tag : undefined;
    if (!isScalar(node)) {
      out.push({ key, pair, node, text: '', kind: 'other', tag });
      continue;
    }
    const source = scalarSource(node) ?? String(node.value);
    // An integer literal such as `01` reaches the service as the number 1; keep decimals (`1.0`) as written.
    const text =
      typeof node.value === 'string'
        ? node.value.trim()
        : typeof node.value === 'number' && /^\+?\d+$/.test(source)
          ? String(node.value)
          : source;
    if (text !== '$LATEST' && hasPlaceholder(node) && !tag) continue;
    out.push({
      key,
      pair,
      node,
      text,
      kind: typeof node.value === 'number' ? 'number' : typeof node.value === 'string' ? 'string' : 'other',
      tag,
    });
  }
  return out;
}

/** True for the published-version form Lambda uses: 1, 2, 3, … */
export function isPositiveInteger(text: string): boolean {
  return /^[1-9]\d*$/.test(text);
}

/** A plain word in place of a version (`CURRENT_VERSION`, `version-of-the-function`): a placeholder a script replaces. */
export function isVersionPlaceholder(text: string): boolean {
  return /^[A-Za-z][A-Za-z_-]*$/.test(text) && text.toUpperCase() !== '$LATEST' && text.toUpperCase() !== 'LATEST';
}

/** The version keys present with an empty value (`CurrentVersion:`, `TargetVersion: ""`). */
export function emptyVersions(props: YAMLMap): { key: (typeof VERSION_KEYS)[number]; pair: Pair }[] {
  const out: { key: (typeof VERSION_KEYS)[number]; pair: Pair }[] = [];
  for (const key of VERSION_KEYS) {
    const pair = pairCI(props, key);
    if (pair && isEmptyValue(valueOf(pair))) out.push({ key, pair });
  }
  return out;
}
