/**
 * Checks one fuzz case in-process: the engine (parse + lint with workspace checks) and the
 * language service features never throw, and every range they return lies inside the document.
 * Returns the problems found (empty when the case passes).
 */
import { decodeBytes } from '../../server/src/cli/engine';
import { parseAppSpec, reparseAppSpec } from '../../engine/document';
import { dumpTree } from './yamlTree';
import { lint } from '../../engine/lint';
import { nodeFs } from '../../engine/nodeFs';
import type { Diagnosis } from '../../engine/types';
import { createLanguageService } from '../../server/src/languageService';
import { lineLengths, prng, rangeProblem, type FuzzCase, type RangeLike } from './fuzzCases';

const service = createLanguageService({ fs: nodeFs });

function diagnosisProblems(diags: readonly Diagnosis[], lens: number[], where: string): string[] {
  const out: string[] = [];
  for (const d of diags) {
    const bad = rangeProblem(d.range, lens);
    if (bad) out.push(`${where}: ${d.ruleId} range ${bad}`);
    if (!/^[EWI]\d{4}$/.test(d.ruleId)) out.push(`${where}: malformed rule id ${JSON.stringify(d.ruleId)}`);
    if (typeof d.message !== 'string' || !d.message.trim()) out.push(`${where}: ${d.ruleId} has an empty message`);
    if (!['error', 'warning', 'info', 'hint'].includes(d.severity))
      out.push(`${where}: ${d.ruleId} severity ${String(d.severity)}`);
    for (const r of d.related ?? []) {
      const b = r.uri ? undefined : rangeProblem(r.range, lens);
      if (b) out.push(`${where}: ${d.ruleId} related range ${b}`);
    }
    for (const f of d.fixes ?? []) {
      for (const e of f.edits ?? []) {
        const b = rangeProblem(e.range, lens);
        if (b) out.push(`${where}: ${d.ruleId} fix "${f.title}" edit range ${b}`);
      }
    }
  }
  return out;
}

/** Every `range`-like object nested in a feature result (symbols, folding ranges, links…). */
function collectRanges(value: unknown, out: RangeLike[] = [], depth = 0): RangeLike[] {
  if (!value || typeof value !== 'object' || depth > 50) return out;
  if (Array.isArray(value)) {
    for (const v of value) collectRanges(v, out, depth + 1);
    return out;
  }
  const o = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (
      (k === 'range' ||
        k === 'selectionRange' ||
        k === 'targetRange' ||
        k === 'targetSelectionRange' ||
        k === 'originSelectionRange') &&
      v &&
      typeof v === 'object' &&
      'start' in v
    ) {
      // Links to other files carry ranges in those files.
      if (!('targetUri' in o) || k === 'originSelectionRange') out.push(v as RangeLike);
    } else if (k !== 'data') collectRanges(v, out, depth + 1);
  }
  return out;
}

export interface CheckOptions {
  /** Absolute folder used as the bundle root (workspace checks look there). */
  bundleRoot: string;
  /** Also drive the language-service features (completion, hover, symbols, …). */
  features: boolean;
}

export function checkCase(c: FuzzCase, opts: CheckOptions): string[] {
  const problems: string[] = [];
  const text = decodeBytes(c.bytes);
  const lens = lineLengths(text);
  const uri = `file://${opts.bundleRoot}/${c.fileName}`;
  try {
    const doc = parseAppSpec(uri, text, c.index);
    if (doc.lines.lineCount !== lens.length)
      problems.push(`line index has ${doc.lines.lineCount} lines, LSP model ${lens.length}`);
    const diags = lint(doc, { fileName: c.fileName, bundleRoot: opts.bundleRoot, fs: nodeFs });
    problems.push(...diagnosisProblems(diags, lens, 'lint'));
  } catch (e) {
    problems.push(`engine threw: ${(e as Error)?.stack ?? String(e)}`);
  }
  problems.push(...incrementalProblems(c, uri, text));
  if (!opts.features) return problems;

  const tdoc = {
    uri,
    version: c.index + 1,
    getText: () => text,
    languageId: c.fileName.endsWith('.json') ? 'json' : 'yaml',
  };
  const r = prng(c.index + 7);
  const line = Math.floor(r() * lens.length);
  const position = { line, character: Math.floor(r() * (lens[line] + 1)) };
  const call = (name: string, fn: () => unknown): void => {
    try {
      const result = fn();
      for (const range of collectRanges(result)) {
        const bad = rangeProblem(range, lens);
        if (bad) problems.push(`${name} at ${position.line}:${position.character}: range ${bad}`);
      }
    } catch (e) {
      problems.push(`${name} at ${position.line}:${position.character} threw: ${(e as Error)?.stack ?? String(e)}`);
    }
  };
  let diagnostics: ReturnType<typeof service.validate> = [];
  call('validate', () => (diagnostics = service.validate(tdoc, { syntaxDiagnostics: 'always' })));
  call('complete', () => service.complete(tdoc, position));
  call('hover', () => service.hover(tdoc, position));
  call('documentSymbols', () => service.documentSymbols(tdoc));
  call('foldingRanges', () => service.foldingRanges(tdoc));
  call('codeActions', () => service.codeActions(tdoc, { start: position, end: position }, diagnostics));
  call('definition', () => service.definition(tdoc, position));
  call('codeLenses', () => service.codeLenses(tdoc));
  call('documentLinks', () => service.documentLinks(tdoc));
  service.forget(uri);
  return problems;
}

const NEARBY_EDITS = ['', '#', ' ', '\n', '- ', ': ', 'x', '"', '  '];

/**
 * Incremental re-parsing from a nearby earlier version (this text with one character removed or a
 * snippet added) must give exactly the tree a full parse gives, or decline.
 */
function incrementalProblems(c: FuzzCase, uri: string, text: string): string[] {
  try {
    const r = prng(c.index + 13);
    const at = Math.floor(r() * (text.length + 1));
    const snippet = NEARBY_EDITS[Math.floor(r() * NEARBY_EDITS.length)];
    const before = snippet ? text.slice(0, at) + snippet + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    const next = reparseAppSpec(parseAppSpec(uri, before, 1), text, 2);
    if (!next) return [];
    const full = parseAppSpec(uri, text, 2);
    if (full.syntaxErrors.length) return ['incremental parse answered for a text with syntax problems'];
    if (dumpTree(next).join('\n') !== dumpTree(full).join('\n')) return ['incremental parse differs from a full parse'];
    return [];
  } catch (e) {
    return [`incremental parse threw: ${(e as Error)?.stack ?? String(e)}`];
  }
}
