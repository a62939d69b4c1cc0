import * as personnummerModule from 'personnummer';

// The package is CommonJS with ES-style types: at run time (Node and Vite) the namespace's
// default is the class; its types put the class one `.default` further down.
type PersonnummerClass = typeof personnummerModule.default.default;
const loaded = personnummerModule.default as unknown as PersonnummerClass & { default?: PersonnummerClass };
const Personnummer: PersonnummerClass = loaded.default ?? loaded;

/**
 * Swedish identity numbers: personnummer and samordningsnummer (day + 60).
 * We store twelve digits without separator; we show YYYYMMDD-NNNN.
 */
export type IdentityNumber = {
  /** YYYYMMDDNNNN */
  normalised: string;
  kind: 'personnummer' | 'samordningsnummer';
  /** The real birth date (for samordningsnummer the day minus 60). */
  birthDate: string;
};

export function parseIdentityNumber(input: string): IdentityNumber | null {
  const trimmed = input.trim();
  // Twelve digits (with an optional separator) or ten with '-' or '+' (+ means 100 years or older).
  if (!/^(\d{8}|\d{6})[-+]?\d{4}$/.test(trimmed)) return null;
  let parsed: InstanceType<typeof Personnummer>;
  try {
    parsed = Personnummer.parse(trimmed, { allowCoordinationNumber: true, allowInterimNumber: false });
  } catch {
    return null;
  }
  const normalised = parsed.format(true);
  const coordination = parsed.isCoordinationNumber();
  const day = Number(parsed.day) - (coordination ? 60 : 0);
  return {
    normalised,
    kind: coordination ? 'samordningsnummer' : 'personnummer',
    birthDate: `${parsed.century}${parsed.year}-${parsed.month}-${String(day).padStart(2, '0')}`,
  };
}

export function formatIdentityNumber(normalised: string): string {
  return `${normalised.slice(0, 8)}-${normalised.slice(8)}`;
}

/** The Luhn check digit Skatteverket uses, over the ten-digit form's first nine digits. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let value = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}
