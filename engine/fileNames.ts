/**
 * Which files are AppSpecs by name, for every part of the extension: the editor, the language server,
 * the CLI's folder search, deploy, the monitor and the hook runner. One predicate, so they agree.
 */

/** The names CodeDeploy looks for (the EC2/On-Premises agent reads only the YAML ones). */
export const APPSPEC_FILE_NAMES: readonly string[] = ['appspec.yml', 'appspec.yaml', 'appspec.json'];

/** The same names as a workspace glob (VS Code `findFiles`, file watchers). */
export const APPSPEC_GLOB = '**/appspec.{yml,yaml,json}';

/**
 * The last segment of a file path, file name or URI (either separator; query and fragment cut off;
 * `%xx` escapes decoded; a URI scheme before a bare name, as in `untitled:appspec.yml`, dropped).
 * Empty when there is none (`file:///folder/`).
 */
export function fileNameOf(pathOrUri: string): string {
  const path = pathOrUri.split(/[?#]/)[0];
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const name = cut >= 0 ? path.slice(cut + 1) : path.replace(/^[a-zA-Z][a-zA-Z0-9+.-]+:/, '');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * True when the file is named `appspec.yml`, `appspec.yaml` or `appspec.json` in any letter case.
 * Takes a name, a path or a URI; the whole last segment must match, so `myappspec.yml` and
 * `appspec.yml.bak` are not AppSpecs.
 */
export function isAppSpecFileName(pathOrUri: string): boolean {
  return /^appspec\.(ya?ml|json)$/i.test(fileNameOf(pathOrUri));
}
