import type { AppSpecDocument, Finding, Rule } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { LIFECYCLE_EVENTS } from '../../knowledge';

/** Parser codes reported by dedicated rules instead of this one. */
export const DEDICATED_CODES = new Set(['TAB_AS_INDENT', 'BAD_DQ_ESCAPE', 'BAD_ALIAS']);

export const syntaxError: Rule = {
  id: 'E0001',
  name: 'yaml-syntax-error',
  severity: 'error',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'The file is not well-formed YAML or JSON',
  doc:
    'The AppSpec must parse as YAML (JSON is YAML too). The EC2 agents fail the deployment with a parser error ' +
    '(Psych or serde_yaml), and the CodeDeploy service rejects an ECS or Lambda AppSpec that "is a not well-formed yaml". ' +
    'Fix the reported position; other checks that need the document structure are skipped until the file parses. ' +
    'The parser often reports one broken line several times (and the lines after it that no longer fit): only the ' +
    'first error of such a run is shown.',
  check(doc) {
    const json = doc.format === 'json' ? jsonError(doc) : undefined;
    if (json) return [json];
    const tabLines = new Set(doc.syntaxErrors.filter((p) => p.code === 'TAB_AS_INDENT').map((p) => p.range.start.line));
    const out: Finding[] = [];
    for (const p of doc.syntaxErrors) {
      if (DEDICATED_CODES.has(p.code) || p.severity === 'warning') continue; // parser warnings: W0016
      // Tab indentation confuses the parser on the lines around it; E0003 already says why.
      const line = p.range.start.line;
      if (tabLines.has(line) || tabLines.has(line + 1)) continue;
      const finding: Finding = {
        ruleId: 'E0001',
        message:
          p.code === 'TAG_RESOLVE_FAILED' ? tagMessage(p.message) : `YAML syntax error: ${friendly(p.code, p.message)}`,
        range: p.range,
      };
      out.push(finding);
      const dedented = isIndentationError(p.code, p.message) ? dedentedEventAbove(doc, line) : undefined;
      if (dedented && !out.some((f) => f.range.start.line === dedented.range.start.line)) {
        finding.related = [{ range: dedented.range, message: `\`${dedented.name}\` is at the top level here` }];
        out.push({
          ruleId: 'E0001',
          message:
            `\`${dedented.name}\` is a lifecycle event but starts at column 1, at the top level, so the lines ` +
            'below it no longer fit the indentation of the `hooks:` block. Indent it under `hooks:` like the other events.',
          range: dedented.range,
          related: [{ range: p.range, message: 'where the parser reported the indentation error' }],
        });
      }
    }
    return firstOfEachRun(out);
  },
};

/**
 * One finding per syntax mistake: the parser reports a broken line several times over (two messages at one
 * spot, then the next lines that no longer fit), so a finding that starts on the line of a kept one, or one or two
 * lines below it, is left out. Fixing the first error shows the next real one.
 */
function firstOfEachRun(found: Finding[]): Finding[] {
  const sorted = [...found].sort((a, b) => a.range.start.line - b.range.start.line);
  const kept: Finding[] = [];
  for (const f of sorted) {
    const last = kept[kept.length - 1];
    if (last && f.range.start.line - last.range.start.line <= 2 && f.range.start.line >= last.range.start.line)
      continue;
    kept.push(f);
  }
  return kept;
}

/** Every lifecycle event name of every platform (reserved ones too: a dedented `Install:` is the same mistake). */
const EVENT_NAMES: ReadonlySet<string> = new Set(
  Object.values(LIFECYCLE_EVENTS).flatMap((events) => events.map((e) => e.name)),
);

function isIndentationError(code: string, message: string): boolean {
  return code === 'BAD_INDENT' || /same column|indent/i.test(message);
}

/**
 * The nearest key at column 1 above `errorLine`, when it is a lifecycle event name: a hook event
 * dedented out of an indented `hooks:` block makes the parser fail a few lines later, where the
 * next indented event no longer fits.
 */
function dedentedEventAbove(
  doc: AppSpecDocument,
  errorLine: number,
): { name: string; range: Finding['range'] } | undefined {
  const lines = doc.text.split(/\r?\n/);
  for (let i = Math.min(errorLine, lines.length - 1); i >= 0 && errorLine - i <= 200; i--) {
    const m = /^([A-Za-z][\w-]*)[ \t]*:(?:\s|$)/.exec(lines[i]);
    if (!m) continue;
    if (i === errorLine) continue; // the reported line itself is where the parser stopped
    if (!EVENT_NAMES.has(m[1])) return undefined;
    const start = doc.lines.offsetAt({ line: i, character: 0 });
    return { name: m[1], range: doc.rangeOf([start, start + m[1].length]) };
  }
  return undefined;
}

export function tagMessage(parserMessage: string): string {
  const tag = /(![\w!:.-]*)/.exec(parserMessage)?.[1] ?? 'This tag';
  return `\`${tag}\` is a YAML tag CodeDeploy does not understand. CloudFormation functions such as \`!Ref\`, \`!Sub\` and \`!GetAtt\` are not resolved in an AppSpec: write the literal value.`;
}

/** For JSON files, one precise error from the JSON parser instead of the YAML parser's follow-on errors. */
function jsonError(doc: AppSpecDocument): Finding | undefined {
  if (!doc.syntaxErrors.some((p) => p.severity === 'error')) return undefined;
  const bom = doc.text.startsWith('\uFEFF') ? 1 : 0;
  try {
    JSON.parse(doc.text.slice(bom));
    return undefined;
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    if (!pos) return undefined;
    const at = Math.min(doc.text.length, Number(pos[1]) + bom);
    const clean = msg.replace(/\s*in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    return {
      ruleId: 'E0001',
      message: `JSON syntax error: ${clean}.`,
      range: doc.rangeOf([at, Math.min(doc.text.length, at + 1)]),
    };
  }
}

/** The parser's message plus a hint in AppSpec terms for the common mistakes. */
export function friendly(code: string, message: string): string {
  if (/call stack/i.test(message))
    return 'the file is nested too deeply to be parsed; an AppSpec needs only a few levels.';
  switch (code) {
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a second `---`). An AppSpec is one document: agent v2 rejects the file and v1 reads only the first part.';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `${message}. Two \`key: value\` pairs are on one line, or a value contains \`: \`: put each key on its own line, or quote the value.`;
    case 'MULTILINE_IMPLICIT_KEY':
      return `${message}. A line has no \`key:\` where one is expected: check for a missing colon or wrong indentation.`;
    case 'BAD_INDENT':
      return `${message}. Check this line's indentation against the lines around it.`;
    case 'BAD_SCALAR_START':
      return `${message}. Quote the value.`;
    case 'MISSING_CHAR':
      return `${message}.`;
    default:
      return message;
  }
}
