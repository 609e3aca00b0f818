import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { norm, reason, valid, validId } from '../test/household-data.js';
import { recoverFromFloatText, recoverFromNumber } from './id-float.js';
import { idCheckCharacter } from './id-number.js';

describe('recovering digits from floats', () => {
  it('classifies float text', () => {
    expect(recoverFromFloatText('320703199001011231')).toBeNull();
    expect(recoverFromFloatText('abc')).toBeNull();
    expect(recoverFromFloatText('3.70986890623212E+14')).toEqual({
      kind: 'exact',
      digits: '370986890623212',
    });
    expect(recoverFromFloatText('3709868906232120E-1')).toEqual({ kind: 'exact', digits: '370986890623212' });
    expect(recoverFromFloatText('3.2E+1')).toEqual({ kind: 'exact', digits: '32' });
    expect(recoverFromFloatText('3.2E+2')).toEqual({ kind: 'lost' });
    expect(recoverFromFloatText('3.25E+0')).toEqual({ kind: 'not_integer' });
    expect(recoverFromNumber(-1)).toEqual({ kind: 'not_integer' });
    expect(recoverFromNumber(Number.POSITIVE_INFINITY)).toEqual({ kind: 'not_integer' });
  });

  it('recovers every number of up to 15 digits written in full, in any float spelling', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 999_999_999_999_999n }), (n) => {
        const digits = String(n);
        const e = `${digits[0]}.${digits.slice(1)}E+${digits.length - 1}`;
        const spellings = [`${digits}.0`, `${digits}.000`, digits.length > 1 ? e : `${digits}E0`];
        const exact = { kind: 'exact', digits };
        return (
          spellings.every((s) => JSON.stringify(recoverFromFloatText(s)) === JSON.stringify(exact)) &&
          JSON.stringify(recoverFromNumber(Number(n))) === JSON.stringify(exact)
        );
      }),
    );
  });
});

describe('normalizeIdNumber: numbers that went through a float', () => {
  it('recovers 15-digit numbers stored as numbers (exact in Excel and in a double)', () => {
    const r = valid(370986890623212);
    expect(r.id).toBe('370986198906232123');
    expect(r.repaired).toEqual(['from_number', 'legacy_15']);
    expect(valid('3.70986890623212E+14').repaired).toEqual(['float', 'legacy_15']);
    expect(valid('370986890623212.0').id).toBe('370986198906232123');
    expect(valid('3.70986890623212e14').id).toBe('370986198906232123');
  });

  it('reports precision lost for 18-digit IDs printed as floats', () => {
    expect(reason('3.20703199001011E+17')).toBe('precision_lost');
    // What a reader hands over for a numeric cell holding the ID.
    expect(reason(Number('320703199001011231'))).toBe('precision_lost');
    // Written out in full it still came from a float: digits past the 15th are noise.
    expect(reason('3.20703199001011231E+17')).toBe('precision_lost');
    // Zeros implied by the exponent may be rounded-away digits, even for 15-digit numbers.
    expect(reason('3.7098689062321E+14')).toBe('precision_lost');
    expect(reason('3.70987E+14')).toBe('precision_lost');
    const r = norm('3.20703199001011E+17');
    expect(r.ok ? '' : r.message).toContain('无法恢复');
  });

  it('never recovers an 18-digit ID from a JavaScript number', () => {
    fc.assert(fc.property(validId, (id) => reason(Number(id.replace('X', '0'))) === 'precision_lost'));
  });

  it('recovers "….0" only when the value cannot have been printed from a double', () => {
    const notDouble = '320703199001011231';
    expect(BigInt(Number(notDouble)) === BigInt(notDouble)).toBe(false);
    expect(valid(`${notDouble}.0`).id).toBe(notDouble);
    expect(valid(`${notDouble}.0`).repaired).toEqual(['float']);
    const first17 = '32070319900101177';
    const representable = first17 + idCheckCharacter(first17);
    expect(BigInt(Number(representable)) === BigInt(representable)).toBe(true);
    expect(reason(`${representable}.00`)).toBe('precision_lost');
  });

  it('rejects non-integers', () => {
    expect(reason('370986890623212.5')).toBe('format');
    expect(reason(3709868906.5)).toBe('format');
    expect(reason('3.7E-1')).toBe('format');
  });
});
