import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { namesCommune, type RequestContext } from '@communes/kit';
import { Membership } from './membership.entity';
import { Organization, type OrganizationKind } from './organization.entity';
import { Person } from './person.entity';
import type { Electorate } from './votes';
import { isUuid } from './validation';

export async function listOrganizations(
  ctx: RequestContext,
  communes: readonly string[] | null | undefined,
): Promise<Organization[]> {
  if (!namesCommune(communes, ctx.commune.code)) return [];
  return ctx.db
    .getRepository(Organization)
    .find({ order: { kind: 'ASC', name: 'ASC', id: 'ASC' } });
}

export async function getOrganization(ctx: RequestContext, communeCode: string, id: string) {
  if (communeCode !== ctx.commune.code || !isUuid(id)) return null;
  return ctx.db.getRepository(Organization).findOneBy({ id });
}

export async function getPerson(ctx: RequestContext, communeCode: string, id: string) {
  if (communeCode !== ctx.commune.code || !isUuid(id)) return null;
  return ctx.db.getRepository(Person).findOneBy({ id });
}

/**
 * Who may vote at a meeting of `organization` held on `date` (`YYYY-MM-DD`, the commune's
 * local date): its members on that day, with or without a voting right.
 */
export async function electorateOf(
  manager: EntityManager,
  organization: Organization,
  date: string,
): Promise<Electorate> {
  const seats = await manager
    .getRepository(Membership)
    .createQueryBuilder('ms')
    .where('ms.organization_id = :organization', { organization: organization.id })
    .andWhere('ms.start_date <= CAST(:date AS date)', { date })
    .andWhere('(ms.end_date IS NULL OR ms.end_date >= CAST(:date AS date))', { date })
    .getMany();
  const voting = new Set(seats.filter((s) => s.votingRight).map((s) => s.personId));
  const withoutVote = new Set(
    seats.filter((s) => !s.votingRight && !voting.has(s.personId)).map((s) => s.personId),
  );
  return { organizationName: organization.name, voting, withoutVote };
}

/** A member of an organization, as a seed or a test describes it. */
export interface MemberSpec {
  /** The person's id when the caller fixes it (then found by it); a fresh UUID otherwise. */
  personId?: string;
  givenName: string;
  familyName: string;
  /** Mayor, alderman, councillor, president, secretary… */
  role: string;
  votingRight: boolean;
  /** `YYYY-MM-DD` */
  startDate: string;
  endDate?: string | null;
}

export interface OrganizationSpec {
  /** The organization's id when the caller fixes it (then found by it); a fresh UUID otherwise. */
  id?: string;
  name: string;
  kind: OrganizationKind;
  members: MemberSpec[];
}

export interface EnsuredOrganization {
  organization: Organization;
  members: { person: Person; membership: Membership }[];
}

/**
 * Creates a commune's bodies and their members, or finds them: an organization is the same
 * when its id (if given) or its kind and name are, a person when their id (if given) or their
 * full name is, a seat when person, organization, role and start date are. It never updates
 * what it finds, so running it twice changes nothing; one transaction for all.
 * The contract has no mutation for these: seeds and tests call this.
 */
export async function ensureOrganizations(
  db: DataSource | EntityManager,
  specs: readonly OrganizationSpec[],
): Promise<EnsuredOrganization[]> {
  const manager = db instanceof DataSource ? db.manager : db;
  return manager.transaction(async (tx) => {
    const result: EnsuredOrganization[] = [];
    for (const spec of specs) {
      const organization =
        (await tx
          .getRepository(Organization)
          .findOneBy(spec.id ? { id: spec.id } : { kind: spec.kind, name: spec.name })) ??
        (await tx.save(
          Object.assign(new Organization(), {
            id: spec.id ?? randomUUID(),
            name: spec.name,
            kind: spec.kind,
            createdAt: new Date(),
          }),
        ));
      const members = [];
      for (const member of spec.members) {
        const person = await ensurePerson(tx, member);
        const membership = await ensureMembership(tx, organization.id, person.id, member);
        members.push({ person, membership });
      }
      result.push({ organization, members });
    }
    return result;
  });
}

async function ensurePerson(tx: EntityManager, member: MemberSpec): Promise<Person> {
  const name = `${member.givenName} ${member.familyName}`.trim();
  const found = await tx
    .getRepository(Person)
    .findOneBy(member.personId ? { id: member.personId } : { name });
  if (found) return found;
  return tx.save(
    Object.assign(new Person(), {
      id: member.personId ?? randomUUID(),
      name,
      givenName: member.givenName,
      familyName: member.familyName,
      createdAt: new Date(),
    }),
  );
}

async function ensureMembership(
  tx: EntityManager,
  organizationId: string,
  personId: string,
  member: MemberSpec,
): Promise<Membership> {
  const found = await tx
    .getRepository(Membership)
    .findOneBy({ organizationId, personId, role: member.role, startDate: member.startDate });
  if (found) return found;
  return tx.save(
    Object.assign(new Membership(), {
      id: randomUUID(),
      organizationId,
      personId,
      role: member.role,
      votingRight: member.votingRight,
      startDate: member.startDate,
      endDate: member.endDate ?? null,
    }),
  );
}
