import { csvStringifier, neutraliseFormula } from './csv';

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1'],
    ['+1+cmd'],
    ['-2+3'],
    ['@SUM(A1)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['\tplain text after a tab'],
    ['   =1+1'],
    ['\u00a0=1+1'],
    ['＝1+1'],
  ])('puts a single quote before %j', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it.each([['-3'], ['+2.5'], ['-0,75'], ['Budget 2026'], [''], ['a=b'], ["'=1"]])(
    'leaves %j as it is',
    (cell) => {
      expect(neutraliseFormula(cell)).toBe(cell);
    },
  );
});

describe('csvStringifier', () => {
  it('neutralises string and number cells alike, and quotes as CSV requires', async () => {
    const stringifier = csvStringifier({ header: true, columns: ['a', 'b'] });
    const chunks: string[] = [];
    stringifier.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    stringifier.write({ a: '=HYPERLINK("x")', b: -4 });
    stringifier.write({ a: 'ok', b: Number.NEGATIVE_INFINITY });
    stringifier.end();
    await new Promise((resolve) => stringifier.on('end', resolve));
    expect(chunks.join('')).toBe('a,b\n"\'=HYPERLINK(""x"")",-4\nok,\'-Infinity\n');
  });
});
