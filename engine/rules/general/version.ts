/** Helpers of the `version` rules (appspec.md §2): the pair, zero text, the fix, the quoted form. */
import type { Node, Pair } from 'yaml';
import { isScalar } from 'yaml';
import type { AppSpecDocument, Fix } from '../../types';
import { findPair, isQuoted } from '../../ast';

/** The `version` pair: exact key on EC2, any case elsewhere. */
export function versionPair(doc: AppSpecDocument): Pair | undefined {
  if (!doc.root) return undefined;
  return findPair(doc.root, 'version', { caseInsensitive: doc.platform.platform !== 'ec2' });
}

export function isZeroText(s: string): boolean {
  return /^\s*[+]?0+(\.0*)?\s*$/.test(s) || /^\s*0*\.0+\s*$/.test(s);
}

export function setVersionFix(doc: AppSpecDocument, value: Node | null): Fix[] {
  const range = value && value.range && value.range[1] > value.range[0] ? doc.rangeOf(value) : undefined;
  if (!range) return [];
  return [{ title: 'Write `version: 0.0`', edits: [{ range, newText: '0.0' }], isPreferred: true }];
}

export function quotedZero(doc: AppSpecDocument): { pair: Pair; value: Node } | undefined {
  const pair = versionPair(doc);
  const value = pair?.value as Node | null | undefined;
  if (!pair || !isScalar(value) || typeof value.value !== 'string' || !isZeroText(value.value)) return undefined;
  if (!isQuoted(value) && doc.format !== 'json') return undefined;
  return { pair, value };
}
