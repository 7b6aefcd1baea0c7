/** Subnet and security-group IDs in an awsvpc configuration: shared by E6010 (broken values) and W6016 (shape). */
export const NETWORK_IDS: Record<string, { prefix: string; what: string }> = {
  Subnets: { prefix: 'subnet', what: 'subnet' },
  SecurityGroups: { prefix: 'sg', what: 'security group' },
};

/** A whole ID: the prefix, a dash and 8 or 17 lower-case hex digits (the two lengths EC2 has issued). */
export function isWholeId(text: string, prefix: string): boolean {
  return new RegExp(`^${prefix}-(?:[0-9a-f]{17}|[0-9a-f]{8})$`).test(text);
}

/**
 * Why an ID value cannot be one ID at all: it holds whitespace, or a whole ID followed by more text
 * (`"subnet-04f68f28589ae0ec2 - us-east-1a"`, two IDs in one string). Undefined when neither.
 */
export function brokenId(text: string, prefix: string): { id?: string; rest: string } | undefined {
  const m = new RegExp(`^(${prefix}-(?:[0-9a-f]{17}|[0-9a-f]{8}))(?![0-9a-f])(.+)$`).exec(text);
  if (m) return { id: m[1], rest: m[2] };
  if (/\s/.test(text)) return { rest: text };
  return undefined;
}
