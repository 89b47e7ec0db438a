import { Problems } from './problems';

describe('Problems', () => {
  it('starts empty', () => {
    const problems = new Problems();
    expect(problems.empty).toBe(true);
    expect(problems.list).toEqual([]);
  });

  it('collects every problem added, in order', () => {
    const problems = new Problems();
    problems.add('input.name', 'must not be empty');
    problems.add('input.url', 'must be an https URL');
    expect(problems.empty).toBe(false);
    expect(problems.list).toEqual([
      { field: 'input.name', reason: 'must not be empty' },
      { field: 'input.url', reason: 'must be an https URL' },
    ]);
  });

  describe('required', () => {
    it('returns the trimmed text and adds nothing when it fits', () => {
      const problems = new Problems();
      expect(problems.required('name', '  Namur  ', 5)).toBe('Namur');
      expect(problems.empty).toBe(true);
    });

    it('refuses empty or blank text', () => {
      const problems = new Problems();
      problems.required('name', '', 10);
      problems.required('title', ' \t\n', 10);
      expect(problems.list).toEqual([
        { field: 'name', reason: 'must not be empty' },
        { field: 'title', reason: 'must not be empty' },
      ]);
    });

    it('refuses text longer than the maximum once trimmed', () => {
      const problems = new Problems();
      problems.required('name', 'abcdef', 5);
      expect(problems.list).toEqual([{ field: 'name', reason: 'must be at most 5 characters' }]);
    });
  });

  describe('optional', () => {
    it('stores missing, empty and blank text as null, with no problem', () => {
      const problems = new Problems();
      expect(problems.optional('note', undefined, 5)).toBeNull();
      expect(problems.optional('note', null, 5)).toBeNull();
      expect(problems.optional('note', '   ', 5)).toBeNull();
      expect(problems.empty).toBe(true);
    });

    it('returns trimmed text, and refuses text that is too long', () => {
      const problems = new Problems();
      expect(problems.optional('note', ' short ', 5)).toBe('short');
      problems.optional('note', 'too long', 5);
      expect(problems.list).toEqual([{ field: 'note', reason: 'must be at most 5 characters' }]);
    });
  });
});
