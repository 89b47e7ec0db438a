import { normaliseOpeningHours, parseOpeningHours, validateOpeningHours } from './opening-hours';

describe('normaliseOpeningHours', () => {
  it('trims, collapses spaces and drops those around separators', () => {
    expect(normaliseOpeningHours('  Mo - Fr   09:00 - 12:00 ,  14:00-18:00 ')).toBe(
      'Mo-Fr 09:00-12:00,14:00-18:00',
    );
    expect(normaliseOpeningHours('Mo,\tWe ,Fr\n09:00-12:00')).toBe('Mo,We,Fr 09:00-12:00');
  });
});

describe('parseOpeningHours', () => {
  it('reads day ranges and lists in week order, times in minutes', () => {
    expect(parseOpeningHours('Fr,Mo-We 09:00-12:00,14:00-18:30')).toEqual({
      ok: true,
      value: {
        days: ['Mo', 'Tu', 'We', 'Fr'],
        ranges: [
          { start: 540, end: 720 },
          { start: 840, end: 1110 },
        ],
      },
    });
  });

  it('reads days alone as open all day', () => {
    expect(parseOpeningHours('Mo-Su')).toEqual({
      ok: true,
      value: { days: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'], ranges: [] },
    });
  });

  it('keeps a range past midnight with its end before its start', () => {
    expect(parseOpeningHours('Fr-Sa 18:00-02:00')).toEqual({
      ok: true,
      value: { days: ['Fr', 'Sa'], ranges: [{ start: 1080, end: 120 }] },
    });
  });
});

describe('validateOpeningHours', () => {
  it.each([
    'Mo-Fr 09:00-18:00',
    'Mo,We,Fr 09:00-12:00',
    'Sa 10:00-12:00,14:00-18:00',
    'Mo-Su',
    'Su',
    'Mo-Fr 00:00-24:00',
    'Fr-Sa 18:00-02:00',
    'Sa 22:00-00:00',
    'Sa 18:00-24:00',
    'Th 12:00-06:00',
    'Mo-We,Fr-Su 09:00-12:00,12:00-18:00',
    ' Mo - Fr  09:00 - 18:00 ',
  ])('accepts %j', (spec) => {
    expect(validateOpeningHours(spec)).toBeNull();
  });

  it.each([
    ['', 'must not be empty'],
    ['   ', 'must not be empty'],
    ['09:00-18:00', 'expected a day (Mo, Tu, We, Th, Fr, Sa or Su) at the start'],
    ['Mon-Fri 09:00-18:00', "'Mon' is not a day (use Mo, Tu, We, Th, Fr, Sa or Su)"],
    ['mo-fr 09:00-18:00', "'mo' is not a day (use Mo, Tu, We, Th, Fr, Sa or Su)"],
    ['PH 09:00-12:00', "'PH' is not a day (use Mo, Tu, We, Th, Fr, Sa or Su)"],
    ['Mo–Fr 09:00-18:00', "'–' is not allowed; write ranges with '-'"],
    ['Mo-Fr 09h00-18h00', "'09' is not a time (use HH:MM, e.g. 09:00)"],
    ['Mo-Fr 9:00-18:00', "'9:00' is not a time (use HH:MM, e.g. 09:00)"],
    ['Mo-Fr 0900-1800', "'0900' is not a time (use HH:MM, e.g. 09:00)"],
    ['Mo-Fr 09:00-25:00', "'25:00' is not a time between 00:00 and 24:00"],
    ['Mo-Fr 09:60-18:00', "'09:60' is not a time between 00:00 and 24:00"],
    ['Mo-Fr 09:00-24:30', "'24:30' is not a time between 00:00 and 24:00"],
    ['Mo-Fr; 09:00-18:00', "unexpected character ';'"],
    ['Mo,', "expected a day (Mo, Tu, We, Th, Fr, Sa or Su) after 'Mo,'"],
    ['Mo-', "expected a day (Mo, Tu, We, Th, Fr, Sa or Su) after 'Mo-'"],
    ['Mo-Fr09:00-18:00', "expected a space between the days and the times after 'Mo-Fr'"],
    ['Mo Tu 09:00-12:00', "expected a time (HH:MM) after 'Mo '"],
    ['Mo 09:00', "expected '-' between opening and closing time after 'Mo 09:00'"],
    ['Mo 09:00-', "expected a time (HH:MM) after 'Mo 09:00-'"],
    ['Mo 09:00-12:00,', "expected a time (HH:MM) after 'Mo 09:00-12:00,'"],
    ['Mo 09:00-12:00 14:00-18:00', "expected ',' or the end after 'Mo 09:00-12:00'"],
    ['Mo 09:00-12:00 Tu', "expected ',' or the end after 'Mo 09:00-12:00'"],
    ['Mo-Fr-Sa 09:00-12:00', "expected ',' or a space after 'Mo-Fr'"],
    ['Mo-Mo 09:00-12:00', 'day range Mo-Mo starts and ends on the same day'],
    ['Fr-Mo 09:00-12:00', 'day range Fr-Mo runs backwards (write Fr-Su,Mo)'],
    ['Su-Tu', 'day range Su-Tu runs backwards (write Su,Mo-Tu)'],
    ['Mo,Mo 09:00-12:00', 'Mo is listed twice'],
    ['Mo-We,Tu 09:00-12:00', 'Tu is listed twice'],
    ['Mo 24:00-02:00', 'range 24:00-02:00 cannot start at 24:00'],
    ['Mo 09:00-09:00', 'range 09:00-09:00 is empty'],
    [
      'Mo 09:00-08:00',
      'range 09:00-08:00 ends before it starts (a range past midnight must open at 12:00 or later and close by 12:00)',
    ],
    [
      'Mo 18:00-17:00',
      'range 18:00-17:00 ends before it starts (a range past midnight must open at 12:00 or later and close by 12:00)',
    ],
    ['Mo 09:00-12:00,11:00-14:00', 'ranges 09:00-12:00 and 11:00-14:00 overlap'],
    ['Mo 14:00-18:00,09:00-15:00', 'ranges 09:00-15:00 and 14:00-18:00 overlap'],
    ['Fr 20:00-02:00,22:00-23:00', 'ranges 20:00-02:00 and 22:00-23:00 overlap'],
  ])('refuses %j: %s', (spec, reason) => {
    expect(validateOpeningHours(spec)).toBe(reason);
  });
});
