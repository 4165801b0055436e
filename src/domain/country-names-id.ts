/**
 * Indonesian names of member States that the npm package i18n-iso-countries gets wrong: English
 * left untranslated, a misspelling, or a region's name for a State. The build (scripts/build-data.ts)
 * takes every other Indonesian name from the package and these from here, with this table's source id.
 *
 * Review: each row was checked by the issue 8 portal helper (2026-12-03) against the spelling
 * used by Indonesian Wikipedia's article on the State and the Indonesian government's usage; an
 * Indonesian-speaking editor should confirm them (and the names left alone, listed in decision
 * 060) before a release. Add a row only with the reason it is wrong in `why`.
 */
export const COUNTRY_NAMES_ID_SOURCE = 'TRIPARTITE-COUNTRY-NAMES-ID';

export interface CountryNameCorrection {
  /** What the package says. The build fails if it says something else: then review the row again. */
  packageName: string;
  name: string;
  why: string;
}

export const COUNTRY_NAME_CORRECTIONS_ID: Readonly<Record<string, CountryNameCorrection>> = {
  CAF: {
    packageName: 'Afrika Tengah',
    name: 'Republik Afrika Tengah',
    why: 'the package gives the region (Central Africa), not the State',
  },
  GTM: { packageName: 'Guatamala', name: 'Guatemala', why: 'misspelling' },
  LUX: { packageName: 'Luxemburg', name: 'Luksemburg', why: 'German spelling; Indonesian writes Luksemburg' },
  MAR: { packageName: 'Moroko', name: 'Maroko', why: 'misspelling' },
  MDV: { packageName: 'Maldives', name: 'Maladewa', why: 'English name left untranslated' },
  SVK: { packageName: 'Slovakia', name: 'Slowakia', why: 'English spelling; Indonesian writes Slowakia' },
  SWE: { packageName: 'Sweden', name: 'Swedia', why: 'English name left untranslated' },
  VCT: {
    packageName: 'Saint Vincent dan the Grenadines',
    name: 'Saint Vincent dan Grenadine',
    why: 'English article "the" and plural left in the name',
  },
};

/**
 * The Indonesian name of a State: the reviewed correction where there is one, else the package's.
 * Throws when the package's name is not the one a correction was reviewed against, so a package
 * update that fixes (or changes) a name is looked at rather than silently overridden.
 */
export function indonesianCountryName(iso3: string, packageName: string | null): string | null {
  const correction = COUNTRY_NAME_CORRECTIONS_ID[iso3];
  if (!correction) return packageName;
  if (packageName !== correction.packageName) {
    throw new Error(
      `The Indonesian name of ${iso3} in i18n-iso-countries is now ${JSON.stringify(packageName)}, not ${JSON.stringify(correction.packageName)}: review the correction in src/domain/country-names-id.ts.`,
    );
  }
  return correction.name;
}
