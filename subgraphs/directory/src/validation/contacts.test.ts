import { parseEmail, parsePhone, parseWebsite } from './contacts';

describe('parseEmail', () => {
  it.each([
    ['info@example.be', 'info@example.be'],
    ['  Jean.Dupont@Exemple.FR ', 'Jean.Dupont@exemple.fr'],
    ['boulangerie+commandes@example.fr', 'boulangerie+commandes@example.fr'],
  ])('accepts %j as %s', (raw, value) => {
    expect(parseEmail(raw)).toEqual({ ok: true, value });
  });

  it.each([
    '',
    'info',
    'info@example',
    'info@@example.be',
    'jean dupont@example.be',
    'a..b@example.be',
  ])('refuses %j', (raw) => {
    expect(parseEmail(raw)).toEqual({
      ok: false,
      reason: 'must be an email address, e.g. info@example.be',
    });
  });
});

describe('parseWebsite', () => {
  it.each([
    ['https://example.be', 'https://example.be'],
    [
      ' http://www.boulangerie-dupont.fr/contact?x=1#horaires ',
      'http://www.boulangerie-dupont.fr/contact?x=1#horaires',
    ],
    ['https://café.be', 'https://café.be'],
    ['HTTPS://EXAMPLE.BE', 'HTTPS://EXAMPLE.BE'],
  ])('accepts %j', (raw, value) => {
    expect(parseWebsite(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'must start with http:// or https://'],
    ['www.example.be', 'must start with http:// or https://'],
    ['//example.be', 'must start with http:// or https://'],
    ['ftp://example.be', 'must use http or https (got ftp)'],
    ['javascript:alert(1)', 'must use http or https (got javascript)'],
    ['mailto:info@example.be', 'must use http or https (got mailto)'],
    ['https://example', 'must be a web address on a domain name, e.g. https://example.be'],
    ['https://localhost:3000', 'must be a web address on a domain name, e.g. https://example.be'],
    ['https://exa mple.be', 'must be a web address on a domain name, e.g. https://example.be'],
    [
      'https://user:secret@example.be',
      'must be a web address on a domain name, e.g. https://example.be',
    ],
    ['https://192.168.1.1/', 'must name a domain, not an IP address'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(parseWebsite(raw)).toEqual({ ok: false, reason });
  });
});

describe('parsePhone', () => {
  it.each([
    ['BE', '02 511 22 33', '+3225112233'],
    ['BE', '(02) 511.22.33', '+3225112233'],
    ['BE', '+32 2 511 22 33', '+3225112233'],
    ['BE', '0032 2 511 22 33', '+3225112233'],
    ['BE', '0470 12 34 56', '+32470123456'],
    ['FR', '01 23 45 67 89', '+33123456789'],
    ['FR', '03 44 44 44 44', '+33344444444'],
    // A business near the border may give a number of the neighbouring country.
    ['BE', '+33 1 23 45 67 89', '+33123456789'],
  ] as const)('reads %s %j as %s', (country, raw, value) => {
    expect(parsePhone(raw, country)).toEqual({ ok: true, value });
  });

  it.each([
    ['BE', '', 'must be a phone number, e.g. +32 2 511 22 33'],
    ['FR', 'abc', 'must be a phone number, e.g. +33 1 23 45 67 89'],
    ['BE', '+999 123 456', 'has an unknown country calling code'],
    ['BE', '+32 123', 'is too short for a phone number'],
    ['BE', '0470 12 34 56 78 9', 'is too long for a phone number'],
    ['BE', '+32 9 999 99 99', 'is not a valid BE phone number'],
    ['FR', '+32 9 999 99 99', 'is not a valid BE phone number'],
    ['BE', '+32 2 511 22 33 ext. 5', 'must not have an extension (give a direct number)'],
  ] as const)('refuses %s %j: %s', (country, raw, reason) => {
    expect(parsePhone(raw, country)).toEqual({ ok: false, reason });
  });
});
