/**
 * Runs the schema check and every applicable rule over one parsed AppSpec, then applies the
 * configuration (severity overrides, `off`) and inline suppressions, and sorts by position.
 * A rule that throws reports nothing and is reported as an internal error (internalErrors.ts); linting goes on.
 */
import type { Node } from 'yaml';
import type { AppSpecDocument, Diagnosis, Finding, Range, Rule, RuleContext, Severity } from './types';
import { allRules } from './rules';
import { schemaFindings, SCHEMA_RULE_IDS } from './schema';
import { applySuppressions } from './suppressions';
import type { LintConfig } from './config';
import { parseAppSpec, type ParseOptions } from './document';
import { memoizeFs } from './memoFs';
import { fileNameOf } from './fileNames';
import { reportInternalError } from './internalErrors';
import { startRun } from './derived';
import {
  hasTemplateMarks,
  PLACEHOLDER_NOTE,
  softening,
  subjectAt,
  subjectIndex,
  TEMPLATE_BLANK_ID,
  TEMPLATE_PLACEHOLDER_ID,
} from './subject';

const NOT_AN_APPSPEC_ID = 'E0012';
const KEEP_WITH_NOT_APPSPEC = new Set([NOT_AN_APPSPEC_ID, 'E0001', 'E0007']);

/** General rules (0xxx) look at text and syntax only, so they are safe on broken YAML and skipped files. */
export function isSafeOnBrokenDocument(rule: Pick<Rule, 'id'>): boolean {
  return /^[EWI]0\d{3}$/.test(rule.id);
}

/** Syntax errors that leave the document's structure intact, so every rule can still run. */
const LOCAL_SYNTAX_CODES = new Set([
  'BAD_DQ_ESCAPE',
  'MULTIPLE_DOCS',
  'KEY_OVER_1024_CHARS',
  'TAG_RESOLVE_FAILED',
  'DUPLICATE_KEY',
]);

function structureBroken(doc: AppSpecDocument): boolean {
  return doc.syntaxErrors.some((p) => p.severity === 'error' && !LOCAL_SYNTAX_CODES.has(p.code));
}

export const CONFIG_PROBLEM_ID = 'W0014';

function configFindings(doc: AppSpecDocument, problems: NonNullable<LintConfig['problems']>): Finding[] {
  const start = doc.text.startsWith('\uFEFF') ? 1 : 0;
  return problems.map((p) => ({
    ruleId: CONFIG_PROBLEM_ID,
    message: `${p.message}${p.path ? ` (${p.path})` : ''} ${/not valid JSON/.test(p.message) ? 'None of its settings were applied.' : 'That entry was ignored.'}`,
    range: doc.rangeOf([start, start]),
  }));
}

function runRule(rule: Rule, doc: AppSpecDocument, ctx: RuleContext): Finding[] {
  try {
    const found = rule.check(doc, ctx);
    return Array.isArray(found) ? found : [];
  } catch (err) {
    reportInternalError(`rule ${rule.id}`, doc.uri, err);
    return [];
  }
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
function samePos(a: Range['start'], b: Range['start']): boolean {
  return a.line === b.line && a.character === b.character;
}
function contains(outer: Range, inner: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

/** True when a rule finding makes a schema finding redundant. */
export function overlaps(a: Range, b: Range): boolean {
  return samePos(a.start, b.start) || contains(a, b) || contains(b, a);
}

/** True when rule finding `r` makes schema finding `s` redundant (`flags`: `r` is an error or a warning). */
function covers(r: Finding, s: Finding, flags: (f: Finding) => boolean): boolean {
  return overlaps(r.range, s.range) || (r.range.start.line === s.range.start.line && flags(r));
}

/** A position as one number ordered like (line, character); undefined when outside the encodable range. */
function posKey(p: Range['start']): number | undefined {
  const { line, character } = p;
  return Number.isInteger(line) &&
    Number.isInteger(character) &&
    line >= 0 &&
    character >= 0 &&
    line < 2 ** 22 &&
    character < 2 ** 30
    ? line * 2 ** 30 + character
    : undefined;
}

/**
 * The schema findings that no rule finding covers (see `covers`), as a new array. Small inputs compare every
 * pair; large ones (thousands of findings of both kinds) use rule ranges sorted by start, with the same answer.
 */
export function withoutCovered(
  schema: readonly Finding[],
  rules: readonly Finding[],
  flags: (f: Finding) => boolean,
): Finding[] {
  if (schema.length * rules.length <= 4096) return schema.filter((s) => !rules.some((r) => covers(r, s, flags)));
  const keyed: { start: number; end: number }[] = [];
  const starts = new Set<number>();
  const flaggedLines = new Set<number>();
  for (const r of rules) {
    const start = posKey(r.range.start);
    const end = posKey(r.range.end);
    if (start === undefined || end === undefined) return schema.filter((s) => !rules.some((x) => covers(x, s, flags)));
    keyed.push({ start, end });
    starts.add(start);
    if (flags(r)) flaggedLines.add(r.range.start.line);
  }
  keyed.sort((a, b) => a.start - b.start);
  const n = keyed.length;
  // Largest end among ranges starting at or before i; smallest end among ranges starting at or after i.
  const maxEndUpTo = new Array<number>(n);
  const minEndFrom = new Array<number>(n);
  for (let i = 0; i < n; i++) maxEndUpTo[i] = Math.max(keyed[i].end, i > 0 ? maxEndUpTo[i - 1] : -Infinity);
  for (let i = n - 1; i >= 0; i--) minEndFrom[i] = Math.min(keyed[i].end, i < n - 1 ? minEndFrom[i + 1] : Infinity);
  /** Index of the first range starting after `key` (`orEqual`: at or after `key`). */
  const firstStart = (key: number, orEqual: boolean): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keyed[mid].start < key || (!orEqual && keyed[mid].start === key)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return schema.filter((s) => {
    const start = posKey(s.range.start);
    const end = posKey(s.range.end);
    if (start === undefined || end === undefined) return !rules.some((r) => covers(r, s, flags));
    if (flaggedLines.has(s.range.start.line) || starts.has(start)) return false;
    const before = firstStart(start, false) - 1; // a rule range that starts no later and ends no earlier
    if (before >= 0 && maxEndUpTo[before] >= end) return false;
    const after = firstStart(start, true); // a rule range inside this one
    if (after < n && minEndFrom[after] <= end) return false;
    return true;
  });
}

/** General 0xxx findings (text and syntax) stand on their own: a structural finding never hides them. */
const INDEPENDENT = /^[EWI]0\d{3}$/;

function within(outer: Range, p: Range['start']): boolean {
  return !before(p, outer.start) && before(p, outer.end);
}

/**
 * The findings without the consequences of structural mistakes: a finding that starts inside the `covers`
 * range of a structural finding is left out (general 0xxx findings excepted). Of nested structural findings
 * the outermost is kept, so one mistake is reported once.
 */
export function withoutConsequences(findings: readonly Finding[]): Finding[] {
  const structural = findings.filter((f) => f.covers);
  if (structural.length === 0) return [...findings];
  const size = (r: Range) => (r.end.line - r.start.line) * 1e6 + (r.end.character - r.start.character);
  const kept: Finding[] = [];
  for (const s of [...structural].sort((a, b) => size(b.covers!) - size(a.covers!))) {
    if (!kept.some((k) => within(k.covers!, s.range.start))) kept.push(s);
  }
  return findings.filter(
    (f) => kept.includes(f) || INDEPENDENT.test(f.ruleId) || !kept.some((k) => within(k.covers!, f.range.start)),
  );
}

function comparePos(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Rules that apply to this document's platform. */
export function applicableRules(doc: AppSpecDocument, rules: readonly Rule[] = allRules): Rule[] {
  return rules.filter((r) => r.platforms.includes(doc.platform.platform));
}

export interface LintOptions {
  /** Rules to run instead of `allRules` (tests). */
  rules?: readonly Rule[];
  /**
   * Findings to use instead of running a rule, by rule ID (`SCHEMA_KEY` for the schema check): the
   * previous version's, after an edit that changed no node (see `Rule.reads`).
   */
  reuse?: ReadonlyMap<string, Finding[]>;
  /** Receives each rule's raw findings (and the schema's under `SCHEMA_KEY`), for a later `reuse`. */
  record?: Map<string, Finding[]>;
}

/** Key of the schema check's findings in `LintOptions.reuse` / `record`. */
export const SCHEMA_KEY = '#schema';

/** Lints one parsed AppSpec. */
export function lint(
  doc: AppSpecDocument,
  ctx: RuleContext,
  config?: LintConfig,
  options: LintOptions = {},
): Diagnosis[] {
  return runToEnd(lintSteps(doc, ctx, config, options));
}

/** Runs steps (see `lintSteps`) to the end and returns their result. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `lint` in steps: it pauses (yields) after each rule it runs and after the schema check, so a caller can
 * give other work a turn on a large document and drop the run when it is no longer wanted. The result is
 * `lint`'s.
 */
export function* lintSteps(
  doc: AppSpecDocument,
  ctx: RuleContext,
  config?: LintConfig,
  options: LintOptions = {},
): Generator<void, Diagnosis[], void> {
  const rules = options.rules ?? allRules;
  // A fresh context per run: views that read the workspace are shared by the rules of this run only.
  const effectiveCtx: RuleContext =
    config?.workspaceChecks === false
      ? { ...ctx, fs: undefined }
      : ctx.fs
        ? { ...ctx, fs: memoizeFs(ctx.fs) }
        : { ...ctx };
  if (config?.taskDefinitionFile !== undefined) effectiveCtx.taskDefinitionFile = config.taskDefinitionFile;
  startRun(effectiveCtx);
  const limited = !!doc.skipped || !doc.yaml || structureBroken(doc);
  const ruleFindings: Finding[] = [];
  for (const rule of applicableRules(doc, rules)) {
    if (SCHEMA_RULE_IDS.has(rule.id)) continue;
    if (limited && !isSafeOnBrokenDocument(rule)) continue;
    // Rules turned off still run: their findings hide the overlapping schema findings, so turning off
    // a specific rule does not bring back the generic schema message for the same node.
    const reused = options.reuse?.get(rule.id);
    const found = reused ?? runRule(rule, doc, effectiveCtx);
    options.record?.set(rule.id, found);
    for (const f of found) ruleFindings.push(f);
    if (!reused) yield;
  }

  // A file that is not an AppSpec at all gets one clear finding instead of a flood.
  const notAppSpec = ruleFindings.some((f) => f.ruleId === NOT_AN_APPSPEC_ID);
  if (notAppSpec) {
    const keep = ruleFindings.filter((f) => KEEP_WITH_NOT_APPSPEC.has(f.ruleId));
    ruleFindings.length = 0;
    for (const f of keep) ruleFindings.push(f); // no spread: the list may be long
  }

  let schema: Finding[] = [];
  if (!limited && !notAppSpec) {
    try {
      schema = options.reuse?.get(SCHEMA_KEY) ?? schemaFindings(doc);
      options.record?.set(SCHEMA_KEY, schema);
    } catch (err) {
      reportInternalError('schema check', doc.uri, err);
    }
    yield;
  }
  const severities = new Map<string, Severity>();
  for (const r of rules) severities.set(r.id, r.severity);
  const defaultSeverity = (f: Finding): Severity => severities.get(f.ruleId) ?? 'warning';

  // One report per problem: a schema finding is dropped when a rule finding covers the same node, or
  // when a rule finding that flags something (error or warning) starts on the same line; the rule's
  // message is the specific one (`TaskDefinition: ""` gets E6004, not E6004 plus E1105).
  schema = withoutCovered(schema, ruleFindings, (r) => ['error', 'warning'].includes(defaultSeverity(r)));

  // One report per structural mistake: what lies inside a structural finding's `covers` follows from it.
  const reported = withoutConsequences([...ruleFindings, ...schema]);
  if (config?.problems?.length) reported.push(...configFindings(doc, config.problems));

  // The template policy (see subject.ts): errors about blank values or placeholders are softened, under IDs of
  // their own (a rule's letter always matches its severity).
  let index: ReturnType<typeof subjectIndex> | undefined;
  const isTemplate = (except: Node | null) => hasTemplateMarks(doc.yaml, except);
  const out: Diagnosis[] = [];
  for (const f of reported) {
    const fallback = defaultSeverity(f);
    const configured = config?.rules?.[f.ruleId];
    let finding = f;
    let setting = configured ?? fallback;
    if (configured === undefined && fallback === 'error' && doc.yaml && !f.covers) {
      index ??= subjectIndex(doc.yaml);
      const how = softening(f.ruleId, subjectAt(doc, index, f.range), isTemplate);
      if (how === 'drop') continue;
      if (how === 'blank' || how === 'placeholder') {
        const id = how === 'blank' ? TEMPLATE_BLANK_ID : TEMPLATE_PLACEHOLDER_ID;
        const note =
          how === 'blank'
            ? ` (left blank, as in a template: fill it in before deploying; ${f.ruleId})`
            : `${PLACEHOLDER_NOTE.replace(/\)$/, '')}; ${f.ruleId})`;
        finding = { ...f, ruleId: id, message: `${f.message.replace(/\.$/, '')}${note}.` };
        setting = config?.rules?.[id] ?? 'warning';
      }
    }
    if (setting === 'off') continue;
    out.push({ ...finding, severity: setting });
  }
  return applySuppressions(doc, out).sort(comparePos);
}

export interface LintTextOptions {
  uri?: string;
  fileName?: string;
  ctx?: Partial<RuleContext>;
  config?: LintConfig;
  parse?: ParseOptions;
}

/** Parses and lints text in one call (used for `AppSpecContent`, the CLI and tests). */
export function lintText(text: string, opts: LintTextOptions = {}): Diagnosis[] {
  // Content without a name (an inline `AppSpecContent` revision) is named after what it holds.
  const byContent = /^\uFEFF?\s*[{[]/.test(text) ? 'appspec.json' : 'appspec.yml';
  const fileName = opts.fileName ?? opts.ctx?.fileName ?? (fileNameOf(opts.uri ?? '') || byContent);
  const uri = opts.uri ?? `untitled:${fileName}`;
  const doc = parseAppSpec(uri, text, 0, opts.parse);
  return lint(doc, { ...opts.ctx, fileName }, opts.config);
}
