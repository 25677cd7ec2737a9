import type { TFunction } from 'i18next';

/**
 * A UN M49 region (sub-region or intermediate region, named in English as the service holds it) in
 * the interface's language, from the catalogs' `region` messages; the name itself when they have none.
 */
export function regionName(t: TFunction, name: string | null | undefined): string {
  if (!name) return '';
  return t(`region.${name}`, { defaultValue: name });
}
