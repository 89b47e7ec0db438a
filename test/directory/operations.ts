/** Operations the directory tests send, as a client of a commune node would. */
export const BUSINESS_FIELDS = `
  communeCode id enterpriseNumber establishmentNumber name commercialName legalForm status source
  activities { naceVersion code label section main }
  address { street number box postalCode locality countryCode }
  location { lat lon } contacts { phone email website } openingHours
  description { fr nl } createdAt updatedAt`;

export const CREATE = `mutation Create($commune: ID!, $input: CreateBusinessInput!) {
  createBusiness(commune: $commune, input: $input) { ${BUSINESS_FIELDS} } }`;

export const UPDATE = `mutation Update($commune: ID!, $id: ID!, $input: UpdateBusinessInput!) {
  updateBusiness(commune: $commune, id: $id, input: $input) { ${BUSINESS_FIELDS} } }`;

export const CLOSE = `mutation Close($commune: ID!, $id: ID!) { closeBusiness(commune: $commune, id: $id) { id status } }`;
export const REOPEN = `mutation Reopen($commune: ID!, $id: ID!) { reopenBusiness(commune: $commune, id: $id) { id status } }`;

export const LIST = `query List($communes: [ID!], $filter: BusinessFilter, $orderBy: BusinessOrder, $first: Int, $after: String) {
  businesses(communes: $communes, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name status distanceKm createdAt address { postalCode } } }
  } }`;

export const ONE = `query One($communeCode: ID!, $id: ID!) { business(communeCode: $communeCode, id: $id) { ${BUSINESS_FIELDS} } }`;

export const SECTORS = `query Sectors($communes: [ID!], $filter: BusinessFilter) {
  businessCountsBySector(communes: $communes, filter: $filter) { key naceVersion section label count } }`;
