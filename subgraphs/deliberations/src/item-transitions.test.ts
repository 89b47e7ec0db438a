import { DomainError } from '@communes/kit';
import { allowedFrom, checkItemAction, isDecided } from './item-transitions';
import { checkMeetingTransition } from './meeting-transitions';

describe('item transitions', () => {
  it('names what each state allows', () => {
    expect(allowedFrom('CREATED')).toBe('propose (PROPOSED)');
    expect(allowedFrom('FROZEN')).toBe(
      'decide (ACCEPTED, ACCEPTED_BUT_MODIFIED, REFUSED, DELAYED, REMOVED)',
    );
    expect(allowedFrom('REFUSED')).toBe('none');
  });

  it('refuses an action from another state, and a decision that is not one', () => {
    expect(() => checkItemAction('PROPOSED', 'validate')).not.toThrow();
    expect(() => checkItemAction('PROPOSED', 'present')).toThrow(
      'id: item is PROPOSED; allowed: validate (VALIDATED)',
    );
    expect(() => checkItemAction('FROZEN', 'decide', 'VALIDATED')).toThrow(DomainError);
    expect(isDecided('DELAYED')).toBe(true);
    expect(isDecided('FROZEN')).toBe(false);
  });
});

describe('meeting transitions', () => {
  it('moves one step at a time', () => {
    expect(() => checkMeetingTransition('FROZEN', 'PUBLISHED')).not.toThrow();
    expect(() => checkMeetingTransition('FROZEN', 'DECIDED')).toThrow(
      'to: meeting is FROZEN; allowed: PUBLISHED',
    );
    expect(() => checkMeetingTransition('CLOSED', 'CREATED')).toThrow(
      'to: meeting is CLOSED; allowed: none',
    );
  });
});
