/** The outcome of parsing one raw input value: its normalised form, or why it was refused. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export const accept = <T>(value: T): Parsed<T> => ({ ok: true, value });

export const refuse = <T = never>(reason: string): Parsed<T> => ({ ok: false, reason });
