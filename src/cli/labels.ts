import type { Lang } from '../domain/facts.ts';
import type { InstrumentCategory, InstrumentStatus, InstrumentType } from '../domain/instrument.ts';
import type { RatificationStatus } from '../domain/ratification.ts';

/** The CLI's own words in both languages; kept small and separate from the portal's catalogues. */
export interface Labels {
  notRecorded: string;
  none: string;
  code: string;
  title: string;
  adopted: string;
  category: string;
  recorded: string;
  type: string;
  status: string;
  entryIntoForce: string;
  session: string;
  subjects: string;
  revises: string;
  revisedBy: string;
  ratificationEif: string;
  published: string;
  recordedRatifications: string;
  coverage: string;
  coverageComplete: string;
  coveragePartial: string;
  coveragePartialExcept: (codes: string) => string;
  sources: string;
  country: string;
  registered: string;
  inForceForState: string;
  minimumAge: string;
  region: string;
  memberSince: string;
  childLabour: string;
  ratified: string;
  notRatified: string;
  denounced: string;
  declaredMinimumAge: string;
  ratifications: string;
  legalAct: string;
  titleEnglish: string;
  unofficialTranslation: string;
  /** Marks an English text shown because no Indonesian one exists; a prefix, so clipping keeps it. */
  englishFallback: string;
  noRatifications: string;
  noInstruments: string;
  sessionOf: (n: number, year: number | null, place: string | null) => string;
  monthsAfter: (months: number, article: string | null) => string;
  asOf: (date: string) => string;
  pageSummary: (page: number, pages: number, total: number) => string;
  firstOf: (shown: number, total: number) => string;
  instrumentType: Record<InstrumentType, string>;
  instrumentStatus: Record<InstrumentStatus, string>;
  instrumentCategory: Record<InstrumentCategory, string>;
  ratificationStatus: Record<RatificationStatus, string>;
}

const en: Labels = {
  notRecorded: 'not recorded',
  none: 'none',
  code: 'Code',
  title: 'Title',
  adopted: 'Adopted',
  category: 'Category',
  recorded: 'Recorded ratifications',
  type: 'Type',
  status: 'Status',
  entryIntoForce: 'Entry into force',
  session: 'ILC session',
  subjects: 'Subjects',
  revises: 'Revises',
  revisedBy: 'Revised by',
  ratificationEif: 'In force for a State',
  published: 'Published ratifications',
  recordedRatifications: 'Recorded ratifications',
  coverage: 'Coverage',
  coverageComplete: 'complete list',
  coveragePartial: 'partial list (only ratifications found in the sources)',
  coveragePartialExcept: (codes) => `complete for ${codes}; other Conventions: partial`,
  sources: 'Sources',
  country: 'Country',
  registered: 'Registered',
  inForceForState: 'In force for State',
  minimumAge: 'Minimum age',
  region: 'Region',
  memberSince: 'ILO member since',
  childLabour: 'Child labour',
  ratified: 'ratified',
  notRatified: 'not ratified',
  denounced: 'denounced',
  declaredMinimumAge: 'declared minimum age',
  ratifications: 'Ratifications',
  legalAct: 'Legal act',
  titleEnglish: 'English title',
  unofficialTranslation: 'unofficial translation',
  englishFallback: '[en]',
  noRatifications: 'No ratifications recorded.',
  noInstruments: 'No instruments match.',
  sessionOf: (n, year, place) => `${n}${ordinalSuffix(n)} session${parenthesised(year, place)}`,
  monthsAfter: (months, article) => `${months} months after registration${article ? ` (${article})` : ''}`,
  asOf: (date) => `as of ${date}`,
  pageSummary: (page, pages, total) => `Page ${page} of ${pages} · ${total} instrument${total === 1 ? '' : 's'}`,
  firstOf: (shown, total) => `first ${shown} of ${total}; --all lists every one`,
  instrumentType: { convention: 'convention', protocol: 'protocol', recommendation: 'recommendation' },
  instrumentStatus: {
    'up-to-date': 'up-to-date',
    'interim-status': 'interim status',
    outdated: 'outdated',
    'requested-to-revise': 'requested to revise',
    abrogated: 'abrogated',
    withdrawn: 'withdrawn',
    replaced: 'replaced',
  },
  instrumentCategory: { fundamental: 'fundamental', governance: 'governance', technical: 'technical' },
  ratificationStatus: { in_force: 'in force', not_in_force: 'not in force', denounced: 'denounced' },
};

const id: Labels = {
  notRecorded: 'tidak tercatat',
  none: 'tidak ada',
  code: 'Kode',
  title: 'Judul',
  adopted: 'Diadopsi',
  category: 'Kategori',
  recorded: 'Ratifikasi tercatat',
  type: 'Jenis',
  status: 'Status',
  entryIntoForce: 'Mulai berlaku',
  session: 'Sidang ILC',
  subjects: 'Pokok bahasan',
  revises: 'Merevisi',
  revisedBy: 'Direvisi oleh',
  ratificationEif: 'Berlaku bagi negara',
  published: 'Ratifikasi terpublikasi',
  recordedRatifications: 'Ratifikasi tercatat',
  coverage: 'Cakupan',
  coverageComplete: 'daftar lengkap',
  coveragePartial: 'daftar sebagian (hanya ratifikasi yang ditemukan dalam sumber)',
  coveragePartialExcept: (codes) => `lengkap untuk ${codes}; Konvensi lain: sebagian`,
  sources: 'Sumber',
  country: 'Negara',
  registered: 'Didaftarkan',
  inForceForState: 'Berlaku bagi negara',
  minimumAge: 'Usia minimum',
  region: 'Kawasan',
  memberSince: 'Anggota ILO sejak',
  childLabour: 'Pekerja anak',
  ratified: 'diratifikasi',
  notRatified: 'belum diratifikasi',
  denounced: 'diakhiri',
  declaredMinimumAge: 'usia minimum yang dinyatakan',
  ratifications: 'Ratifikasi',
  legalAct: 'Dasar hukum',
  titleEnglish: 'Judul bahasa Inggris',
  unofficialTranslation: 'terjemahan tidak resmi',
  englishFallback: '[en]',
  noRatifications: 'Tidak ada ratifikasi tercatat.',
  noInstruments: 'Tidak ada instrumen yang cocok.',
  sessionOf: (n, year, place) => `Sidang ke-${n}${parenthesised(year, place)}`,
  monthsAfter: (months, article) => `${months} bulan setelah pendaftaran${article ? ` (${article})` : ''}`,
  asOf: (date) => `per ${date}`,
  pageSummary: (page, pages, total) => `Halaman ${page} dari ${pages} · ${total} instrumen`,
  firstOf: (shown, total) => `${shown} pertama dari ${total}; --all menampilkan semuanya`,
  instrumentType: { convention: 'konvensi', protocol: 'protokol', recommendation: 'rekomendasi' },
  instrumentStatus: {
    'up-to-date': 'mutakhir',
    'interim-status': 'status sementara',
    outdated: 'usang',
    'requested-to-revise': 'diminta untuk direvisi',
    abrogated: 'dicabut',
    withdrawn: 'ditarik',
    replaced: 'digantikan',
  },
  instrumentCategory: { fundamental: 'fundamental', governance: 'tata kelola', technical: 'teknis' },
  ratificationStatus: { in_force: 'berlaku', not_in_force: 'belum berlaku', denounced: 'diakhiri' },
};

function parenthesised(...parts: (string | number | null)[]): string {
  const known = parts.filter((p) => p !== null && p !== '');
  return known.length ? ` (${known.join(', ')})` : '';
}

function ordinalSuffix(n: number): string {
  const teen = n % 100;
  if (teen >= 11 && teen <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

export function labelsFor(lang: Lang): Labels {
  return lang === 'id' ? id : en;
}
