/** The shape of the firing cases of the EC2 rules (text rules; workspace rules live in workspace.test.ts). */
export interface Case {
  id: string;
  /** What the case shows. */
  name: string;
  text: string;
  /** 1-based line of the finding's start. */
  line: number;
  contains: string;
  /** Part of the title of a fix to apply and verify; `true` = the preferred fix. */
  fix?: string | true;
  fileName?: string;
  bundleRoot?: boolean;
}

export const H = 'version: 0.0\nos: linux\n';
