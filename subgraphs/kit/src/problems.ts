import type { FieldProblem } from './errors';
import { CONTROL_CHARACTERS, hasControlCharacters } from './text';

/** Collects every problem of an input, so that one answer names them all. */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, reason: string): void {
    this.list.push({ field, reason });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Trimmed, non-empty text of at most `max` characters, without control characters. */
  required(field: string, value: string, max: number): string {
    const text = value.trim();
    if (text.length === 0) this.add(field, 'must not be empty');
    else this.checkText(field, text, max);
    return text;
  }

  /** Like `required`, but empty or missing text is stored as null. */
  optional(field: string, value: string | null | undefined, max: number): string | null {
    const text = value?.trim() ?? '';
    this.checkText(field, text, max);
    return text.length > 0 ? text : null;
  }

  private checkText(field: string, text: string, max: number): void {
    if (hasControlCharacters(text)) this.add(field, CONTROL_CHARACTERS);
    else if (text.length > max) this.add(field, `must be at most ${max} characters`);
  }
}
