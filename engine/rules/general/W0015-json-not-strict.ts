import type { AppSpecDocument, Finding, Rule, RuleContext } from '../../types';
import { ALL_PLATFORMS } from '../../types';
import { blankJsonComments } from '../../document';

/**
 * W0015: a `.json` AppSpec that the YAML parser reads but a strict JSON parser rejects: a trailing
 * comma, a comment, single quotes, an unquoted key. JSON is parsed as YAML here (so such a file
 * gets no syntax error), but tools that go by the extension hand it to a JSON parser.
 */
export const jsonNotStrict: Rule = {
  id: 'W0015',
  name: 'json-not-strict',
  severity: 'warning',
  platforms: ALL_PLATFORMS,
  reads: 'text',
  title: 'A `.json` AppSpec is not strict JSON',
  doc:
    'The file name ends in `.json` and the content reads as YAML (which accepts trailing commas, comments, single ' +
    'quotes and unquoted keys), but it is not strict JSON. Tools that choose a JSON parser by the extension ' +
    '(CodePipeline, `aws deploy`, editors, `jq`) may reject it; whether the CodeDeploy service itself accepts it is not ' +
    'documented, so this is a warning. Fix the reported position (most often: remove the comma before `}` or `]`).',
  check(doc, ctx) {
    if (doc.format !== 'json' || doc.skipped || !doc.yaml || !doc.root) return [];
    if (!isJsonName(doc, ctx)) return [];
    if (doc.syntaxErrors.some((p) => p.severity === 'error')) return []; // E0001 reports the JSON error
    const bom = doc.text.startsWith('\uFEFF') ? 1 : 0;
    const body = doc.text.slice(bom);
    const first = /\S/.exec(body);
    if (!first || (first[0] !== '{' && first[0] !== '[')) return []; // W0013: the file holds YAML
    try {
      JSON.parse(body);
      return [];
    } catch (err) {
      const comment = firstComment(body);
      if (comment !== undefined) {
        return [
          {
            ruleId: 'W0015',
            message:
              'This `.json` file is not strict JSON: a comment (JSON has no comments); CodeDeploy and other tools may reject it.',
            range: doc.rangeOf([comment + bom, comment + bom + 2]),
          },
        ];
      }
      return [finding(doc, bom, body, (err as Error).message)];
    }
  },
};

function isJsonName(doc: AppSpecDocument, ctx: RuleContext): boolean {
  const name = ctx.fileName || doc.uri.split(/[?#]/)[0];
  return /\.json$/i.test(name);
}

/** Offset of the first `//` or `/*` comment outside strings (as the parser skips them, see blankJsonComments). */
function firstComment(body: string): number | undefined {
  const blanked = blankJsonComments(body);
  if (blanked === body) return undefined;
  for (let i = 0; i < body.length; i++) if (body[i] !== blanked[i]) return i;
  return undefined;
}

/**
 * Where JSON.parse stopped. Its message gives a position for most errors; for an unexpected token it does not
 * (`Unexpected token ']', "[1,]" is not valid JSON`), so the token is looked up, after a comma when it closes a
 * list or object (a trailing comma), else its first occurrence outside strings.
 */
function errorOffset(body: string, message: string): number {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Math.min(body.length, Number(pos[1]));
  const token = /Unexpected token '(.)'/.exec(message)?.[1];
  if (!token) return 0;
  let quote = false;
  let lastComma = -1;
  let firstToken = -1;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === '"') quote = false;
      continue;
    }
    if (c === '"') quote = true;
    else if (c === ',') lastComma = i;
    else if (c === token) {
      if ((c === ']' || c === '}') && lastComma >= 0 && body.slice(lastComma + 1, i).trim() === '') return i;
      if (firstToken < 0) firstToken = i;
    } else if (!/\s/.test(c)) lastComma = -1;
  }
  return Math.max(0, firstToken);
}

function finding(doc: AppSpecDocument, bom: number, body: string, message: string): Finding {
  const at = errorOffset(body, message);
  let start = at;
  let what = message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '')
    .replace(/, ".*" is not valid JSON$/s, '');
  // A trailing comma: the parser stops at the `}`/`]` after it; point at the comma itself.
  const before = body.slice(0, at).replace(/\s+$/, '');
  if ((body[at] === '}' || body[at] === ']') && before.endsWith(',')) {
    start = before.length - 1;
    what = `a trailing comma before \`${body[at]}\``;
  } else if (body.startsWith('//', at) || body.startsWith('/*', at) || body[at] === '#') {
    what = 'a comment (JSON has no comments)';
  }
  const end = Math.min(body.length, start + 1);
  return {
    ruleId: 'W0015',
    message: `This \`.json\` file is not strict JSON: ${what}; CodeDeploy and other tools may reject it.`,
    range: doc.rangeOf([start + bom, end + bom]),
  };
}
