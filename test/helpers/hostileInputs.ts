/** Inputs meant to break parsers and servers, shared by the server and CLI hostile tests. */

export interface HostileInput {
  name: string;
  fileName: string;
  bytes: Buffer;
  /** What an editor would hold (bytes decoded as UTF-8, bad bytes as U+FFFD). */
  text: string;
  /** A phrase the findings must contain (case-insensitive), when the input has a known verdict. */
  expect?: RegExp;
  /** True when the findings must include an error. */
  mustError?: boolean;
}

const decode = (b: Buffer): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
const fromText = (
  name: string,
  text: string,
  extra: Partial<HostileInput> = {},
  fileName = 'appspec.yml',
): HostileInput => ({
  name,
  fileName,
  bytes: Buffer.from(text, 'utf8'),
  text,
  ...extra,
});
const fromBytes = (name: string, bytes: Buffer, extra: Partial<HostileInput> = {}): HostileInput => ({
  name,
  fileName: 'appspec.yml',
  bytes,
  text: decode(bytes),
  ...extra,
});

/** "Billion laughs": nine levels of aliases, each repeating the previous nine times. */
export function aliasBomb(): string {
  const lines = ['version: 0.0', 'os: linux', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1];
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill('*' + prev)
        .join(',')}]`,
    );
  }
  lines.push('hooks:', '  AfterInstall:', '    - location: *i');
  return lines.join('\n') + '\n';
}

/** About `mb` megabytes of otherwise valid EC2 AppSpec. */
export function hugeAppSpec(mb = 10): string {
  const head = 'version: 0.0\nos: linux\nfiles:\n';
  const entry = (i: number): string =>
    `  - source: build/some/fairly/long/path/number/${i}\n    destination: /opt/application/target/${i}\n`;
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const e = entry(i);
    parts.push(e);
    size += e.length;
  }
  return parts.join('');
}

export function hostileInputs(): HostileInput[] {
  return [
    fromText('alias bomb (billion laughs)', aliasBomb()),
    fromText('10 MB file', hugeAppSpec(10), { expect: /larger than/i }),
    fromText(
      '10,000 nested flow sequences',
      'version: 0.0\nos: linux\nx: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n',
    ),
    fromText('10,000 nested flow mappings, unclosed', 'version: 0.0\nx: ' + '{a: '.repeat(10_000) + '\n'),
    fromText('10,000 nested block sequences', 'version: 0.0\nos: linux\nx:\n  ' + '- '.repeat(10_000) + 'deep\n'),
    fromText(
      'deep block mappings (2,000 levels, indented)',
      Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' end\n',
    ),
    fromText(
      '10,000 nested flow sequences in JSON',
      '{"version": 0.0, "Resources": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}\n',
      {},
      'appspec.json',
    ),
    fromBytes(
      'invalid UTF-8 bytes',
      Buffer.concat([
        Buffer.from('version: 0.0\nos: linux\nfiles:\n  - source: caf'),
        Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
        Buffer.from('\n    destination: /x\n'),
      ]),
      {
        expect: /utf-?8/i,
      },
    ),
    fromBytes('a NUL byte', Buffer.from('version: 0.0\nos: linux\u0000\nhooks:\n', 'utf8'), { expect: /nul|binary/i }),
    fromText('an empty file', '', { mustError: true }),
    fromText('only comments', '# nothing here\n# at all\n', { mustError: true }),
    fromText('only whitespace and line breaks', '\n\n   \r\n\t\n', { mustError: true }),
    fromText('a lone surrogate and a BOM', '\uFEFFversion: 0.0\nos: linux\nx: "\uD800"\n'),
    fromText('one very long line (1 MB)', 'version: 0.0\nos: linux\nx: ' + 'y'.repeat(1024 * 1024) + '\n'),
    fromText('a 50,000-element flow list', 'version: 0.0\nos: linux\nx: [' + '1,'.repeat(50_000) + '1]\n'),
    fromText(
      '20,000 anchors',
      'version: 0.0\nos: linux\nx:\n' + Array.from({ length: 20_000 }, (_, i) => `  - &a${i} v`).join('\n') + '\n',
    ),
  ];
}
