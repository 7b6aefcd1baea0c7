/** SELinux MLS/MCS range grammar the agents accept: `s<L>[-s<H>][:<cat>(,<cat>)*]`, `<cat>` = `c<N>` or `c<A>.c<B>`. */
export function rangeProblem(range: string): string | undefined {
  const parts = range.split(':');
  if (parts.length > 2) return 'it has more than one `:`';
  const sens = /^s(\d+)(?:-s(\d+))?$/.exec(parts[0]);
  if (!sens) return `the sensitivity \`${parts[0]}\` must look like \`s0\` or \`s0-s3\``;
  if (sens[2] !== undefined && Number(sens[2]) < Number(sens[1]))
    return `the high sensitivity \`s${sens[2]}\` is below the low \`s${sens[1]}\``;
  if (parts.length === 1) return undefined;
  const seen = new Set<number>();
  for (const cat of parts[1].split(',')) {
    const m = /^c(\d+)(?:\.c(\d+))?$/.exec(cat);
    if (!m) return `the category \`${cat}\` must look like \`c0\` or \`c0.c255\``;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (lo > 1023 || hi > 1023) return `the category \`${cat}\` is above c1023`;
    if (hi < lo) return `the category range \`${cat}\` ends below its start`;
    for (let c = lo; c <= hi; c++) {
      if (seen.has(c)) return `category c${c} appears twice`;
      seen.add(c);
    }
  }
  return undefined;
}
