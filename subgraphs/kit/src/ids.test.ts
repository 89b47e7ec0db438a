import { randomUUID } from 'node:crypto';
import { isUuid } from './ids';

describe('isUuid', () => {
  it('accepts UUIDs in either case', () => {
    const id = randomUUID();
    expect(isUuid(id)).toBe(true);
    expect(isUuid(id.toUpperCase())).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['a number', '42'],
    ['a UUID without dashes', '0f8fad5bd9cb469fa16570867728950e'],
    ['a UUID in braces', '{0f8fad5b-d9cb-469f-a165-70867728950e}'],
    ['a UUID with a trailing character', '0f8fad5b-d9cb-469f-a165-70867728950ea'],
    ['a UUID with a non-hex digit', '0f8fad5b-d9cb-469f-a165-70867728950g'],
    ['an SQL fragment', "' OR 1=1 --"],
  ])('refuses %s', (_why, value) => {
    expect(isUuid(value)).toBe(false);
  });
});
