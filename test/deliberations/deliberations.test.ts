import { randomUUID } from 'node:crypto';
import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { LIEGE, NAMUR } from '../fixtures/communes';
import type { StaffRole } from './clerk';
import {
  ADD_ATTACHMENT,
  CREATE_ITEM,
  CREATE_MEETING,
  DECIDE,
  FREEZE,
  ITEM,
  MEETING,
  PRESENT,
  PROPOSE,
  TRANSITION_MEETING,
  UPDATE_ITEM,
  VALIDATE,
} from './operations';
import { problemsOf, useNamur } from './suite';

type Row = Record<string, any>;

/** Items and meetings through their workflow, legal and illegal steps, and who may take them. */
describe.each(testDatabaseKinds())('deliberations: workflow and roles on %s', (database) => {
  const s = useNamur(database);
  const { as, send, read, unchanged } = s;

  describe('item workflow', () => {
    it('takes an item from CREATED to ACCEPTED while its meeting goes to CLOSED, with its history', async () => {
      const secretary = await as('secretary');
      const meeting = await s.clerk.meeting({
        title: 'Conseil communal du 12 mars 2026',
        endsAt: '2026-03-12T23:00:00+01:00',
        location: 'Hôtel de Ville, salle du Conseil',
      });
      expect(meeting).toMatchObject({
        state: 'CREATED',
        startsAt: '2026-03-12T18:30:00.000Z',
        endsAt: '2026-03-12T22:00:00.000Z',
        organization: { name: 'Conseil communal', kind: 'COUNCIL' },
        items: [],
      });
      const created = await s.clerk.createItem({
        title: 'Règlement de police: terrasses',
        description: 'Mise à jour du règlement',
        proposingGroup: 'Service juridique',
      });
      expect(created).toMatchObject({
        state: 'CREATED',
        meeting: null,
        number: null,
        public: true,
      });
      const proposed = dataOf(
        await send(PROPOSE, { id: created.id, comment: 'prêt' }, await as('editor')),
      ).proposeItem;
      expect(proposed.state).toBe('PROPOSED');
      const validated = dataOf(await send(VALIDATE, { id: created.id }, secretary)).validateItem;
      expect(validated.state).toBe('VALIDATED');
      const other = await s.clerk.itemAt('PRESENTED', { title: 'Premier point' }, meeting.id);
      expect(other.number).toBe(1);
      const presented = dataOf(
        await send(PRESENT, { id: created.id, meeting: meeting.id }, secretary),
      ).presentItem;
      expect(presented).toMatchObject({
        state: 'PRESENTED',
        number: 2,
        meeting: { id: meeting.id },
      });
      const frozen = await s.clerk.moveMeeting(meeting.id, 'FROZEN');
      expect(frozen.items.map((i: Row) => [i.number, i.state])).toEqual([
        [1, 'FROZEN'],
        [2, 'FROZEN'],
      ]);
      await s.clerk.moveMeeting(meeting.id, 'PUBLISHED');
      const votes = {
        pollType: 'PUBLIC',
        present: 4,
        yes: 3,
        no: 1,
        abstain: 0,
        voters: [
          { person: s.people['Prévot'], vote: 'YES' },
          { person: s.people['Barzin'], vote: 'YES' },
          { person: s.people['Auspert'], vote: 'NO' },
          { person: s.people['Mouget'], vote: 'YES' },
        ],
      };
      const decided = await s.clerk.decide(created.id, 'ACCEPTED', votes);
      expect(decided).toMatchObject({
        state: 'ACCEPTED',
        decidedAt: '2026-03-12T18:30:00.000Z',
        votes: { pollType: 'PUBLIC', present: 4, yes: 3, no: 1, abstain: 0 },
      });
      expect(decided.votes.voters).toHaveLength(4);
      expect(decided.votes.voters).toEqual(
        expect.arrayContaining([
          { person: { id: s.people['Auspert'], name: 'Tanguy Auspert' }, vote: 'NO' },
        ]),
      );
      await s.clerk.decide(other.id, 'REMOVED');
      const closed = await s.clerk.moveMeeting(meeting.id, 'DECIDED', 'CLOSED');
      expect(closed.state).toBe('CLOSED');
      const history = decided.history.map((h: Row) => [h.from, h.to, h.by, h.comment]);
      expect(history).toEqual([
        [null, 'CREATED', 'editor@be-92094.example', null],
        ['CREATED', 'PROPOSED', 'editor@be-92094.example', 'prêt'],
        ['PROPOSED', 'VALIDATED', 'secretary@be-92094.example', null],
        ['VALIDATED', 'PRESENTED', 'secretary@be-92094.example', null],
        ['PRESENTED', 'FROZEN', 'secretary@be-92094.example', 'meeting frozen'],
        ['FROZEN', 'ACCEPTED', 'secretary@be-92094.example', null],
      ]);
      const times = decided.history.map((h: Row) => Date.parse(h.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });

    it('freezes a presented item on its own, and attaches files to it', async () => {
      const item = await s.clerk.itemAt('PRESENTED');
      const frozen = await s.clerk.freeze(item.id);
      expect(frozen.state).toBe('FROZEN');
      const input = {
        name: 'Projet de délibération.pdf',
        mimeType: 'application/pdf',
        url: 'https://deliberations.s.namur.be/files/projet.pdf',
        sha256: 'A'.repeat(64),
        size: 48213,
      };
      const attached = dataOf(
        await send(ADD_ATTACHMENT, { item: item.id, input }, await as('editor')),
      ).addAttachment;
      expect(attached.attachments).toEqual([{ ...input, sha256: 'a'.repeat(64) }]);
      const bad = await unchanged(async () =>
        send(
          ADD_ATTACHMENT,
          { item: item.id, input: { ...input, url: 'ftp://x', sha256: 'xyz', size: -1 } },
          await as('editor'),
        ),
      );
      expect(problemsOf(bad).fields).toEqual(['input.url', 'input.sha256', 'input.size']);
    });

    it('refuses an invalid item, naming every field, and keeps it as it was', async () => {
      const editor = await as('editor');
      const input = {
        title: ' ',
        decision: 'Accorde à [[personal: Jean Dupont un subside',
        category: '',
        proposingGroup: 'x'.repeat(201),
      };
      const created = await unchanged(() => send(CREATE_ITEM, { input }, editor));
      expect(problemsOf(created).fields.sort()).toEqual([
        'input.category',
        'input.decision',
        'input.proposingGroup',
        'input.title',
      ]);
      const item = await s.clerk.createItem({ title: 'Point valide' });
      const updated = await unchanged(() =>
        send(UPDATE_ITEM, { id: item.id, input: { title: null, public: null } }, editor),
      );
      expect(problemsOf(updated).fields.sort()).toEqual(['input.public', 'input.title']);
    });

    it('numbers items presented at the same time one after the other', async () => {
      const meeting = await s.clerk.meeting();
      const items = await Promise.all([1, 2, 3, 4, 5].map(() => s.clerk.itemAt('VALIDATED')));
      const presented = await Promise.all(items.map((i) => s.clerk.present(i.id, meeting.id)));
      expect(presented.map((p) => p.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    });

    describe('refuses every illegal item transition, naming the state and what it allows', () => {
      const allowed: Record<string, string> = {
        CREATED: 'propose (PROPOSED)',
        PROPOSED: 'validate (VALIDATED)',
        VALIDATED: 'present (PRESENTED)',
        PRESENTED: 'freeze (FROZEN)',
        FROZEN: 'decide (ACCEPTED, ACCEPTED_BUT_MODIFIED, REFUSED, DELAYED, REMOVED)',
        ACCEPTED: 'none',
      };
      const legal: Record<string, string> = {
        CREATED: 'propose',
        PROPOSED: 'validate',
        VALIDATED: 'present',
        PRESENTED: 'freeze',
        FROZEN: 'decide',
      };
      const actions: Record<string, [string, Row, StaffRole]> = {
        propose: [PROPOSE, {}, 'editor'],
        validate: [VALIDATE, {}, 'secretary'],
        present: [PRESENT, {}, 'secretary'],
        freeze: [FREEZE, {}, 'secretary'],
        decide: [DECIDE, { decision: 'DELAYED' }, 'secretary'],
      };
      const items: Record<string, string> = {};
      let openMeeting: string;

      beforeAll(async () => {
        openMeeting = (await s.clerk.meeting())['id'];
        for (const state of ['CREATED', 'PROPOSED', 'VALIDATED', 'PRESENTED'] as const) {
          items[state] = (await s.clerk.itemAt(state, {}, openMeeting))['id'];
        }
        const { items: frozen } = await s.clerk.publishedMeetingWith([{}, {}]);
        items['FROZEN'] = frozen[0]!['id'];
        items['ACCEPTED'] = frozen[1]!['id'];
        await s.clerk.decide(items['ACCEPTED']!, 'ACCEPTED', {
          pollType: 'SECRET',
          present: 5,
          yes: 5,
          no: 0,
          abstain: 0,
        });
      });

      const cases = Object.keys(allowed).flatMap((state) =>
        Object.keys(actions)
          .filter((action) => legal[state] !== action)
          .map((action) => [state, action] as const),
      );

      it.each(cases)('%s item: %s', async (state, action) => {
        const [query, extra, role] = actions[action]!;
        const response = await unchanged(async () =>
          send(query, { id: items[state], meeting: openMeeting, ...extra }, await as(role)),
        );
        expect(problemsOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['id'] });
        expect(problemsOf(response).problems[0]!.reason).toBe(
          `item is ${state}; allowed: ${allowed[state]}`,
        );
        const { item } = await read(
          ITEM,
          { communeCode: NAMUR.code, id: items[state] },
          await as('editor'),
        );
        expect(item.state).toBe(state);
      });
    });

    it('keeps the agenda of a frozen meeting, decisions to published meetings, frozen items as they are', async () => {
      const secretary = await as('secretary');
      const meeting = await s.clerk.meeting();
      const onAgenda = await s.clerk.itemAt('PRESENTED', {}, meeting.id);
      await s.clerk.moveMeeting(meeting.id, 'FROZEN');
      const late = await s.clerk.itemAt('VALIDATED');
      const present = await unchanged(() =>
        send(PRESENT, { id: late.id, meeting: meeting.id }, secretary),
      );
      expect(problemsOf(present).problems).toEqual([
        {
          field: 'meeting',
          reason: 'meeting is FROZEN; items join an agenda until the meeting freezes',
        },
      ]);
      const early = await unchanged(() =>
        send(DECIDE, { id: onAgenda.id, decision: 'DELAYED' }, secretary),
      );
      expect(problemsOf(early).problems[0]!.reason).toMatch(/meeting is FROZEN.*PUBLISHED/);
      const edit = await unchanged(async () =>
        send(UPDATE_ITEM, { id: onAgenda.id, input: { title: 'Autre' } }, await as('editor')),
      );
      expect(problemsOf(edit).problems[0]).toEqual({
        field: 'id',
        reason: 'item is FROZEN; items change until their meeting freezes',
      });
      const missing = await unchanged(() =>
        send(PRESENT, { id: late.id, meeting: randomUUID() }, secretary),
      );
      expect(problemsOf(missing).fields).toEqual(['meeting']);
      const notFound = await send(VALIDATE, { id: randomUUID() }, secretary);
      expect(problemsOf(notFound).code).toBe('NOT_FOUND');
      const notAnId = await send(VALIDATE, { id: 'item-1' }, secretary);
      expect(problemsOf(notAnId)).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['id'] });
    });

    it('moves meetings one step at a time, and to DECIDED only when every item is decided', async () => {
      const secretary = await as('secretary');
      const move = (id: string, to: string) =>
        unchanged(() => send(TRANSITION_MEETING, { id, to }, secretary));
      const { meeting, items } = await s.clerk.publishedMeetingWith([{}, {}]);
      const created = await s.clerk.meeting();
      expect(problemsOf(await move(created.id, 'PUBLISHED')).problems).toEqual([
        { field: 'to', reason: 'meeting is CREATED; allowed: FROZEN' },
      ]);
      expect(problemsOf(await move(created.id, 'CREATED')).problems[0]!.reason).toBe(
        'meeting is CREATED; allowed: FROZEN',
      );
      expect(problemsOf(await move(meeting.id, 'FROZEN')).problems[0]!.reason).toBe(
        'meeting is PUBLISHED; allowed: DECIDED',
      );
      await s.clerk.decide(items[0]!.id, 'DELAYED');
      const undecided = problemsOf(await move(meeting.id, 'DECIDED')).problems[0]!;
      expect(undecided.field).toBe('to');
      expect(undecided.reason).toMatch(/every item decided.*2 \(FROZEN\)/);
      await s.clerk.decide(items[1]!.id, 'REMOVED');
      await s.clerk.moveMeeting(meeting.id, 'DECIDED', 'CLOSED');
      expect(problemsOf(await move(meeting.id, 'DECIDED')).problems[0]!.reason).toBe(
        'meeting is CLOSED; allowed: none',
      );
      const { meeting: stored } = await read(MEETING, { communeCode: NAMUR.code, id: meeting.id });
      expect(stored.state).toBe('CLOSED');
      const bad = await unchanged(() =>
        send(
          CREATE_MEETING,
          {
            input: {
              organization: randomUUID(),
              title: ' ',
              startsAt: '2026-03-12 19:30',
              endsAt: '2026-03-12T18:00:00+01:00',
            },
          },
          secretary,
        ),
      );
      expect(problemsOf(bad).fields).toEqual([
        'input.title',
        'input.startsAt',
        'input.organization',
      ]);
    });
  });

  describe('roles', () => {
    it('lets each role do its own steps only, in its own commune only', async () => {
      const item = await s.clerk.itemAt('PROPOSED');
      const meeting = await s.clerk.meeting();
      const refusals: [string, Row, Record<string, string>][] = [
        ['editor validates', { query: VALIDATE, id: item.id }, await as('editor')],
        ['editor creates a meeting', { query: CREATE_MEETING }, await as('editor')],
        [
          'editor moves a meeting',
          { query: TRANSITION_MEETING, id: meeting.id, to: 'FROZEN' },
          await as('editor'),
        ],
        ['secretary writes an item', { query: CREATE_ITEM }, await as('secretary')],
        [
          'secretary of Liège validates',
          { query: VALIDATE, id: item.id },
          await as('secretary', LIEGE.code),
        ],
        [
          'secretary of Liège creates a meeting',
          { query: CREATE_MEETING },
          await as('admin', LIEGE.code),
        ],
        ['anonymous writes an item', { query: CREATE_ITEM }, {}],
        ['anonymous validates', { query: VALIDATE, id: item.id }, {}],
      ];
      const inputs: Record<string, Row> = {
        [CREATE_MEETING]: {
          organization: s.council.organization.id,
          title: 'Conseil',
          startsAt: '2026-04-01T19:00:00+02:00',
        },
        [CREATE_ITEM]: { title: 'Point', category: 'FIN-BUDGET' },
      };
      for (const [label, { query, ...variables }, headers] of refusals) {
        const response = await unchanged(() =>
          send(query, { input: inputs[query], ...variables }, headers),
        );
        expect([label, problemsOf(response).code]).toEqual([label, 'FORBIDDEN']);
      }
      const elsewhere = await unchanged(async () =>
        s.namur.query(
          VALIDATE,
          { commune: LIEGE.code, id: item.id },
          await as('secretary', LIEGE.code),
        ),
      );
      expect(problemsOf(elsewhere)).toMatchObject({ code: 'WRONG_COMMUNE', fields: ['commune'] });
    });

    it('lets an admin do every step', async () => {
      const admin = await as('admin');
      const call = async (query: string, variables: Row) =>
        Object.values(dataOf(await send(query, variables, admin)))[0] as Row;
      const meeting = await call(CREATE_MEETING, {
        input: {
          organization: s.council.organization.id,
          title: 'Collège',
          startsAt: '2026-05-04T09:00:00+02:00',
        },
      });
      const item = await call(CREATE_ITEM, { input: { title: 'Point admin', category: 'VOIRIE' } });
      await call(PROPOSE, { id: item.id });
      await call(VALIDATE, { id: item.id });
      await call(PRESENT, { id: item.id, meeting: meeting.id });
      await call(TRANSITION_MEETING, { id: meeting.id, to: 'FROZEN' });
      await call(TRANSITION_MEETING, { id: meeting.id, to: 'PUBLISHED' });
      const decided = await call(DECIDE, {
        id: item.id,
        decision: 'ACCEPTED',
        votes: { pollType: 'NONE', present: 5, yes: 5, no: 0, abstain: 0 },
      });
      expect(decided.state).toBe('ACCEPTED');
      expect(decided.history.every((h: Row) => h.by === 'admin@be-92094.example')).toBe(true);
    });
  });
});
