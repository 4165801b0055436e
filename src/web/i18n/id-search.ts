import type { SearchDict } from './en-search.ts';

/** Indonesian text of the one search (see en-search.ts). */
export const idSearch: SearchDict = {
  searchAllLabel: 'Cari di portal',
  searchAllHint: 'Misalnya: C138, konvensi 182, usia minimum, pekerja anak, Indonesia, Jakarta',
  searchAllPrompt:
    'Cari instrumen, negara anggota, kantor, program, barang, komentar pengawasan, sidang Konferensi, dan dokumen, dalam bahasa Indonesia atau Inggris. Salah ketik kecil tetap ditemukan.',
  searchKindHeading: {
    instrument: 'Instrumen',
    country: 'Negara anggota',
    office: 'Kantor',
    programme: 'Program dan proyek',
    good: 'Barang yang diproduksi dengan pekerja anak atau kerja paksa (USDOL)',
    comment: 'Komentar pengawasan',
    session: 'Sidang Konferensi',
    document: 'Dokumen',
  },
  searchKindCount: (heading: string, n: string) => `${heading} (${n})`,
  searchShowingSome: (shown: string, total: string) => `Menampilkan ${shown} hasil terbaik dari ${total}.`,
  searchSomeWords: 'Tidak ada yang cocok dengan semua kata; hasil berikut cocok dengan sebagian kata.',
  searchKindsNav: 'Hasil menurut jenis',
};
