// ID numbers that went through a spreadsheet as numbers. Excel keeps 15 significant digits and a
// JavaScript number 53 bits (every integer up to 9,007,199,254,740,991, i.e. all 15-digit legacy
// IDs but no 18-digit one), so an 18-digit ID that was ever a number has lost its last digits:
// 320703199001011234 comes back as 3.20703199001011E+17 or 320703199001011000. Guessing the lost
// digits would invent a person, so only values that are provably exact are recovered.

/** Outcome of reading a float-formatted cell: the exact digits, precision lost, or not a float. */
export type FloatRecovery = { kind: 'exact'; digits: string } | { kind: 'lost' } | { kind: 'not_integer' };

// A float can carry at most 15 significant decimal digits reliably (Excel's limit, and the
// largest count every double round-trips).
const FLOAT_DIGITS = 15;

const E_NOTATION = /^(\d+)(?:\.(\d*))?E([+-]?\d+)$/i;
const DECIMAL = /^(\d+)\.(\d+)$/;

function stripLeadingZeros(s: string): string {
  return s.replace(/^0+(?=\d)/, '');
}

/** A JavaScript number from a spreadsheet reader (ExcelJS hands numeric cells over as numbers). */
export function recoverFromNumber(n: number): FloatRecovery {
  if (!Number.isFinite(n) || !Number.isInteger(n) || n < 0) return { kind: 'not_integer' };
  // Above 2^53 neighbouring integers share one double, so the value is not the one typed in.
  if (!Number.isSafeInteger(n)) return { kind: 'lost' };
  return { kind: 'exact', digits: String(n) };
}

/**
 * Text that looks like a printed float: "3.20703199001011E+17", "370986890623212.0". Returns
 * null when the text is not float-formatted at all (plain digits, letters, …).
 */
export function recoverFromFloatText(s: string): FloatRecovery | null {
  const e = E_NOTATION.exec(s);
  if (e) return fromENotation(e[1] ?? '', e[2] ?? '', Number(e[3]));
  const d = DECIMAL.exec(s);
  if (d) return fromDecimal(d[1] ?? '', d[2] ?? '');
  return null;
}

function fromENotation(intPart: string, frac: string, exponent: number): FloatRecovery {
  const mantissa = intPart + frac;
  const shift = exponent - frac.length;
  if (shift < 0) {
    // Digits after the decimal point must all be zero for the value to be an integer.
    const dropped = mantissa.slice(mantissa.length + shift);
    if (/[1-9]/.test(dropped)) return { kind: 'not_integer' };
    return exactIfShort(stripLeadingZeros(mantissa.slice(0, mantissa.length + shift) || '0'));
  }
  // Zeros implied by the exponent were not written down: they may stand for digits the writer
  // rounded away ("3.70987E+14" is what a narrow Excel column prints for 370986890623212).
  if (shift > 0) return { kind: 'lost' };
  return exactIfShort(stripLeadingZeros(mantissa));
}

// E-notation is what a float prints; a float holds no more than 15 digits, so any digit past the
// 15th is noise from the conversion even when written out.
function exactIfShort(digits: string): FloatRecovery {
  return digits.length <= FLOAT_DIGITS ? { kind: 'exact', digits } : { kind: 'lost' };
}

function fromDecimal(intPart: string, frac: string): FloatRecovery {
  if (/[1-9]/.test(frac)) return { kind: 'not_integer' };
  const digits = stripLeadingZeros(intPart);
  if (digits.length <= FLOAT_DIGITS) return { kind: 'exact', digits };
  // "320703199001011234.0" can be an exact value written by a database or an ETL tool, or a
  // double printed in full ("%.1f"). A printed double is always exactly representable as a
  // double; a value that is not cannot have come from one, so its digits are genuine. The rare
  // genuine ID that happens to be representable is reported rather than trusted.
  const value = BigInt(digits);
  const asDouble = BigInt(Number(digits));
  return value === asDouble ? { kind: 'lost' } : { kind: 'exact', digits };
}
