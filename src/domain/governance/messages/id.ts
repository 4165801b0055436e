import type { VoteCatalogue } from './catalogue.ts';

/**
 * Katalog bahasa Indonesia mesin pemungutan suara. Istilah: "suara yang diberikan" (votes cast),
 * "kuorum", "mayoritas sederhana", "dua pertiga", "surat kepercayaan" (credentials).
 */
export const VOTE_CATALOGUE_ID: VoteCatalogue = {
  messages: {
    'votes-cast.abstentions-excluded':
      '{votesCast} suara diberikan: {for} setuju dan {against} menolak; {abstain} abstain dicatat tetapi tidak dihitung sebagai suara yang diberikan ({article}).',
    'votes-cast.abstentions-included':
      '{votesCast} suara diberikan: {for} setuju, {against} menolak dan {abstain} abstain; abstain dihitung sebagai suara yang diberikan menurut tata tertib Konferensi ({article}).',
    'quorum.met':
      'Kuorum terpenuhi: {votesCast} suara yang diberikan mencapai {quorum}, yaitu setengah dari {delegatesAttending} delegasi yang hadir ({article}).',
    'quorum.not-met':
      'Pemungutan suara batal: {votesCast} suara yang diberikan kurang {shortBy} dari {quorum}, yaitu setengah dari {delegatesAttending} delegasi yang hadir ({article}).',
    'quorum.no-votes': 'Pemungutan suara batal: tidak ada suara yang diberikan ({article}).',
    'majority.simple.reached':
      '{for} suara setuju melebihi setengah dari {votesCast} suara yang diberikan (diperlukan {required}), dengan selisih {margin} ({article}).',
    'majority.simple.short':
      '{for} suara setuju tidak melebihi setengah dari {votesCast} suara yang diberikan: diperlukan {required}, kurang {shortBy} ({article}).',
    'majority.two-thirds.reached':
      'Dua pertiga dari {votesCast} suara yang diberikan adalah {required}; {for} suara setuju mencapainya dengan selisih {margin} ({article}).',
    'majority.two-thirds.short':
      'Dua pertiga dari {votesCast} suara yang diberikan adalah {required}; {for} suara setuju kurang {shortBy} ({article}).',
    'record.individual':
      'Pemungutan suara tercatat: {ballots} delegasi memberikan suara secara perorangan; {counted} suara dihitung, {excluded} tanpa hak suara ({article}).',
    'excluded.arrears':
      '{count} suara tidak dihitung: {countries} menunggak iuran dua tahun penuh dan tidak diizinkan Konferensi untuk memberikan suara ({article}).',
    'excluded.credentials-invalidated':
      '{count} suara tidak dihitung: surat kepercayaan dibatalkan oleh Konferensi ({countries}) ({article}).',
    'excluded.no-counterpart':
      '{count} suara tidak dihitung: delegasi nonpemerintah yang pasangannya tidak ditunjuk boleh hadir dan berbicara tetapi tidak boleh memberikan suara ({countries}) ({article}).',
    'arrears.permitted': '{countries}: menunggak iuran, tetapi diizinkan Konferensi untuk memberikan suara ({article}).',
  },
  outcomes: { adopted: 'Diterima', rejected: 'Ditolak', void: 'Batal' },
  kinds: {
    ordinary: 'Keputusan biasa (mayoritas sederhana)',
    instrument: 'Pengesahan akhir Konvensi atau Rekomendasi (dua pertiga)',
    amendment: 'Amandemen Konstitusi (dua pertiga)',
  },
  groups: { government: 'Pemerintah', employers: 'Pengusaha', workers: 'Pekerja' },
  summary: {
    counts: (f, a, ab) => `${f} setuju, ${a} menolak, ${ab} abstain`,
    twoThirds: (cast, req) => `dua pertiga dari ${cast} suara yang diberikan adalah ${req}`,
    simple: (cast, req) => `mayoritas dari ${cast} suara yang diberikan adalah ${req}`,
    reached: (margin) => `tercapai dengan selisih ${margin}`,
    short: (by) => `kurang ${by}`,
    quorumMet: (q, att) => `kuorum ${q} (setengah dari ${att} delegasi yang hadir) terpenuhi`,
    quorumNotMet: (cast, q, att) => `${cast} suara yang diberikan tidak mencapai kuorum ${q} (setengah dari ${att} delegasi yang hadir)`,
    byGroup: 'Menurut kelompok',
  },
  constitution: 'Konstitusi ILO',
};
