/**
 * The language service: every editor feature as a plain function over the cached parse of a
 * document. No connection, no transport; tests and the LSP glue call this.
 */
import type {
  CodeAction,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  LocationLink,
  Location,
  Position,
  Range,
} from 'vscode-languageserver-types';
import {
  DocumentCache,
  fileNameOf,
  lint,
  lintHead,
  lintSteps,
  runToEnd,
  loadLintConfig,
  mergeConfigs,
  type AppSpecDocument,
  type Diagnosis,
  type LintConfig,
  type RuleSetting,
  type WorkspaceFs,
} from '../../engine/index';
import { LintMemory } from './lintMemory';
import { isSyntaxFinding, MORE_PROBLEMS_ID, toDiagnostic } from './features/diagnostics';
import { complete } from './features/completion';
import { hover } from './features/hover';
import { codeActions, type CreateCheck } from './features/codeActions';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import { documentLinks } from './features/links';
import { definition, references } from './features/definition';
import { codeLenses } from './features/lens';
import { bundleRootOf } from './features/paths';

/** What a text document must offer (vscode-languageserver-textdocument's TextDocument does). */
export interface TextDocumentLike {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export type SyntaxDiagnostics = 'auto' | 'always' | 'never';

/** The `appspec.*` settings the server reads (package.json `contributes.configuration`). */
export interface AppSpecSettings {
  rules: Record<string, RuleSetting>;
  workspaceChecks: boolean;
  syntaxDiagnostics: SyntaxDiagnostics;
  files: string[];
  /** Most diagnostics published per document (errors first); 0 means all. */
  maxProblems: number;
  /** The ECS task definition file beside ECS AppSpecs, relative to the AppSpec's folder ('' for `taskdef.json`). */
  taskDefinitionFile: string;
}

export const DEFAULT_SETTINGS: AppSpecSettings = {
  rules: {},
  workspaceChecks: true,
  syntaxDiagnostics: 'auto',
  files: [],
  maxProblems: 1000,
  taskDefinitionFile: '',
};

/** Settings from the client, normalised: anything malformed falls back to the default. */
export function normalizeSettings(raw: unknown): AppSpecSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [id, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && ['off', 'error', 'warning', 'info', 'hint'].includes(v))
        rules[id.toUpperCase()] = v as RuleSetting;
    }
  }
  const syntax = r.syntaxDiagnostics;
  return {
    rules,
    workspaceChecks: typeof r.workspaceChecks === 'boolean' ? r.workspaceChecks : DEFAULT_SETTINGS.workspaceChecks,
    syntaxDiagnostics:
      syntax === 'always' || syntax === 'never' || syntax === 'auto' ? syntax : DEFAULT_SETTINGS.syntaxDiagnostics,
    files: Array.isArray(r.files) ? r.files.filter((f): f is string => typeof f === 'string' && f.trim() !== '') : [],
    maxProblems:
      typeof r.maxProblems === 'number' && Number.isInteger(r.maxProblems) && r.maxProblems >= 0
        ? r.maxProblems
        : DEFAULT_SETTINGS.maxProblems,
    taskDefinitionFile:
      typeof r.taskDefinitionFile === 'string' && !r.taskDefinitionFile.includes('\0')
        ? r.taskDefinitionFile.trim()
        : '',
  };
}

const SEVERITY_RANK: Record<Diagnosis['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * At most `max` findings (0: all), the most severe first, then in document order; when some are left
 * out, one more information finding at the top says how many and how to see them.
 */
export function limitProblems(found: Diagnosis[], max: number): Diagnosis[] {
  if (max <= 0 || found.length <= max) return found;
  const order = found.map((d, i) => i);
  order.sort((a, b) => SEVERITY_RANK[found[a].severity] - SEVERITY_RANK[found[b].severity] || a - b);
  const keep = new Set(order.slice(0, max));
  const kept = found.filter((_, i) => keep.has(i));
  const left = found.length - max;
  const leftOut = (s: Diagnosis['severity']) => found.filter((d, i) => !keep.has(i) && d.severity === s).length;
  const parts = (['error', 'warning', 'info', 'hint'] as const)
    .map((s) => [s, leftOut(s)] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}${n === 1 ? '' : s === 'info' ? '' : 's'}`);
  const note: Diagnosis = {
    ruleId: MORE_PROBLEMS_ID,
    severity: 'info',
    message:
      `${left} more problem${left === 1 ? '' : 's'} not shown (${parts.join(', ')}): the editor shows the first ${max} ` +
      '(`appspec.maxProblems`, errors first). Raise the setting, or run `appspec-lint` on the file for the full list.',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
  return [note, ...kept];
}

/**
 * Documents at least this long (about 2,500 lines) get the findings of their head first when they are opened
 * (`validateHead`), so the editor shows them while the whole file is checked (a 12,000-line file takes
 * 0.5-1.5 s to check the first time on a busy machine).
 */
export const HEAD_FIRST_MIN_CHARS = 64 * 1024;
/** How much of a large document its head covers (about 300 lines: several screens). */
export const HEAD_CHARS = 8 * 1024;

export interface ValidateSettings extends Partial<AppSpecSettings> {
  /** The client reports that the Red Hat YAML extension is active (it shows YAML syntax errors itself). */
  yamlExtensionActive?: boolean;
}

export interface LanguageServiceOptions {
  /** File access for workspace checks, file completion, links and definitions. Absent: none of those. */
  fs?: WorkspaceFs;
  cache?: DocumentCache;
}

export interface LanguageService {
  /** The parsed model of a document (cached by uri + version). */
  parse(doc: TextDocumentLike): AppSpecDocument;
  validate(doc: TextDocumentLike, settings?: ValidateSettings): Diagnostic[];
  /** `validate` in steps, one per rule (engine `lintSteps`): the caller may pause between them or drop the run. */
  validateSteps(doc: TextDocumentLike, settings?: ValidateSettings): Generator<void, Diagnostic[], void>;
  /**
   * The findings of a large document's head (engine/headFirst.ts), presented like `validate`'s, or undefined
   * when the document is shorter than HEAD_FIRST_MIN_CHARS or its head cannot be checked alone. Only findings
   * the full check also reports; the full check follows and replaces them.
   */
  validateHead(doc: TextDocumentLike, settings?: ValidateSettings): Diagnostic[] | undefined;
  complete(doc: TextDocumentLike, position: Position, context?: { triggerCharacter?: string }): CompletionList;
  hover(doc: TextDocumentLike, position: Position): Hover | null;
  /**
   * `createFiles`: offer fixes that create files (a missing hook script); false in an untrusted workspace.
   * `mayCreate`: which files such a fix may create (the server keeps them inside the workspace folder).
   */
  codeActions(
    doc: TextDocumentLike,
    range: Range,
    diagnostics: Diagnostic[],
    options?: { createFiles?: boolean; mayCreate?: CreateCheck },
  ): CodeAction[];
  documentSymbols(doc: TextDocumentLike): DocumentSymbol[];
  foldingRanges(doc: TextDocumentLike): FoldingRange[];
  documentLinks(doc: TextDocumentLike): DocumentLink[];
  definition(doc: TextDocumentLike, position: Position): LocationLink[];
  /** Hook `location`s and `files[].source`s of the known AppSpecs that point at a file. */
  references(targetUri: string): Location[];
  codeLenses(doc: TextDocumentLike): CodeLens[];
  /** Drops a closed document from the set `references` searches. */
  forget(uri: string): void;
  /** Forgets findings kept for reuse (call when workspace files or settings change). */
  clearLintCache(): void;
  /** True when the last check of `uri` read the file `absPath` (ask before `clearLintCache`). */
  lookedAt(uri: string, absPath: string): boolean;
}

const CONFIG_READ_LIMIT = 256 * 1024;

/** The AppSpec's file name from its URI (`appspec.yml` when the URI has none). */
function appSpecFileName(uri: string): string {
  return fileNameOf(uri) || 'appspec.yml';
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const fs = options.fs;
  const cache = options.cache ?? new DocumentCache(64);
  const known = new Map<string, AppSpecDocument>();
  const memory = new LintMemory(fs);
  /** The settings each document was last validated with: code actions lint again with the same ones. */
  const settingsOf = new Map<string, ValidateSettings>();
  /** Findings with fixes computed for exactly this document (not carried over), for code actions. */
  const fixesOf = new WeakMap<AppSpecDocument, Diagnosis[]>();

  const parse = (doc: TextDocumentLike): AppSpecDocument => {
    const parsed = cache.get(doc.uri, doc.getText(), doc.version);
    known.set(doc.uri, parsed);
    return parsed;
  };

  const readText = (absPath: string): string | undefined => {
    const bytes = fs?.readHead(absPath, CONFIG_READ_LIMIT);
    return bytes ? new TextDecoder().decode(bytes) : undefined;
  };

  const lintConfigFor = (bundleRoot: string | undefined, settings: ValidateSettings): LintConfig => {
    const fromSettings: LintConfig = {
      rules: settings.rules ?? {},
      workspaceChecks: settings.workspaceChecks ?? true,
      ...(settings.taskDefinitionFile ? { taskDefinitionFile: settings.taskDefinitionFile } : {}),
    };
    const fromFile = bundleRoot && fs ? loadLintConfig(bundleRoot, readText).config : undefined;
    return mergeConfigs({ rules: {}, workspaceChecks: true }, fromSettings, fromFile);
  };

  /** Findings as the editor gets them: syntax findings hidden as set, the most severe `maxProblems`. */
  const present = (
    doc: Pick<AppSpecDocument, 'uri' | 'version' | 'format'>,
    found: Diagnosis[],
    settings: ValidateSettings,
  ): Diagnostic[] => {
    const mode = settings.syntaxDiagnostics ?? 'auto';
    const hideSyntax =
      mode === 'never' || (mode === 'auto' && doc.format === 'yaml' && settings.yamlExtensionActive === true);
    const shown = found.filter((d) => !(hideSyntax && isSyntaxFinding(d)));
    return limitProblems(shown, settings.maxProblems ?? 0).map((d) => toDiagnostic(doc, d));
  };

  function* validateSteps(
    textDoc: TextDocumentLike,
    settings: ValidateSettings = {},
  ): Generator<void, Diagnostic[], void> {
    const doc = parse(textDoc);
    const bundleRoot = bundleRootOf(doc.uri);
    const config = lintConfigFor(bundleRoot, settings);
    const fileName = appSpecFileName(doc.uri);
    settingsOf.set(doc.uri, settings);
    const plan = memory.plan(doc, JSON.stringify([config, fileName]), config.workspaceChecks !== false);
    const found = yield* lintSteps(doc, { bundleRoot, fileName, fs: plan.fs }, config, {
      reuse: plan.reuse,
      record: plan.record,
    });
    plan.done();
    // Findings carried over from the previous version have fixes for that text: code actions lint afresh.
    if (!plan.reuse?.size) fixesOf.set(doc, found);
    return present(doc, found, settings);
  }

  return {
    parse,
    validateHead(textDoc, settings = {}) {
      const text = textDoc.getText();
      if (text.length < HEAD_FIRST_MIN_CHARS) return undefined;
      const bundleRoot = bundleRootOf(textDoc.uri);
      const config = lintConfigFor(bundleRoot, settings);
      const fileName = appSpecFileName(textDoc.uri);
      const head = lintHead(textDoc.uri, text, { bundleRoot, fileName, fs }, config, HEAD_CHARS, {
        version: textDoc.version,
      });
      if (!head) return undefined;
      return present({ uri: textDoc.uri, version: textDoc.version, format: 'yaml' }, head.findings, settings);
    },
    validateSteps,
    validate: (textDoc, settings = {}) => runToEnd(validateSteps(textDoc, settings)),
    complete: (doc, position, context) =>
      complete(parse(doc), position, {
        fs,
        triggerCharacter: context?.triggerCharacter,
        taskDefinitionFile: settingsOf.get(doc.uri)?.taskDefinitionFile,
      }),
    hover: (doc, position) => hover(parse(doc), position, fs),
    codeActions(textDoc, range, diagnostics, options = {}) {
      const doc = parse(textDoc);
      // Fixes are found by rule and position in this version's findings; findings carried over from
      // the previous version (a comment edit) are linted afresh, with the settings the document was
      // validated with (so `workspaceChecks: false` still keeps the disk out of it).
      const lookup = (d: Diagnostic) => {
        let fresh = fixesOf.get(doc);
        if (!fresh) {
          const bundleRoot = bundleRootOf(doc.uri);
          const config = lintConfigFor(bundleRoot, settingsOf.get(doc.uri) ?? {});
          fresh = lint(doc, { bundleRoot, fileName: appSpecFileName(doc.uri), fs }, config);
          fixesOf.set(doc, fresh);
        }
        const same = fresh.find(
          (f) =>
            f.ruleId === d.code &&
            f.range.start.line === d.range.start.line &&
            f.range.start.character === d.range.start.character,
        );
        return same?.fixes ?? [];
      };
      return codeActions(doc, range, diagnostics, lookup, {
        createFiles: options.createFiles !== false,
        mayCreate: options.mayCreate,
      });
    },
    documentSymbols: (doc) => documentSymbols(parse(doc)),
    foldingRanges: (doc) => foldingRanges(parse(doc)),
    documentLinks: (doc) => documentLinks(parse(doc), fs),
    definition: (doc, position) => definition(parse(doc), position, fs),
    references: (targetUri) => references([...known.values()], targetUri),
    codeLenses: (doc) => codeLenses(parse(doc)),
    forget(uri) {
      known.delete(uri);
      cache.delete(uri);
      memory.forget(uri);
      settingsOf.delete(uri);
    },
    clearLintCache() {
      memory.clear();
    },
    lookedAt: (uri, absPath) => memory.lookedAt(uri, absPath),
  };
}
