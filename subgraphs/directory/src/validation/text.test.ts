import type { FieldProblem } from '@communes/kit';
import { checkLength, optionalText, requiredText, TEXT_LIMITS } from './text';

describe('TEXT_LIMITS', () => {
  it('holds the limits of the contract', () => {
    expect(TEXT_LIMITS).toEqual({
      name: 200,
      commercialName: 200,
      legalForm: 50,
      street: 200,
      number: 20,
      box: 20,
      locality: 100,
      description: 5000,
      openingHours: 14,
      openingHoursEntry: 100,
    });
  });
});

describe('checkLength', () => {
  it('accepts up to the limit', () => {
    expect(checkLength('input.name', 'a'.repeat(200), 200)).toBeNull();
  });

  it('refuses beyond it, naming the field and both counts', () => {
    expect(checkLength('input.name', 'a'.repeat(201), 200)).toEqual({
      field: 'input.name',
      reason: 'must be at most 200 characters (got 201)',
    });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkLength('input.box', '🥐'.repeat(20), 20)).toBeNull();
    expect(checkLength('input.box', '🥐'.repeat(21), 20)?.reason).toBe(
      'must be at most 20 characters (got 21)',
    );
  });
});

describe('requiredText', () => {
  it('trims and normalises to NFC', () => {
    const problems: FieldProblem[] = [];
    expect(requiredText(problems, 'input.name', '  Cafe\u0301 du Coin ', 200)).toBe('Café du Coin');
    expect(problems).toEqual([]);
  });

  it.each([
    ['', 'must not be empty'],
    [' \t\n ', 'must not be empty'],
    ['a'.repeat(201), 'must be at most 200 characters (got 201)'],
    ['Boulangerie\nDupont', 'must be on one line'],
    ['Boulangerie\tDupont', 'must not contain control characters'],
    ['Boulangerie\u0007Dupont', 'must not contain control characters'],
  ])('refuses %j: %s', (raw, reason) => {
    const problems: FieldProblem[] = [];
    requiredText(problems, 'input.name', raw, 200);
    expect(problems).toEqual([{ field: 'input.name', reason }]);
  });

  it('measures the length after trimming', () => {
    const problems: FieldProblem[] = [];
    requiredText(problems, 'input.name', ` ${'a'.repeat(200)} `, 200);
    expect(problems).toEqual([]);
  });
});

describe('optionalText', () => {
  it.each([undefined, null, '', '   '])('gives null for %j', (raw) => {
    const problems: FieldProblem[] = [];
    expect(optionalText(problems, 'input.legalForm', raw, 50)).toBeNull();
    expect(problems).toEqual([]);
  });

  it('allows line breaks and tabs in multi-line text only', () => {
    const problems: FieldProblem[] = [];
    expect(
      optionalText(problems, 'input.description.fr', 'Pain.\n\tViennoiseries.', 5000, {
        multiline: true,
      }),
    ).toBe('Pain.\n\tViennoiseries.');
    expect(problems).toEqual([]);
  });

  it.each([
    ['a'.repeat(51), {}, 'must be at most 50 characters (got 51)'],
    ['S\nRL', {}, 'must be on one line'],
    ['S\u0000RL', { multiline: true }, 'must not contain control characters'],
  ])('refuses %j: %s', (raw, options, reason) => {
    const problems: FieldProblem[] = [];
    optionalText(problems, 'input.legalForm', raw, 50, options);
    expect(problems).toEqual([{ field: 'input.legalForm', reason }]);
  });
});
