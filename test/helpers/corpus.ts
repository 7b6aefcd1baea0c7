/**
 * The shared corpus of real AppSpec files written by other people (not part of the repository, never copied
 * into it): `../shared/corpus` relative to the project root, or the folder named by APPSPEC_CORPUS. Its
 * MANIFEST.tsv lists file, repo, path, commit, platform, verdict, reason.
 *
 * Outside CI a missing corpus skips the real-file tests (with the reason); in CI (`CI=true`) it fails them, so a
 * checkout without the corpus cannot pass by skipping.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface CorpusRow {
  file: string;
  repo: string;
  path: string;
  platform: string;
  verdict: string;
  reason: string;
}

/** The project root: the nearest folder above this file with a package.json, outside `out/`. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || dir.split(/[\\/]/).includes('out')) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return dir;
}

export const CORPUS_DIR = resolve(process.env.APPSPEC_CORPUS || join(projectRoot(), '..', 'shared', 'corpus'));

/** The manifest rows, or undefined when the corpus is not there. */
export function corpusRows(): CorpusRow[] | undefined {
  const manifest = join(CORPUS_DIR, 'MANIFEST.tsv');
  if (!existsSync(manifest)) return undefined;
  return readFileSync(manifest, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [file, repo, path, , platform, verdict, reason] = line.split('\t');
      return { file, repo, path, platform, verdict, reason: reason ?? '' };
    });
}

export function corpusText(row: CorpusRow): string {
  return readFileSync(join(CORPUS_DIR, row.file), 'utf8');
}

/** The `skip` option of a real-file test: a reason outside CI when the corpus is missing, never in CI. */
export function corpusSkip(rows: CorpusRow[] | undefined): string | false {
  if (rows) return false;
  return process.env.CI === 'true' ? false : `corpus not present at ${CORPUS_DIR} (set APPSPEC_CORPUS)`;
}

/** Fails (in CI) when the corpus is missing; returns the rows otherwise. */
export function requireCorpus(rows: CorpusRow[] | undefined): CorpusRow[] {
  if (!rows) throw new Error(`the corpus of real AppSpec files is missing at ${CORPUS_DIR}; CI must provide it`);
  return rows;
}
