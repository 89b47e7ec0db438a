import { dataOf } from '../support/graphql-client';
import {
  CREATE_ITEM,
  CREATE_MEETING,
  DECIDE,
  FREEZE,
  PRESENT,
  PROPOSE,
  TRANSITION_MEETING,
  VALIDATE,
} from './operations';
import type { DeliberationsNode } from './support';

type Headers = Record<string, string>;
type Row = Record<string, any>;
export type StaffRole = 'editor' | 'secretary' | 'admin';

/**
 * Drives items and meetings through their workflow over GraphQL, each step with the role it
 * needs, so that a test can start from any state.
 */
export class Clerk {
  constructor(
    private readonly node: DeliberationsNode,
    /** Fresh hub-signed headers per call: identities live two minutes, a suite longer. */
    private readonly as: (role: StaffRole) => Promise<Headers>,
    private readonly organizationId: string,
  ) {}

  private async call(role: StaffRole, query: string, variables: Row): Promise<Row> {
    const response = await this.node.query<Record<string, Row>>(
      query,
      { commune: this.node.commune.code, ...variables },
      await this.as(role),
    );
    return Object.values(dataOf(response))[0]!;
  }

  createItem(input: Row): Promise<Row> {
    return this.call('editor', CREATE_ITEM, { input: { category: 'FIN-BUDGET', ...input } });
  }

  meeting(input: Row = {}): Promise<Row> {
    return this.call('secretary', CREATE_MEETING, {
      input: {
        organization: this.organizationId,
        title: 'Conseil communal',
        startsAt: '2026-03-12T19:30:00+01:00',
        ...input,
      },
    });
  }

  async moveMeeting(id: string, ...states: string[]): Promise<Row> {
    let meeting: Row = {};
    for (const to of states) meeting = await this.call('secretary', TRANSITION_MEETING, { id, to });
    return meeting;
  }

  propose = (id: string) => this.call('editor', PROPOSE, { id });
  validate = (id: string) => this.call('secretary', VALIDATE, { id });
  present = (id: string, meeting: string) => this.call('secretary', PRESENT, { id, meeting });
  freeze = (id: string) => this.call('secretary', FREEZE, { id });
  decide = (id: string, decision: string, votes?: Row | null, decisionText?: string) =>
    this.call('secretary', DECIDE, { id, decision, votes, decisionText });

  /** A new item moved up to `state`; PRESENTED puts it on `meeting` (a new one by default). */
  async itemAt(
    state: 'CREATED' | 'PROPOSED' | 'VALIDATED' | 'PRESENTED',
    input: Row = {},
    meeting?: string,
  ): Promise<Row> {
    let item = await this.createItem({ title: `Point ${state}`, ...input });
    const steps = ['PROPOSED', 'VALIDATED', 'PRESENTED'];
    for (const step of steps.slice(0, steps.indexOf(state) + 1)) {
      if (step === 'PROPOSED') item = await this.propose(item['id']);
      if (step === 'VALIDATED') item = await this.validate(item['id']);
      if (step === 'PRESENTED') {
        item = await this.present(item['id'], meeting ?? (await this.meeting())['id']);
      }
    }
    return item;
  }

  /** A PUBLISHED meeting whose agenda holds these items, all FROZEN: ready for decisions. */
  async publishedMeetingWith(
    inputs: Row[],
    meetingInput: Row = {},
  ): Promise<{ meeting: Row; items: Row[] }> {
    const meeting = await this.meeting(meetingInput);
    const items = [];
    for (const input of inputs) items.push(await this.itemAt('PRESENTED', input, meeting['id']));
    const published = await this.moveMeeting(meeting['id'], 'FROZEN', 'PUBLISHED');
    return { meeting: published, items };
  }
}
