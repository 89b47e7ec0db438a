import { derivedItemColumns } from './item-input';
import {
  decisionFor,
  hasUnclosedMarker,
  maskPersonalData,
  unmarkPersonalData,
} from './personal-data';

const text = 'Accorde à [[personal: Jean Dupont]] et à [[ personal : Marie  Lenoir ]] un subside.';

describe('personal data in decision texts', () => {
  it('masks it for the public and unmarks it for staff', () => {
    expect(maskPersonalData(text)).toBe(
      'Accorde à [données personnelles masquées] et à [données personnelles masquées] un subside.',
    );
    expect(unmarkPersonalData(text)).toBe('Accorde à Jean Dupont et à Marie  Lenoir un subside.');
    expect(decisionFor(null, false)).toBeNull();
    expect(decisionFor(text, true)).toBe(unmarkPersonalData(text));
  });

  it('keeps it out of the search document', () => {
    const { searchText, titleSort } = derivedItemColumns({
      title: 'Élection du Président',
      description: null,
      motivation: null,
      decision: text,
    });
    expect(titleSort).toBe('election du president');
    expect(searchText).not.toMatch(/dupont|lenoir/);
    expect(searchText).toMatch(/subside/);
  });

  it('finds markers left open', () => {
    expect(hasUnclosedMarker('à [[personal: Jean Dupont un subside')).toBe(true);
    expect(hasUnclosedMarker(text)).toBe(false);
  });
});
