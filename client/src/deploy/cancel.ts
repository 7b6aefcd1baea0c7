/** A step of a multi-step command the user dismissed: the command ends quietly. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export function orCancel<T>(v: T | undefined): T {
  if (v === undefined) throw new Cancelled();
  return v;
}
