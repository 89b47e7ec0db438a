/** Operations the deliberations tests send, as a client of a commune node would. */
export const ITEM_FIELDS = `
  communeCode id number title description motivation decision proposingGroup state public
  decidedAt createdAt updatedAt
  meeting { id state startsAt }
  category { code name topic { code name } }
  topic { code name }
  votes { pollType present yes no abstain voters { person { id name } vote } }
  attachments { name mimeType url sha256 size }
  history { from to by at comment }`;

export const MEETING_FIELDS = `
  communeCode id title startsAt endsAt location state createdAt updatedAt
  organization { id name kind }
  items { id number title state public }`;

export const SET_CATEGORY = `mutation SetCategory($commune: ID!, $input: CategoryInput!) {
  setCategory(commune: $commune, input: $input) { communeCode code name topic { code name } } }`;

export const CATEGORIES = `query Categories($communes: [ID!]) {
  categories(communes: $communes) { communeCode code name topic { code name } } }`;

export const ORGANIZATIONS = `query Organizations($communes: [ID!]) {
  organizations(communes: $communes) {
    communeCode id name kind
    members { role votingRight startDate endDate person { id name givenName familyName
      memberships { role organization { name } } } }
  } }`;

export const CREATE_MEETING = `mutation CreateMeeting($commune: ID!, $input: CreateMeetingInput!) {
  createMeeting(commune: $commune, input: $input) { ${MEETING_FIELDS} } }`;

export const TRANSITION_MEETING = `mutation TransitionMeeting($commune: ID!, $id: ID!, $to: MeetingState!) {
  transitionMeeting(commune: $commune, id: $id, to: $to) { ${MEETING_FIELDS} } }`;

export const CREATE_ITEM = `mutation CreateItem($commune: ID!, $input: CreateItemInput!) {
  createItem(commune: $commune, input: $input) { ${ITEM_FIELDS} } }`;

export const UPDATE_ITEM = `mutation UpdateItem($commune: ID!, $id: ID!, $input: UpdateItemInput!) {
  updateItem(commune: $commune, id: $id, input: $input) { ${ITEM_FIELDS} } }`;

export const PROPOSE = `mutation Propose($commune: ID!, $id: ID!, $comment: String) {
  proposeItem(commune: $commune, id: $id, comment: $comment) { ${ITEM_FIELDS} } }`;

export const VALIDATE = `mutation Validate($commune: ID!, $id: ID!, $comment: String) {
  validateItem(commune: $commune, id: $id, comment: $comment) { ${ITEM_FIELDS} } }`;

export const PRESENT = `mutation Present($commune: ID!, $id: ID!, $meeting: ID!) {
  presentItem(commune: $commune, id: $id, meeting: $meeting) { ${ITEM_FIELDS} } }`;

export const FREEZE = `mutation Freeze($commune: ID!, $id: ID!) {
  freezeItem(commune: $commune, id: $id) { ${ITEM_FIELDS} } }`;

export const DECIDE = `mutation Decide($commune: ID!, $id: ID!, $decision: ItemDecision!, $votes: VoteInput, $decisionText: String) {
  decideItem(commune: $commune, id: $id, decision: $decision, votes: $votes, decisionText: $decisionText) { ${ITEM_FIELDS} } }`;

export const ADD_ATTACHMENT = `mutation AddAttachment($commune: ID!, $item: ID!, $input: AttachmentInput!) {
  addAttachment(commune: $commune, item: $item, input: $input) { ${ITEM_FIELDS} } }`;

export const ITEM = `query Item($communeCode: ID!, $id: ID!) {
  item(communeCode: $communeCode, id: $id) { ${ITEM_FIELDS} } }`;

export const MEETING = `query Meeting($communeCode: ID!, $id: ID!) {
  meeting(communeCode: $communeCode, id: $id) { ${MEETING_FIELDS} } }`;

export const ITEMS = `query Items($communes: [ID!], $filter: ItemFilter, $orderBy: ItemOrder, $first: Int, $after: String) {
  items(communes: $communes, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id title state public decidedAt createdAt decision topic { code } } }
  } }`;

export const MEETINGS = `query Meetings($communes: [ID!], $filter: MeetingFilter, $orderBy: MeetingOrder, $first: Int, $after: String) {
  meetings(communes: $communes, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id title state startsAt items { id public } } }
  } }`;

export const COUNTS_BY_TOPIC = `query CountsByTopic($communes: [ID!], $filter: ItemFilter) {
  itemCountsByTopic(communes: $communes, filter: $filter) { key name count } }`;

export const COUNTS_BY_MONTH = `query CountsByMonth($communes: [ID!], $filter: ItemFilter) {
  itemCountsByMonth(communes: $communes, filter: $filter) { key count } }`;

/** What the hub sends to resolve references: `_entities` with representations. */
export const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Meeting { id state items { id } }
    ... on Item { id title decision }
    ... on Organization { id name }
    ... on Person { id name }
    ... on Commune {
      code
      communeMeetings: meetings(first: 100) { totalCount edges { node { id } } }
      communeItems: items(first: 100) { totalCount edges { node { id } } }
    }
  } }`;
