/**
 * Inline suppressions in YAML AppSpecs:
 *   `# appspec-lint disable=W4001,E2003` as a trailing comment silences those rules on its line;
 *   on a line of its own it silences the next line that is not blank or a comment;
 *   `# appspec-lint disable-file=W4001` anywhere silences them in the whole file.
 * `all` stands for every rule. JSON has no comments, so JSON AppSpecs use `.appspec-lint.json` instead.
 */
import type { AppSpecDocument, Edit, Finding } from './types';

const DIRECTIVE = /#\s*appspec-lint\s+(disable|disable-file)\s*=\s*([A-Za-z0-9_]+(?:\s*,\s*[A-Za-z0-9_]+)*)/g;

export interface Suppressions {
  /** Rule IDs (upper-case, or `ALL`) silenced in the whole file. */
  file: Set<string>;
  /** Line → rule IDs silenced on it. */
  lines: Map<number, Set<string>>;
}

function splitIds(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}

/** True when the `#` at `index` of a line starts a comment (not inside a quoted string or a word). */
function isCommentStart(line: string, index: number): boolean {
  if (index > 0 && !/\s/.test(line[index - 1])) return false;
  let single = false;
  let double = false;
  for (let i = 0; i < index; i++) {
    const c = line[i];
    if (double && c === '\\') {
      i++;
      continue;
    }
    if (c === '"' && !single) double = !double;
    else if (c === "'" && !double) single = !single;
  }
  return !single && !double;
}

function isBlankOrComment(line: string): boolean {
  const t = line.replace(/^\uFEFF/, '').trim();
  return t === '' || t.startsWith('#');
}

/** Reads every suppression directive of a document. */
export function parseSuppressions(doc: Pick<AppSpecDocument, 'text' | 'format' | 'lines'>): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map() };
  if (doc.format === 'json' || !doc.text.includes('appspec-lint')) return result;
  const lines = doc.text.split(/\r\n|\r|\n/);
  const add = (line: number, ids: string[]) => {
    let set = result.lines.get(line);
    if (!set) result.lines.set(line, (set = new Set()));
    for (const id of ids) set.add(id);
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (!line.includes('appspec-lint')) continue;
    for (const m of line.matchAll(DIRECTIVE)) {
      const at = m.index ?? 0;
      if (!isCommentStart(line, at)) continue;
      const ids = splitIds(m[2]);
      if (m[1] === 'disable-file') {
        for (const id of ids) result.file.add(id);
        continue;
      }
      const ownLine =
        line
          .slice(0, at)
          .replace(/^\uFEFF/, '')
          .trim() === '';
      if (!ownLine) {
        add(n, ids);
        continue;
      }
      let next = n + 1;
      while (next < lines.length && isBlankOrComment(lines[next])) next++;
      if (next < lines.length) add(next, ids);
    }
  }
  return result;
}

/** True when the finding is silenced. */
export function isSuppressed(s: Suppressions, finding: Pick<Finding, 'ruleId' | 'range'>): boolean {
  const id = finding.ruleId.toUpperCase();
  if (s.file.has(id) || s.file.has('ALL')) return true;
  const set = s.lines.get(finding.range.start.line);
  return !!set && (set.has(id) || set.has('ALL'));
}

/** Drops silenced findings. */
export function applySuppressions<T extends Pick<Finding, 'ruleId' | 'range'>>(
  doc: Pick<AppSpecDocument, 'text' | 'format' | 'lines'>,
  findings: T[],
): T[] {
  const s = parseSuppressions(doc);
  if (s.file.size === 0 && s.lines.size === 0) return findings;
  return findings.filter((f) => !isSuppressed(s, f));
}

/**
 * The edit that silences `ruleId` on `line` (scope `line`, a comment on the line above, or
 * extending one that is already there) or in the whole file (scope `file`, a comment at the top).
 * Undefined for JSON, which has no comments.
 */
export function suppressionEdit(
  doc: Pick<AppSpecDocument, 'text' | 'format' | 'lines'>,
  ruleId: string,
  line: number,
  scope: 'line' | 'file' = 'line',
): Edit | undefined {
  if (doc.format === 'json') return undefined;
  const lines = doc.text.split(/\r\n|\r|\n/);
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const bom = doc.text.startsWith('\uFEFF') ? 1 : 0;
  if (scope === 'file') {
    for (let n = 0; n < lines.length; n++) {
      const m = /^(\uFEFF?\s*#\s*appspec-lint\s+disable-file\s*=\s*[A-Za-z0-9_,\s]*?)\s*$/.exec(lines[n]);
      if (m) {
        if (splitIds(m[1].split('=')[1]).includes(ruleId.toUpperCase())) return undefined;
        const end = m[1].length;
        return {
          range: { start: { line: n, character: end }, end: { line: n, character: end } },
          newText: `,${ruleId}`,
        };
      }
    }
    const at = { line: 0, character: bom };
    return { range: { start: at, end: at }, newText: `# appspec-lint disable-file=${ruleId}${eol}` };
  }
  const target = Math.max(0, Math.min(line, lines.length - 1));
  const above = target > 0 ? lines[target - 1] : undefined;
  const m = above !== undefined ? /^(\s*#\s*appspec-lint\s+disable\s*=\s*[A-Za-z0-9_,\s]*?)\s*$/.exec(above) : null;
  if (m) {
    const end = m[1].length;
    return {
      range: { start: { line: target - 1, character: end }, end: { line: target - 1, character: end } },
      newText: `,${ruleId}`,
    };
  }
  const text = lines[target].replace(/^\uFEFF/, '');
  const indent = /^[ \t]*/.exec(text)?.[0].replace(/\t/g, '  ') ?? '';
  const at = { line: target, character: target === 0 ? bom : 0 };
  return { range: { start: at, end: at }, newText: `${indent}# appspec-lint disable=${ruleId}${eol}` };
}
