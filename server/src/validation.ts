/**
 * When the language server checks a document: the newest version only, one run per document at a
 * time, results for versions that have moved on dropped, and no second run for a version and
 * settings already published; a large document just opened gets the findings of its head first. LSP glue:
 * the checking itself is the language service's.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AppSpecSettings, LanguageService, ValidateSettings } from './languageService';
import { LARGE_DOCUMENT_CHARS } from './runtimeTuning';

export interface ValidationDeps {
  documents: { get(uri: string): TextDocument | undefined; all(): TextDocument[] };
  service: LanguageService;
  settingsFor(uri: string): Promise<AppSpecSettings>;
  /** Whether a document with these settings is an AppSpec (by name, globs or content). */
  isAppSpec(doc: TextDocument, settings: AppSpecSettings): boolean;
  /** Remembers (or forgets, with `false`) that a document is an AppSpec; true when that changed it. */
  markAppSpec(uri: string, isAppSpec: boolean): boolean;
  /** Settings every check adds (the YAML extension being active). */
  extraSettings(): Partial<ValidateSettings>;
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): Promise<void>;
  logError(what: string, err: unknown): void;
}

export interface Validation {
  /** Checks the document's newest version soon (once, however many changes arrive meanwhile). */
  request(uri: string): void;
  /** Checks open documents again; `force` when files on disk changed (same text, maybe new findings). */
  revalidateAll(filter?: (uri: string) => boolean, force?: boolean): void;
  /** A document was closed. */
  forget(uri: string): void;
  /** The version whose diagnostics were last published for `uri`. */
  publishedVersion(uri: string): number | undefined;
  /** True while any check is running or queued (idle re-checks of large files included). */
  busy(): boolean;
  /** Resolves once nothing is running or queued. */
  idle(): Promise<void>;
}

export function createValidation(d: ValidationDeps): Validation {
  const running = new Set<string>();
  const again = new Set<string>();
  /**
   * Version and settings of the diagnostics last published per uri. A request to revalidate the same
   * version with the same settings is skipped: clients send didChangeConfiguration right after start,
   * which used to lint every open document a second time (on a 12,000-line file that kept the server
   * busy for ~0.6 s, and the first completion waited for it).
   */
  const published = new Map<string, { version: number; key: string }>();
  /** Documents whose full findings were published since they were opened (no head-first for them). */
  const checkedWhole = new Set<string>();
  /** Idle re-checks of large documents waiting for their turn. */
  let warming = 0;
  let idleWaiters: (() => void)[] = [];
  const busy = () => running.size > 0 || warming > 0;
  function checkIdle(): void {
    if (busy()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function request(uri: string): void {
    if (running.has(uri)) {
      again.add(uri);
      return;
    }
    running.add(uri);
    validate(uri)
      .catch((err: unknown) => d.logError(`validating ${uri}`, err))
      .finally(() => {
        running.delete(uri);
        if (again.delete(uri)) request(uri);
        else checkIdle();
      });
  }

  async function validate(uri: string): Promise<void> {
    // Let changes already queued on the connection arrive first, so a burst validates once.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const first = d.documents.get(uri);
    if (!first) return;
    const version = first.version;
    const settings = await d.settingsFor(uri);
    const doc = d.documents.get(uri);
    if (!doc || doc.version !== version) return; // a newer version arrived: its validation follows
    if (!d.isAppSpec(doc, settings)) {
      published.delete(uri);
      if (d.markAppSpec(uri, false)) void d.publish(uri, undefined, []);
      return;
    }
    d.markAppSpec(uri, true);
    const effective: ValidateSettings = { ...settings, ...d.extraSettings() };
    const key = `${version}\n${JSON.stringify(effective)}`;
    if (published.get(uri)?.key === key) return; // same text, same settings: the published diagnostics stand
    let diagnostics: Diagnostic[] | undefined;
    // Edits, and small documents: one check. A large document just opened: its head first, then in turns.
    if (checkedWhole.has(uri) || doc.getText().length < LARGE_DOCUMENT_CHARS)
      diagnostics = d.service.validate(doc, effective);
    else if (await publishHeadFirst(uri, doc, effective)) diagnostics = await validateInTurns(uri, doc, effective);
    if (!diagnostics) return; // a newer version arrived: its validation follows
    if (d.documents.get(uri)?.version !== version) return;
    const firstTime = !published.has(uri);
    await d.publish(uri, version, diagnostics);
    published.set(uri, { version, key });
    checkedWhole.add(uri);
    if (firstTime && doc.getText().length >= LARGE_DOCUMENT_CHARS) warmUpLarge(uri, version, effective, 2);
  }

  /**
   * The document's full findings were not published yet (it was just opened): when it is large, the findings of its
   * head go out first, so the editor shows them without waiting for the whole file (languageService
   * `validateHead`). False when a newer version arrived meanwhile (its validation follows).
   */
  async function publishHeadFirst(uri: string, doc: TextDocument, settings: ValidateSettings): Promise<boolean> {
    const head = d.service.validateHead(doc, settings);
    if (!head) return true;
    await d.publish(uri, doc.version, head);
    // The whole file follows: the parse (cached: the check reuses it), then the check one rule at a time,
    // with a turn of the event loop before each step: requests go first, and a change that arrived meanwhile
    // ends this version's check (the next version re-parses only the edited entry).
    if (!(await stillCurrent(uri, doc.version))) return false;
    d.service.parse(doc);
    return stillCurrent(uri, doc.version);
  }

  /** After a turn of the event loop: whether `version` is still the document's newest. */
  async function stillCurrent(uri: string, version: number): Promise<boolean> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return d.documents.get(uri)?.version === version;
  }

  /**
   * The first full check of a document, one rule per turn of the event loop: a change that arrives meanwhile
   * ends it (undefined), and the newer version is checked instead, head first.
   */
  async function validateInTurns(
    uri: string,
    doc: TextDocument,
    settings: ValidateSettings,
  ): Promise<Diagnostic[] | undefined> {
    const steps = d.service.validateSteps(doc, settings);
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return r.value;
      if (!(await stillCurrent(uri, doc.version))) return undefined;
    }
  }

  /**
   * A large document was just opened, and V8 has only now started optimising the checking code (see
   * runtimeTuning.ts): the first edits would pay for that. Checking the same version again while the
   * editor is idle moves part of that cost off the first keystrokes. Nothing is published; it stops as
   * soon as other work arrives.
   */
  function warmUpLarge(uri: string, version: number, settings: ValidateSettings, runs: number): void {
    if (runs <= 0) return;
    warming++;
    setTimeout(() => {
      warming--;
      const doc = d.documents.get(uri);
      if (doc && doc.version === version && running.size === 0) {
        try {
          d.service.validate(doc, settings);
          warmUpLarge(uri, version, settings, runs - 1);
        } catch (err) {
          d.logError('warming up', err);
        }
      }
      checkIdle();
    }, 10);
  }

  return {
    request,
    revalidateAll(filter = () => true, force = false) {
      for (const doc of d.documents.all()) {
        if (!filter(doc.uri)) continue;
        if (force) published.delete(doc.uri);
        request(doc.uri);
      }
    },
    forget(uri) {
      published.delete(uri);
      checkedWhole.delete(uri);
    },
    publishedVersion: (uri) => published.get(uri)?.version,
    busy,
    idle: () => (busy() ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve()),
  };
}
