import type { MapDict } from './en-map.ts';

/** Teks bahasa Indonesia peta ratifikasi (lihat en-map.ts). */
export const idMap: MapDict = {
  mapHeading: 'Peta ratifikasi',
  mapPageTitle: (code) => `Peta ratifikasi: ${code}`,
  mapPageIntro:
    'Setiap negara anggota diberi warna menurut catatan registri untuk Konvensi atau Protokol yang dipilih. Negara kecil digambar sebagai lingkaran. Setiap negara pada peta adalah tautan ke profilnya.',
  mapSvgTitle: (code) => `Negara anggota menurut ratifikasi ${code}`,
  mapStatus: {
    ratified: 'sudah meratifikasi',
    denounced: 'sudah membatalkan (denunsiasi)',
    not_ratified: 'belum meratifikasi',
    unknown: 'tidak diketahui (daftar ratifikasi di sini belum lengkap)',
  },
  mapAge: {
    '14': 'sudah meratifikasi, usia minimum 14 tahun',
    '15': 'sudah meratifikasi, usia minimum 15 tahun',
    '16': 'sudah meratifikasi, usia minimum 16 tahun atau lebih',
    none: 'sudah meratifikasi, usia minimum tidak tercatat',
  },
  mapStateTitle: (name, status) => `${name}: ${status}`,
  mapLegendHeading: 'Keterangan',
  mapLegendCount: (label, count) => `${label} (${count})`,
  mapAgesNote:
    'Untuk C138, warna menunjukkan usia minimum yang dinyatakan negara tersebut (Pasal 2 ayat (1), dinaikkan berdasarkan Pasal 2 ayat (2)).',
  mapSkipLink: 'Lewati peta',
  mapTableLink: 'Fakta yang sama dalam bentuk tabel',
  mapPageLink: 'Buka peta di halamannya sendiri',
  mapChooseLabel: 'Konvensi atau Protokol',
  mapChooseHint: 'Kode seperti C138, C182, atau P029.',
  mapShowButton: 'Tampilkan peta',
  mapNoRatifications: 'Rekomendasi tidak diratifikasi, jadi tidak ada peta untuknya.',
};
