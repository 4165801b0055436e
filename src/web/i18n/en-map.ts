/**
 * English text of the ratification map (issue 10): a part of the catalogue in en.ts.
 * `id-map.ts` is typed from it.
 */
export const enMap = {
  mapHeading: 'Ratification map',
  mapPageTitle: (code: string) => `Ratification map: ${code}`,
  mapPageIntro:
    'Each member State is coloured by what the registry records for the chosen Convention or Protocol. Small States are drawn as circles. Every State on the map is a link to its profile.',
  mapSvgTitle: (code: string) => `Member States by ratification of ${code}`,
  mapStatus: {
    ratified: 'ratified',
    denounced: 'denounced',
    not_ratified: 'not ratified',
    unknown: 'not known (the list of ratifications here is partial)',
  },
  mapAge: {
    '14': 'ratified, minimum age 14',
    '15': 'ratified, minimum age 15',
    '16': 'ratified, minimum age 16 or more',
    none: 'ratified, minimum age not recorded',
  },
  mapStateTitle: (name: string, status: string) => `${name}: ${status}`,
  mapLegendHeading: 'Key',
  mapLegendCount: (label: string, count: string) => `${label} (${count})`,
  mapAgesNote: 'For C138 the colour shows the minimum age the State declared (Art 2(1), raised under Art 2(2)).',
  mapSkipLink: 'Skip the map',
  mapTableLink: 'The same facts as a table',
  mapPageLink: 'Open the map on its own page',
  mapChooseLabel: 'Convention or Protocol',
  mapChooseHint: 'A code such as C138, C182 or P029.',
  mapShowButton: 'Show the map',
  mapNoRatifications: 'Recommendations are not ratified, so there is no map for them.',
};

export type MapDict = typeof enMap;
