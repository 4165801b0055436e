import type { VotesDict } from './en-votes.ts';

/** Teks bahasa Indonesia kalkulator pemungutan suara Konferensi (lihat en-votes.ts). */
export const idVotes: VotesDict = {
  voteCalcTitle: 'Kalkulator pemungutan suara Konferensi',
  voteCalcIntro:
    'Periksa pemungutan suara Konferensi Perburuhan Internasional berdasarkan Konstitusi ILO: apakah sah (suara yang diberikan cukup) dan apakah mencapai mayoritas yang diperlukan untuk jenis keputusannya. Data yang Anda masukkan tidak disimpan.',
  voteCalcFormHeading: 'Pemungutan suara',
  voteCalcChangeHeading: 'Ubah pemungutan suara',
  voteKindLegend: 'Jenis keputusan',
  voteKindHint: {
    ordinary: 'Hal lain apa pun: lebih dari setengah suara yang diberikan (Pasal 17 ayat (2) Konstitusi ILO).',
    instrument:
      'Pemungutan suara akhir untuk mengesahkan Konvensi atau Rekomendasi: dua pertiga suara yang diberikan (Pasal 19 ayat (2) Konstitusi ILO).',
    amendment: 'Amandemen Konstitusi: dua pertiga suara yang diberikan (Pasal 36 Konstitusi ILO).',
  },
  voteCountsLegend: 'Jumlah suara',
  voteForLabel: 'Suara setuju',
  voteAgainstLabel: 'Suara menolak',
  voteAbstainLabel: 'Abstain',
  voteAttendingLabel: 'Delegasi yang hadir',
  voteAttendingHint:
    'Semua delegasi yang hadir dalam Konferensi, baik yang memberikan suara maupun tidak. Pemungutan suara batal apabila suara yang diberikan tidak mencapai setengah jumlah mereka (Pasal 17 ayat (3) Konstitusi ILO).',
  voteAbstentionsLabel: 'Hitung abstain sebagai suara yang diberikan',
  voteAbstentionsHint:
    'Biarkan kotak ini kosong kecuali tata tertib Konferensi menentukan lain: Konstitusi menghitung suara yang diberikan, dan abstain dicatat tetapi tidak termasuk suara yang diberikan.',
  voteSubmit: 'Hitung hasil pemungutan suara',
  voteResultHeading: 'Hasil',
  voteFiguresHeading: 'Angka',
  voteLabelKind: 'Jenis keputusan',
  voteLabelVotesCast: 'Suara yang diberikan',
  voteLabelQuorum: 'Kuorum (setengah dari delegasi yang hadir)',
  voteLabelRequired: 'Suara setuju yang diperlukan',
  voteLabelMargin: 'Selisih',
  voteLabelArticles: 'Pasal',
  voteQuorumMet: 'terpenuhi',
  voteQuorumNotMet: 'tidak terpenuhi',
  voteReasonsHeading: 'Dasar keputusan',
  voteDisclaimer: 'Hasil perhitungan menurut ketentuan Konstitusi, bukan hasil resmi: catatan resmi Konferensi yang menentukan.',
  voteFieldKind: 'Pilih jenis keputusan',
  voteFieldCount: (label) => `${label}: masukkan bilangan bulat 0 atau lebih`,
  voteFieldTooMany: (total, attending) =>
    `Jumlah delegasi yang hadir (${attending}) tidak boleh lebih sedikit daripada jumlah suara setuju, menolak, dan abstain (${total})`,
  voteCalcApiNote: 'Perhitungan yang sama tersedia melalui POST /api/votes/evaluate dan perintah tripartite votes evaluate.',
};
