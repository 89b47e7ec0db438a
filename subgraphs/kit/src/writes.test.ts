import type { DataSource } from 'typeorm';
import type { RequestContext } from './context';
import { BadUserInput, Forbidden } from './errors';
import { ANONYMOUS, type Identity } from './identity';
import { authoriseWrite, definedFields } from './writes';

const NAMUR = { code: 'BE-92094', name: 'Namur', country: 'BE' as const };

function contextOf(identity: Identity): RequestContext {
  return { commune: NAMUR, identity, db: {} as DataSource };
}

const editor: Identity = {
  kind: 'user',
  subject: 'editor@namur.example',
  roles: { 'BE-92094': ['editor'], 'FR-59350': ['admin'] },
};

describe('authoriseWrite', () => {
  it("returns the caller's subject when they hold a role allowed in the node's commune", () => {
    expect(authoriseWrite(contextOf(editor), 'BE-92094', ['editor', 'admin'])).toBe(
      'editor@namur.example',
    );
  });

  it('refuses a write to another commune as a problem of the `commune` argument', () => {
    const call = () => authoriseWrite(contextOf(editor), 'FR-59350', ['admin']);
    expect(call).toThrow(BadUserInput);
    expect(call).toThrow('commune: this node serves BE-92094, not FR-59350');
  });

  it('refuses a caller without one of the roles in this commune', () => {
    expect(() => authoriseWrite(contextOf(editor), 'BE-92094', ['admin'])).toThrow(Forbidden);
    expect(() => authoriseWrite(contextOf(editor), 'BE-92094', ['admin'])).toThrow(
      /editor@namur\.example has no admin role in BE-92094/,
    );
  });

  it('refuses anonymous callers', () => {
    expect(() => authoriseWrite(contextOf(ANONYMOUS), 'BE-92094', ['editor'])).toThrow(
      /Anonymous callers cannot do this/,
    );
  });
});

describe('definedFields', () => {
  it('keeps the fields given, null ones included, and drops the absent ones', () => {
    const input = { name: 'Bakery', phone: null, email: undefined };
    expect(definedFields(input)).toEqual({ name: 'Bakery', phone: null });
    expect('email' in definedFields(input)).toBe(false);
  });

  it('keeps falsy values that are not undefined', () => {
    expect(definedFields({ count: 0, note: '', open: false })).toEqual({
      count: 0,
      note: '',
      open: false,
    });
  });
});
