/**
 * Where the cursor is in a JSON AppSpec that is being typed: a small tokenizer tracks the
 * object/array nesting up to the cursor (half-typed JSON does not parse), then keeps going to
 * collect the keys already present in the object around the cursor.
 */
import type { PathStep } from './nodeAt';
import type { CursorContext } from './cursorContext';
import type { LineIndex } from '../../../engine/index';

interface Token {
  type: '{' | '}' | '[' | ']' | ':' | ',' | 'string' | 'word';
  start: number;
  end: number;
  value?: string;
  closed?: boolean;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
    } else if ('{}[]:,'.includes(ch)) {
      out.push({ type: ch as Token['type'], start: i, end: i + 1 });
      i++;
    } else if (ch === '"') {
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < text.length && text[j] !== '\n') {
        if (text[j] === '\\' && j + 1 < text.length) {
          value += text[j + 1];
          j += 2;
          continue;
        }
        if (text[j] === '"') {
          closed = true;
          j++;
          break;
        }
        value += text[j++];
      }
      out.push({ type: 'string', start: i, end: j, value, closed });
      i = j;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else {
      let j = i;
      while (j < text.length && !/[\s{}[\]:,"]/.test(text[j])) j++;
      out.push({ type: 'word', start: i, end: j, value: text.slice(i, j) });
      i = j;
    }
  }
  return out;
}

interface Frame {
  type: 'object' | 'array';
  step?: PathStep;
  keys: string[];
  key?: string;
  expect: 'key' | 'colon' | 'value' | 'comma';
  index: number;
}

/** The completion context at an offset of a JSON text. */
export function jsonContextAt(text: string, lines: LineIndex, offset: number): CursorContext | undefined {
  const tokens = tokenize(text);
  const stack: Frame[] = [];
  let cursorToken: Token | undefined;
  let atCursor: { frame: Frame; path: PathStep[]; kind: 'key' | 'value'; key?: string; index: number } | undefined;
  let previous: Token | undefined;
  let missingComma = false;

  const capture = (): void => {
    const frame = stack[stack.length - 1];
    if (!frame) return;
    const path = stack.map((f) => f.step).filter((s): s is PathStep => s !== undefined);
    if (frame.type === 'object') {
      if (frame.expect === 'key') atCursor = { frame, path, kind: 'key', index: 0 };
      else if (frame.expect === 'comma' && previous && text.slice(previous.end, offset).includes('\n')) {
        // A new line after a complete member: the user starts the next key and forgot the comma.
        missingComma = true;
        atCursor = { frame, path, kind: 'key', index: 0 };
      } else if (frame.expect === 'value' && frame.key !== undefined)
        atCursor = { frame, path, kind: 'value', key: frame.key, index: 0 };
    } else if (frame.expect === 'value') {
      atCursor = { frame, path, kind: 'value', index: frame.index };
    }
  };

  let captured = false;
  for (const t of tokens) {
    const inside =
      t.type === 'string'
        ? t.start < offset && (offset < t.end || (!t.closed && offset <= t.end))
        : t.type === 'word' && t.start < offset && offset <= t.end;
    if (!captured && (inside || t.start >= offset)) {
      captured = true;
      if (inside) cursorToken = t;
      capture();
      if (inside) continue; // the word being typed is not an existing key
    }
    if (!captured) previous = t;
    const top = stack[stack.length - 1];
    switch (t.type) {
      case '{':
      case '[': {
        const step = top ? (top.type === 'object' ? top.key : top.index) : undefined;
        stack.push({
          type: t.type === '{' ? 'object' : 'array',
          step,
          keys: [],
          expect: t.type === '{' ? 'key' : 'value',
          index: 0,
        });
        break;
      }
      case '}':
      case ']':
        stack.pop();
        if (stack.length) stack[stack.length - 1].expect = 'comma';
        break;
      case ':':
        if (top?.type === 'object' && top.expect === 'colon') top.expect = 'value';
        break;
      case ',':
        if (top?.type === 'object') {
          top.expect = 'key';
          top.key = undefined;
        } else if (top) {
          top.index++;
          top.expect = 'value';
        }
        break;
      default:
        if (top?.type === 'object' && top.expect === 'key' && t.type === 'string') {
          top.key = t.value ?? '';
          top.keys.push(top.key);
          top.expect = 'colon';
        } else if (top) {
          top.expect = 'comma';
        }
    }
  }
  if (!captured) capture();
  if (!atCursor) return undefined;

  const pos = lines.positionAt(offset);
  let replaceStart = pos.character;
  let replaceEnd = pos.character;
  let prefix = '';
  let quote: '"' | undefined;
  if (cursorToken) {
    const start = lines.positionAt(cursorToken.start);
    const end = lines.positionAt(cursorToken.end);
    if (start.line === pos.line) replaceStart = start.character;
    replaceEnd = end.line === pos.line ? end.character : pos.character;
    prefix = text.slice(cursorToken.start + (cursorToken.type === 'string' ? 1 : 0), offset);
    if (cursorToken.type === 'string') quote = '"';
  }
  const after = text.slice(cursorToken ? cursorToken.end : offset);
  const commaBefore = missingComma && previous ? lines.positionAt(previous.end) : undefined;
  const commaAfter = atCursor.kind === 'key' && !/^\s*:/.test(after) && /^\s*"/.test(after);
  return {
    kind: atCursor.kind,
    path: atCursor.kind === 'key' ? atCursor.path : [...atCursor.path, atCursor.key ?? atCursor.index],
    siblings: atCursor.kind === 'key' ? atCursor.frame.keys : [],
    prefix,
    line: pos.line,
    replaceStart,
    replaceEnd,
    quote,
    hasValueAfter: /^\s*:/.test(after),
    ...(commaBefore ? { commaBefore } : {}),
    ...(commaAfter ? { commaAfter } : {}),
    keyCol: replaceStart,
  };
}
