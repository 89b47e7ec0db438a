import { ensureOrganizations, type EnsuredOrganization } from '@communes/deliberations';
import type { DeliberationsNode } from './support';

/**
 * Namur's council for the tests: five councillors with a vote, a general director without
 * one, and a councillor whose term ended before 2026.
 */
export async function ensureNamurBodies(node: DeliberationsNode): Promise<{
  council: EnsuredOrganization;
  college: EnsuredOrganization;
}> {
  const seat = (givenName: string, familyName: string, role: string, votingRight = true) => ({
    givenName,
    familyName,
    role,
    votingRight,
    startDate: '2024-12-02',
  });
  const [council, college] = await ensureOrganizations(node.db, [
    {
      name: 'Conseil communal',
      kind: 'COUNCIL',
      members: [
        seat('Maxime', 'Prévot', 'bourgmestre'),
        seat('Anne', 'Barzin', 'échevine'),
        seat('Tanguy', 'Auspert', 'conseiller'),
        seat('Charlotte', 'Mouget', 'conseillère'),
        seat('Baudouin', 'Sohier', 'conseiller'),
        seat('Laurent', 'Ghekiere', 'directeur général', false),
        { ...seat('Ancien', 'Élu', 'conseiller'), startDate: '2018-12-03', endDate: '2024-12-01' },
      ],
    },
    {
      name: 'Collège communal',
      kind: 'COLLEGE',
      members: [seat('Maxime', 'Prévot', 'bourgmestre'), seat('Anne', 'Barzin', 'échevine')],
    },
  ]);
  return { council: council!, college: college! };
}

/** The person ids of the council by family name. */
export function personIds(body: EnsuredOrganization): Record<string, string> {
  return Object.fromEntries(body.members.map((m) => [m.person.familyName, m.person.id]));
}
