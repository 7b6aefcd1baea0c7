/**
 * V8 tuning for the language server process. server.ts imports this module first, so it runs
 * before any other module of the bundle is evaluated.
 *
 * Why (measured with lspbench on a 30-line AppSpec, Node 20, see docs/benchmarks.md): the server
 * sat at ~73 MB RSS against ~41 MB for a bare `node`. The JS heap itself is small (~11 MB used).
 * Most of the rest came from two V8 defaults that pay off only for heavy work:
 *  - TurboFan (~14 MB): it optimised ~80 functions (the YAML parser, lint, rules) while the
 *    document was a few hundred bytes; its compile-zone memory stays with malloc, and the
 *    optimising compiler's own machine code in the node binary gets paged in.
 *  - the young generation growing from 1 MB to 8 MB semi-spaces (~6 MB).
 * For AppSpecs of ordinary size (the largest real one we have seen is under 5 KB) the interpreter
 * plus the Sparkplug baseline compiler answer an edit in a few milliseconds, so the server starts
 * lean: no optimising tier, no semi-space growth. With both off it measures ~54 MB.
 *
 * A big document (LARGE_DOCUMENT_CHARS or more, e.g. a generated 12,000-line file) needs the
 * optimising compiler: without it edits on such a file take about twice as long. The first time
 * one is opened or grows past the limit, the server switches to V8's defaults for the rest of its
 * life (one way: optimised code cannot be un-loaded anyway). Flags set with v8.setFlagsFromString
 * are read when V8 next decides to tier up or to grow the new space, so the switch takes effect
 * at once for code that is already running. The switch names `--turbofan` itself: V8 derives
 * `--no-turbofan` from a lower `--max-opt` once and does not undo it when `--max-opt` goes back
 * up, so `--max-opt` alone would leave the optimising compiler off for good (measured: a hot
 * function stayed unoptimised, 15× slower).
 *
 * APPSPEC_SERVER_TUNING=off in the environment starts the server with V8's defaults (to compare).
 */
import { setFlagsFromString } from 'node:v8';

/** Documents at least this long (characters, ~800 lines) switch the server to full speed. */
export const LARGE_DOCUMENT_CHARS = 20_000;

let lean = false;

function setFlags(flags: string[]): boolean {
  try {
    for (const f of flags) setFlagsFromString(f);
    return true;
  } catch {
    return false; // an embedder that forbids flag changes: keep V8's defaults
  }
}

/** Lean mode: Sparkplug is the highest tier and the young generation keeps its initial size. */
function startLean(): void {
  if (process.env.APPSPEC_SERVER_TUNING === 'off') return;
  lean = setFlags(['--no-turbofan', '--semi-space-growth-factor=1']);
}

/** Called with each open document's length: a large one turns the optimising compiler back on. */
export function noteDocumentLength(chars: number): void {
  if (!lean || chars < LARGE_DOCUMENT_CHARS) return;
  lean = false;
  // V8's defaults (node --v8-options): TurboFan on, new space doubling when it fills up.
  setFlags(['--turbofan', '--semi-space-growth-factor=2']);
}

/** Whether the server still runs lean (for tests and the benchmark). */
export function isLean(): boolean {
  return lean;
}

startLean();
