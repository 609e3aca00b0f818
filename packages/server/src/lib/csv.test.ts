import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from './csv.js';

describe('csvCell', () => {
  it('neutralises every formula start with a leading apostrophe', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe('"\'=HYPERLINK(""http://x"",""点我"")"');
  });
  it('leaves ordinary text and real numbers as they are', () => {
    expect(csvCell('中云街道')).toBe('中云街道');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(
      csvText([
        ['a', 1],
        ['=b', 'c\nd'],
      ]),
    ).toBe('a,1\r\n\'=b,"c\nd"');
  });
});
