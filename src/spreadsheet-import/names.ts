/**
 * The form in which names are compared: accents, case, apostrophes and punctuation ignored,
 * "&" read as "and", spaces collapsed. "Côte d’Ivoire" and "COTE D'IVOIRE" → "cote divoire".
 */
export function normalizeName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Splits a cell holding several values ("Kiribati; Tuvalu"); blanks dropped, duplicates kept once. */
export function splitList(cell: string): string[] {
  const seen = new Set<string>();
  return cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !seen.has(part) && seen.add(part));
}
