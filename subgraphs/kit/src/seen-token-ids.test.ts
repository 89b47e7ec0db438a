import { SeenTokenIds } from './seen-token-ids';

describe('SeenTokenIds', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('knows an id again until it expires, then forgets it', () => {
    const seen = new SeenTokenIds(10, clock);
    expect(seen.remember('a', now + 30_000)).toBe('new');
    expect(seen.remember('a', now + 30_000)).toBe('seen');
    now += 30_000;
    expect(seen.remember('b', now + 30_000)).toBe('new');
    expect(seen.size).toBe(1);
  });

  it('refuses a new id when full of live ones rather than forget one', () => {
    const seen = new SeenTokenIds(2, clock);
    seen.remember('a', now + 10_000);
    seen.remember('b', now + 60_000);
    expect(seen.remember('c', now + 60_000)).toBe('full');
    expect(seen.remember('a', now + 10_000)).toBe('seen');
    now += 10_000;
    expect(seen.remember('c', now + 60_000)).toBe('new');
  });

  it('makes room from expired ids that arrived after a live one', () => {
    const seen = new SeenTokenIds(2, clock);
    seen.remember('long', now + 60_000);
    seen.remember('short', now + 1_000);
    now += 1_000;
    expect(seen.remember('next', now + 1_000)).toBe('new');
    expect(seen.remember('long', now + 60_000)).toBe('seen');
  });
});
