/** The registry operations the tests send, as a client would. */
const COMMUNE_FIELDS = `
  code
  name
  names { fr nl de en }
  country
  region
  website
  status
  subgraphs { name url }
  servesDirectory: serves(subgraph: "directory")
  joinedAt
  suspendedReason
  health {
    subgraph
    status
    latencyMs
    checkedAt
    lastError
    contract
    contractDifferences
    circuit { state consecutiveFailures openedAt }
  }
`;

export const COMMUNES = `query Communes($filter: CommuneFilter) {
  communes(filter: $filter) { ${COMMUNE_FIELDS} }
}`;

export const COMMUNE = `query Commune($code: ID!) {
  commune(code: $code) { ${COMMUNE_FIELDS} }
}`;

export const REGISTER = `mutation Register($input: RegisterCommuneInput!) {
  registerCommune(input: $input) { ${COMMUNE_FIELDS} }
}`;

export const UPDATE_ENDPOINTS = `mutation UpdateEndpoints($code: ID!, $subgraphs: [CommuneSubgraphInput!]!) {
  updateCommuneEndpoints(code: $code, subgraphs: $subgraphs) { ${COMMUNE_FIELDS} }
}`;

export const SUSPEND = `mutation Suspend($code: ID!, $reason: String!) {
  suspendCommune(code: $code, reason: $reason) { ${COMMUNE_FIELDS} }
}`;

export const REINSTATE = `mutation Reinstate($code: ID!) {
  reinstateCommune(code: $code) { ${COMMUNE_FIELDS} }
}`;

export const REMOVE = `mutation Remove($code: ID!) {
  removeCommune(code: $code) { ${COMMUNE_FIELDS} }
}`;

/** What the gateway's planner sends to resolve `Commune` references. */
export const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Commune { code name status } }
}`;
