/** Look-alike letters of the Latin and Cyrillic scripts, for mixed-script words («прo», «B лесу»). */

/** Latin letter → the Cyrillic letter it looks like. */
export const LAT_TO_CYR: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

/** Cyrillic letter → the Latin letter it looks like. */
export const CYR_TO_LAT: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LAT_TO_CYR).map(([l, c]) => [c, l]),
);
