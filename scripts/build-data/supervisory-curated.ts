/**
 * The hand-curated part of the supervisory data (scripts/build-data/supervisory.ts, decision 140):
 * Indonesia's comment ids as SOURCES.md and ratifications_idn.csv list them, and our own summaries
 * of the comments whose content a source row quotes (the row is named beside each).
 */

/** Indonesia's comments as SOURCES.md and ratifications_idn.csv list them; a year only where the row gives one. */
export const IDN_COMMENTS: { instrument: string; source: string; ids: [string, number?][] }[] = [
  { instrument: 'C019', source: 'NORMLEX-CEACR-IDN-C019', ids: [['3081896']] },
  { instrument: 'C029', source: 'NORMLEX-CEACR-IDN-C029', ids: [['3956458', 2018], ['3278382'], ['2085614', 1990]] },
  {
    instrument: 'C081',
    source: 'NORMLEX-CEACR-IDN-C081',
    ids: [['4414687', 2024], ['4303669'], ['2298363'], ['2698540'], ['4414690'], ['4303666']],
  },
  { instrument: 'C087', source: 'NORMLEX-CEACR-IDN-C087', ids: [['2232792']] },
  { instrument: 'C098', source: 'NORMLEX-CEACR-IDN-C098', ids: [['2178174'], ['2127779'], ['2080023'], ['2112927'], ['2128990']] },
  {
    instrument: 'C100',
    source: 'NORMLEX-CEACR-IDN-C100',
    ids: [['2324087'], ['2200809'], ['2282278'], ['2145200'], ['2168965'], ['4416331', 2024], ['2225565']],
  },
  { instrument: 'C105', source: 'NORMLEX-CEACR-IDN-C105', ids: [['3079578'], ['2699259'], ['2220972', 2002], ['2282297'], ['2302776']] },
  { instrument: 'C106', source: 'NORMLEX-CEACR-IDN-C106', ids: [['2129000'], ['2145205']] },
  {
    instrument: 'C111',
    source: 'NORMLEX-CEACR-IDN-C111',
    ids: [['2262348'], ['4416273', 2024], ['2221826', 2002], ['2223318'], ['2230319'], ['2699418']],
  },
  { instrument: 'C138', source: 'NORMLEX-CEACR-IDN-C138', ids: [['4313016'], ['2242272'], ['2262360'], ['2294852']] },
  { instrument: 'C144', source: 'NORMLEX-CEACR-IDN-C144', ids: [['4462811', 2025], ['2241841']] },
  { instrument: 'C185', source: 'NORMLEX-CEACR-IDN-C185', ids: [['4472160', 2025]] },
  { instrument: 'C186', source: 'NORMLEX-CEACR-IDN-C186', ids: [['4376527']] },
];

const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
function day(iso: string, lang: 'en' | 'id'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${(lang === 'en' ? MONTHS_EN : MONTHS_ID)[m - 1]} ${y}`;
}
function c182Date(state: string, negara: string, iso: string): [string, string] {
  return [
    `Notes that ${state} ratified the Worst Forms of Child Labour Convention (No. 182) on ${day(iso, 'en')}.`,
    `Mencatat bahwa ${negara} meratifikasi Konvensi Bentuk-Bentuk Pekerjaan Terburuk untuk Anak (No. 182) pada ${day(iso, 'id')}.`,
  ];
}
function declaredAge(state: string, negara: string, age: number): [string, string] {
  return [
    `Recalls that ${state} specified a minimum age of ${age} years for admission to employment when it ratified (C138 Art 2(1)).`,
    `Mengingatkan bahwa ${negara} menetapkan usia minimum ${age} tahun untuk diperbolehkan bekerja saat meratifikasi (C138 Pasal 2(1)).`,
  ];
}

/**
 * Our own summaries, only of comments whose content a source row quotes (the row is named); every
 * other comment has none ("no summary recorded"). `reply`: the quoted text asks the government for
 * information, so the comment brings an out-of-cycle request.
 */
export const SUMMARIES: Record<string, { text: [string, string]; reply?: boolean }> = {
  '2233949': { text: c182Date('Indonesia', 'Indonesia', '2000-03-28') }, // ratifications_idn.csv C182
  '2233937': { text: c182Date('Honduras', 'Honduras', '2001-10-25') }, // additions_c182.csv HND
  '2249389': { text: c182Date('Kazakhstan', 'Kazakhstan', '2003-02-26') }, // additions_c182.csv KAZ
  '2234053': { text: c182Date('Niger', 'Niger', '2000-10-23') }, // additions_c182.csv NER
  '2222485': { text: c182Date('Nepal', 'Nepal', '2002-01-03') }, // additions_c182.csv NPL
  '2222596': { text: c182Date('Serbia', 'Serbia', '2003-07-10') }, // additions_c182.csv SRB
  '2222567': { text: c182Date('the United Republic of Tanzania', 'Republik Persatuan Tanzania', '2001-09-12') }, // additions_c182.csv TZA
  '2234004': { text: c182Date('Morocco', 'Maroko', '2001-01-26') }, // additions_c182.csv MAR
  '2233886': { text: declaredAge('Ecuador', 'Ekuador', 14) }, // additions_c138.csv ECU
  '4116337': { text: declaredAge('Dominica', 'Dominika', 15) }, // additions_c138.csv DMA
  '4116008': { text: declaredAge('Equatorial Guinea', 'Guinea Khatulistiwa', 14) }, // additions_c138.csv GNQ
  '4366376': { text: declaredAge('Tajikistan', 'Tajikistan', 16) }, // additions_c138.csv TJK
  '3963375': { text: declaredAge('Solomon Islands', 'Kepulauan Solomon', 14) }, // additions_c138.csv SLB
  '4414936': { text: declaredAge('Uganda', 'Uganda', 14) }, // additions_c138.csv UGA
  '4124050': {
    // additions_c138.csv ETH: raise 'from 14 years (initially specified) to 15 years'
    text: [
      'Concerns raising the minimum age from the 14 years first specified to 15 years.',
      'Membahas kenaikan usia minimum dari 14 tahun yang semula ditetapkan menjadi 15 tahun.',
    ],
  },
  '2252027': {
    // additions_c138.csv LBY: 'asks for laws prohibiting work of self-employed persons of less than 15 years'
    text: [
      'Asks the Government for the laws that forbid work by self-employed persons under 15 years of age.',
      'Meminta Pemerintah menyampaikan peraturan yang melarang kerja mandiri oleh orang berusia di bawah 15 tahun.',
    ],
    reply: true,
  },
  '4051152': {
    // SOURCES.md NORMLEX-CEACR-IDN-C186-2020
    text: [
      'Notes that Indonesia had ratified one earlier maritime labour Convention, denounced when the Maritime Labour Convention, 2006 came into force for it.',
      'Mencatat bahwa Indonesia pernah meratifikasi satu konvensi ketenagakerjaan maritim sebelumnya, yang dinyatakan tidak berlaku lagi ketika Konvensi Ketenagakerjaan Maritim, 2006 mulai berlaku baginya.',
    ],
  },
};
