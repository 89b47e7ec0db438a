import { Forbidden } from './errors';
import { ANONYMOUS, isRole, requireRole, rolesIn, type Identity } from './identity';

const clerk: Identity = {
  kind: 'user',
  subject: 'clerk@namur.example',
  name: 'Anne Clerc',
  roles: { 'BE-92094': ['secretary', 'editor'], 'FR-59350': ['admin'] },
};

describe('isRole', () => {
  it('knows the three roles and nothing else', () => {
    expect(['editor', 'secretary', 'admin'].every(isRole)).toBe(true);
    expect(['mayor', 'Admin', '', null, 7].some(isRole)).toBe(false);
  });
});

describe('rolesIn and requireRole', () => {
  it("list a user's roles in one commune, and none for anonymous callers", () => {
    expect(rolesIn(clerk, 'BE-92094')).toEqual(['secretary', 'editor']);
    expect(rolesIn(clerk, 'BE-21004')).toEqual([]);
    expect(rolesIn(ANONYMOUS, 'BE-92094')).toEqual([]);
  });

  it('let a caller holding one of the roles in that commune through', () => {
    expect(() => requireRole(clerk, 'BE-92094', ['admin', 'editor'])).not.toThrow();
    expect(() => requireRole(clerk, 'FR-59350', ['admin'])).not.toThrow();
  });

  it('refuse a role held in another commune only', () => {
    expect(() => requireRole(clerk, 'BE-92094', ['admin'])).toThrow(Forbidden);
    expect(() => requireRole(clerk, 'BE-92094', ['admin'])).toThrow(
      'clerk@namur.example has no admin role in BE-92094',
    );
  });

  it('tell anonymous callers to sign in', () => {
    expect(() => requireRole(ANONYMOUS, 'BE-92094', ['editor', 'admin'])).toThrow(
      'Anonymous callers cannot do this; sign in with a editor or admin role in BE-92094',
    );
  });
});
