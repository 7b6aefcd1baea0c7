/** Double-quoted YAML scalars that hold backslashes: shared by W0006 (known escapes) and E0017 (unknown ones). */
import type { AppSpecDocument, Fix, Range } from '../../types';
import { scalarsOf } from './util';

/** Escapes YAML allows inside double quotes (the character after the backslash). */
const KNOWN_ESCAPES = new Set([
  '0',
  'a',
  'b',
  't',
  '\t',
  'n',
  'v',
  'f',
  'r',
  'e',
  ' ',
  '"',
  '/',
  '\\',
  'N',
  '_',
  'L',
  'P',
  'x',
  'u',
  'U',
  '\n',
  '\r',
]);

export interface BackslashScalar {
  range: Range;
  /** The first escape YAML does not know (`\\d`), if any. */
  unknown?: string;
  /** The same text in single quotes, where backslashes stay literal (absent when that would change the value). */
  singleQuoted?: Fix;
}

export function backslashScalars(doc: AppSpecDocument): BackslashScalar[] {
  if (!doc.yaml || doc.format === 'json') return [];
  const out: BackslashScalar[] = [];
  for (const s of scalarsOf(doc)) {
    if (s.type !== 'QUOTE_DOUBLE' || !s.range) continue;
    const raw = doc.text.slice(s.range[0], s.range[1]);
    const body = raw.replace(/^"/, '').replace(/"\s*$/, '');
    if (!body.includes('\\')) continue;
    let unknown: string | undefined;
    for (let i = 0; i < body.length; i++) {
      if (body[i] !== '\\') continue;
      const next = body[i + 1] ?? '';
      if (!KNOWN_ESCAPES.has(next)) unknown = unknown ?? `\\${next}`;
      i++;
    }
    const range = doc.rangeOf([s.range[0], s.range[0] + raw.trimEnd().length]);
    const canSingle = !body.includes("'") && !/[\r\n]/.test(body);
    out.push({
      range,
      unknown,
      singleQuoted: canSingle
        ? {
            title: 'Use single quotes (backslashes stay literal)',
            edits: [{ range, newText: `'${body}'` }],
            isPreferred: !!unknown,
          }
        : undefined,
    });
  }
  return out;
}
