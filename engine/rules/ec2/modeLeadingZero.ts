/** Unquoted `mode` values with a leading zero, as agent v1 (YAML 1.1) reads them: shared by W3009 and E3024. */
import type { AppSpecDocument, Fix } from '../../types';
import { findPair, isQuoted, isScalar, scalarSource, type Scalar } from '../../ast';
import { permissionEntries, replaceNode, singleQuoted, templated } from './util';

const RWX = ['---', '--x', '-w-', '-wx', 'r--', 'r-x', 'rw-', 'rwx'];

export function symbolic(digits: string): string {
  return [...digits.slice(-3).padStart(3, '0')].map((d) => RWX[Number(d)] ?? '???').join('');
}

export interface LeadingZeroMode {
  value: Scalar;
  /** As written, e.g. `0644`. */
  text: string;
  /** What the user meant: the digits without the leading zeros (`644`). */
  intended: string;
  /** What agent v1 ends up with: the octal number's decimal digits (`420`). */
  v1: string;
  /** True when those digits hold an 8 or a 9, so v1 rejects the mode and the deployment fails. */
  fails: boolean;
  fixes: Fix[];
}

/** Every unquoted `mode` with a leading zero that agent v1 reads differently from how it is written. */
export function leadingZeroModes(doc: AppSpecDocument): LeadingZeroMode[] {
  const out: LeadingZeroMode[] = [];
  for (const entry of permissionEntries(doc)) {
    const value = findPair(entry.map, 'mode')?.value;
    if (!isScalar(value) || isQuoted(value) || templated(value)) continue;
    const text = (scalarSource(value) ?? '').trim();
    if (!/^0[0-7]+$/.test(text)) continue;
    const intended = text.replace(/^0+/, '') || '0';
    const v1 = parseInt(text, 8).toString(10);
    if (v1 === intended) continue;
    const quoted = doc.format === 'json' ? JSON.stringify(text) : singleQuoted(text);
    const fixes: Fix[] = [
      { title: `Quote it: ${quoted}`, edits: [replaceNode(doc, value, quoted)], isPreferred: true },
    ];
    if (intended.length <= 4)
      fixes.push({
        title: `Drop the leading zero: ${intended.padStart(3, '0')}`,
        edits: [replaceNode(doc, value, intended.padStart(3, '0'))],
      });
    out.push({ value, text, intended, v1, fails: /[89]/.test(v1), fixes });
  }
  return out;
}
