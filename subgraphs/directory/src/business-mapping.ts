import { In, type EntityManager } from 'typeorm';
import { foldText } from '@communes/kit';
import type { CreateBusinessInput } from './generated/graphql';
import type { Business } from './business.entity';
import { BusinessActivity } from './business-activity.entity';
import { naceLabel, naceSection, normaliseNaceCode } from './nace';
import type { NormalisedBusiness } from './validation';

/** The columns a validated business sets, derived columns included. */
export function toEntityFields(value: NormalisedBusiness): Partial<Business> {
  const activities = value.activities.map((activity, position) => {
    const code = normaliseNaceCode(activity.code) ?? activity.code;
    return Object.assign(new BusinessActivity(), {
      position,
      naceVersion: activity.naceVersion,
      code,
      codeDigits: code.replace(/\D/g, ''),
      main: activity.main,
    });
  });
  const main = activities.find((a) => a.main) ?? activities[0]!;
  const description = value.description;
  return {
    enterpriseNumber: value.enterpriseNumber,
    establishmentNumber: value.establishmentNumber,
    name: value.name,
    nameSort: foldText(value.name),
    commercialName: value.commercialName,
    legalForm: value.legalForm,
    activities,
    mainNaceVersion: main.naceVersion,
    mainSection: naceSection(main.naceVersion, main.code).letter,
    street: value.address.street,
    houseNumber: value.address.number,
    box: value.address.box,
    postalCode: value.address.postalCode,
    locality: value.address.locality,
    countryCode: value.address.countryCode,
    lat: value.location?.lat ?? null,
    lon: value.location?.lon ?? null,
    phone: value.contacts.phone,
    email: value.contacts.email,
    website: value.contacts.website,
    openingHours: value.openingHours,
    description,
    source: value.source,
    startDate: value.startDate,
    endDate: value.endDate,
    searchText: foldText(
      [
        value.name,
        value.commercialName,
        description.fr,
        description.nl,
        description.de,
        description.en,
        ...activities.map((a) => naceLabel(a.naceVersion, a.code)),
        value.address.locality,
      ]
        .filter(Boolean)
        .join(' '),
    ),
  };
}

/** A stored business as the input that would create it: updates validate the merged result. */
export function toInput(business: Business): CreateBusinessInput {
  return {
    enterpriseNumber: business.enterpriseNumber,
    establishmentNumber: business.establishmentNumber,
    name: business.name,
    commercialName: business.commercialName,
    legalForm: business.legalForm,
    activities: [...business.activities]
      .sort((a, b) => a.position - b.position)
      .map((a) => ({ naceVersion: a.naceVersion, code: a.code, main: a.main })),
    address: {
      street: business.street,
      number: business.houseNumber,
      box: business.box,
      postalCode: business.postalCode,
      locality: business.locality,
      countryCode: business.countryCode,
    },
    location:
      business.lat !== null && business.lon !== null
        ? { lat: business.lat, lon: business.lon }
        : null,
    contacts: { phone: business.phone, email: business.email, website: business.website },
    openingHours: business.openingHours,
    description: business.description,
    source: business.source,
    startDate: business.startDate,
    endDate: business.endDate,
  };
}

/** The `business_activity` rows of a business, to insert after its own row. */
export function activityRowsOf(business: Business): BusinessActivity[] {
  return business.activities.map((activity) => ({ ...activity, businessId: business.id }));
}

/** Loads the activities of many businesses in one query. */
export async function loadActivities(
  manager: EntityManager,
  businesses: Business[],
): Promise<void> {
  if (businesses.length === 0) return;
  const activities = await manager.getRepository(BusinessActivity).find({
    where: { businessId: In(businesses.map((b) => b.id)) },
    order: { position: 'ASC' },
  });
  const byBusiness = new Map<string, BusinessActivity[]>();
  for (const activity of activities) {
    const list = byBusiness.get(activity.businessId) ?? [];
    list.push(activity);
    byBusiness.set(activity.businessId, list);
  }
  for (const business of businesses) business.activities = byBusiness.get(business.id) ?? [];
}
