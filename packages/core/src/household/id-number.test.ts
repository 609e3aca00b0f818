import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../dates.js';
import { norm, reason, valid, validId } from '../test/household-data.js';
import { hasValidIdChecksum, idCheckCharacter, normalizeIdNumber, upgradeLegacyId } from './id-number.js';

describe('check character', () => {
  it('matches the standard examples', () => {
    expect(hasValidIdChecksum('11010519491231002X')).toBe(true);
    expect(hasValidIdChecksum('340524198001010013')).toBe(false);
    expect(idCheckCharacter('32070319900101123')).toBe('1');
  });

  it('detects every single-digit substitution and adjacent transposition', () => {
    fc.assert(
      fc.property(
        validId,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (id, i, delta) => {
          const digit = String((Number(id[i]) + delta) % 10);
          const changed = id.slice(0, i) + digit + id.slice(i + 1);
          return !hasValidIdChecksum(changed);
        },
      ),
    );
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 15 }), (id, i) => {
        fc.pre(id[i] !== id[i + 1]);
        const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
        return !hasValidIdChecksum(swapped);
      }),
    );
  });
});

describe('normalizeIdNumber: valid numbers', () => {
  it('reads birth date, sex and area', () => {
    const r = valid('11010519491231002X');
    expect(r).toEqual({
      ok: true,
      id: '11010519491231002X',
      raw: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      areaCode: '110105',
      provinceCode: '11',
      repaired: [],
    });
    expect(valid('320703199001011231').sex).toBe('male');
  });

  it('accepts every valid ID unchanged', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const r = valid(id);
        return r.id === id && r.repaired.length === 0 && r.areaCode === id.slice(0, 6);
      }),
    );
  });

  it('upgrades 15-digit legacy numbers', () => {
    expect(upgradeLegacyId('370986890623212')).toBe('370986198906232123');
    const r = valid('370986890623212');
    expect(r.id).toBe('370986198906232123');
    expect(r.repaired).toEqual(['legacy_15']);
    expect(r.birthDate).toBe('1989-06-23');
  });

  it('15 → 18 agrees with the 18-digit number of everyone born in the 1900s', () => {
    fc.assert(
      fc.property(validId, (id) => {
        fc.pre(id.slice(6, 8) === '19');
        return valid(id.slice(0, 6) + id.slice(8, 17)).id === id;
      }),
    );
  });

  it('takes the ID out of a 20-digit disability certificate number', () => {
    const r = valid('11010519491231002X42');
    expect(r.id).toBe('11010519491231002X');
    expect(r.repaired).toEqual(['disability_20']);
    expect(reason('11010519491231002X85')).toBe('disability_suffix');
  });
});

describe('normalizeIdNumber: messy cells', () => {
  const id = '32070319900101124X';

  it.each([
    [' 32070319900101124X ', ['whitespace']],
    ['3207 0319 9001 0112 4X', ['whitespace']],
    ['３２０７０３１９９００１０１１２４Ｘ', ['full_width']],
    ['３２０７０３１９９００１０１１２４ｘ', ['full_width', 'lower_x']],
    ['32070319900101124x', ['lower_x']],
    ["'32070319900101124X", ['apostrophe']],
    ['’32070319900101124X', ['apostrophe']],
    ['="32070319900101124X"', ['quoted']],
    ['\u200B32070319900101124X\uFEFF', ['invisible']],
    ['\u300032070319900101124X\t', ['full_width', 'whitespace']],
  ])('%j', (raw, repairs) => {
    const r = valid(raw);
    expect(r.id).toBe(id);
    expect(r.raw).toBe(raw);
    expect(r.repaired).toEqual(repairs);
  });

  it('survives any mix of harmless noise', () => {
    const noise = fc.constantFrom(' ', '\u3000', '\u200B', '\t');
    fc.assert(
      fc.property(
        validId,
        fc.array(fc.tuple(fc.nat(18), noise), { maxLength: 6 }),
        fc.boolean(),
        (id, ins, fw) => {
          let s = fw ? id.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : id;
          for (const [at, ch] of ins) s = s.slice(0, at) + ch + s.slice(at);
          return valid(s.toLowerCase()).id === id;
        },
      ),
    );
  });
});

describe('normalizeIdNumber: invalid numbers', () => {
  it.each([
    ['', 'empty'],
    [null, 'empty'],
    ['  \u3000', 'empty'],
    ['340524198001010013', 'checksum'],
    ['32070319900101', 'length'],
    ['3207031990010112345', 'length'],
    ['32070319900101124Y', 'format'],
    ['3207031990010X1241', 'format'],
    ['张三', 'format'],
    ['990703199001011231', 'area_code'],
    ['320703199013011234', 'birth_date'],
    ['320703199002301234', 'birth_date'],
    ['320703189912311234', 'birth_date_before_1900'],
    ['320703202001011234', 'birth_date_future'],
  ])('%j → %s', (raw, expected) => {
    expect(reason(raw)).toBe(expected);
  });

  it('judges birth dates exactly as the calendar does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2019 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const ymd = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
          const first17 = `320703${ymd}123`;
          const isDate = isIsoDate(`${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)}`);
          return (reason(first17 + idCheckCharacter(first17)) === 'birth_date') === !isDate;
        },
      ),
      { numRuns: 2000 },
    );
    expect(reason(`32070320000229123${idCheckCharacter('32070320000229123')}`)).toBe('ok');
    expect(reason(`32070319000229123${idCheckCharacter('32070319000229123')}`)).toBe('birth_date');
  });

  it('knows the province codes, including residence permits of Hong Kong, Macao and Taiwan', () => {
    const withProvince = (p: string) => {
      const first17 = `${p}000019900101123`;
      return reason(first17 + idCheckCharacter(first17));
    };
    for (const p of ['11', '15', '23', '37', '46', '50', '54', '65', '71', '81', '83'])
      expect(withProvince(p)).toBe('ok');
    for (const p of ['00', '10', '16', '24', '38', '47', '55', '66', '72', '84', '99']) {
      expect(withProvince(p)).toBe('area_code');
    }
  });

  it('checks the birth date against the given day', () => {
    const first17 = '32070320191215001';
    const id = first17 + idCheckCharacter(first17);
    expect(normalizeIdNumber(id, { today: '2019-12-14' }).ok).toBe(false);
    expect(normalizeIdNumber(id, { today: '2019-12-15' }).ok).toBe(true);
  });

  it('keeps the raw value and gives a Chinese message', () => {
    const r = norm(' 340524198001010013');
    expect(r).toMatchObject({ ok: false, raw: ' 340524198001010013', cleaned: '340524198001010013' });
    expect(r.ok ? '' : r.message).toBe('校验位错误');
  });

  it('never throws, whatever the cell holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.constant(undefined), fc.date()), (v) => {
        const r = norm(v);
        return r.ok ? hasValidIdChecksum(r.id) : typeof r.message === 'string';
      }),
    );
  });
});
