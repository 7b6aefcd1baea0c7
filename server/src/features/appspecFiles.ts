/**
 * Which documents are AppSpecs: `appspec.yml`, `appspec.yaml`, `appspec.json` (the engine's
 * `isAppSpecFileName`), or a path that matches one of the extra globs from the `appspec.files` setting.
 */
import { URI } from 'vscode-uri';
import { isAppSpecFileName } from '../../../engine/index';

/** A glob (`*`, `**`, `?`, `{a,b}`, `[abc]`) as a regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else {
          re += '.*';
        }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inBraces++;
      re += '(?:';
    } else if (c === '}' && inBraces) {
      inBraces--;
      re += ')';
    } else if (c === ',' && inBraces) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += `[${glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, process.platform === 'win32' ? 'i' : '');
}

/** The path of a document URI with `/` separators (file: URIs), or the URI's path otherwise. */
function pathOf(uri: string): string {
  try {
    const u = URI.parse(uri);
    return (u.scheme === 'file' ? u.fsPath : u.path).replace(/\\/g, '/');
  } catch {
    return uri;
  }
}

export function isAppSpecUri(uri: string, globs: readonly string[] = []): boolean {
  const path = pathOf(uri);
  if (isAppSpecFileName(path)) return true;
  for (const g of globs) {
    const pattern = g.replace(/\\/g, '/');
    const anchored =
      pattern.startsWith('/') || /^[A-Za-z]:\//.test(pattern) || pattern.startsWith('**/') ? pattern : `**/${pattern}`;
    try {
      if (globToRegExp(anchored).test(path)) return true;
    } catch {
      /* a malformed glob matches nothing */
    }
  }
  return false;
}

/** How much of a document the content check reads: the keys it looks for sit at the top. */
const SNIFF_CHARS = 64 * 1024;

/**
 * True when a document under another name is plainly an AppSpec: `version` and `os` at the top
 * level (EC2/On-Premises), or `Resources` naming an ECS service or a Lambda function. Lets tools
 * that open a copy under another name (benchmarks, diff views) get the same checks; the client's
 * document selector still decides which editors the server sees at all.
 */
export function looksLikeAppSpec(text: string): boolean {
  const head = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
  if (/^["']?version["']?\s*:/m.test(head) && /^["']?os["']?\s*:\s*["']?(linux|windows)\b/im.test(head)) return true;
  return /(^|[{,])\s*["']?resources["']?\s*:/im.test(head) && /AWS::(ECS::Service|Lambda::Function)\b/.test(head);
}
