import type { DataDict } from './en-data.ts';

/** Indonesian text of the open-data page (see en-data.ts). */
export const idData: DataDict = {
  dataTitle: 'Data terbuka',
  dataIntro:
    'Setiap tabel publik registri, bebas digunakan kembali: dalam format CSV untuk lembar kerja dan JSON untuk program, masing-masing dengan catatan yang sama seperti API. Kamus data menjelaskan setiap kolom, dan daftar sumber menyebutkan asal setiap fakta.',
  dataVersionLine: (version: string, date: string) => `Versi data ${version}, dirilis ${date}.`,
  dataZipHeading: 'Semua dalam satu berkas',
  dataZipLink: 'Unduh semua tabel (ZIP)',
  dataZipNote: 'Berkas ZIP berisi setiap tabel dalam format CSV dan JSON, kamus data (data-dictionary.md dan .json) serta sources.json.',
  dataTablesHeading: 'Per tabel',
  dataTablesCaption: 'Tabel publik dan unduhannya',
  dataColTable: 'Tabel',
  dataColDownload: 'Unduh',
  dataCsv: (table: string) => `${table} dalam format CSV`,
  dataJson: (table: string) => `${table} dalam format JSON`,
  dataSpreadsheetNote:
    'Dalam CSV, sel yang diawali =, +, - atau @ diberi tanda apostrof di depannya agar lembar kerja tidak menjalankannya sebagai rumus. Sel kosong berarti faktanya tidak diketahui atau tidak berlaku.',
  dataTableLabel: {
    instruments: 'Instrumen',
    countries: 'Negara anggota',
    ratifications: 'Ratifikasi dan deklarasi',
    'national-profiles': 'Profil nasional pekerja anak',
    'ilc-sessions': 'Sidang Konferensi Perburuhan Internasional',
    'supervisory-comments': 'Komentar badan pengawas',
    'supervisory-procedures': 'Representasi dan pengaduan',
    programmes: 'Program dan proyek',
    'usdol-goods': 'Daftar Barang USDOL',
    offices: 'Kantor ILO',
    'child-labour-estimates': 'Perkiraan pekerja anak',
  },
  footerData: 'Data terbuka: unduhan CSV, JSON dan ZIP',
};
