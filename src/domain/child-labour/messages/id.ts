import type { ConditionKey, MessageKey, MinimumAgeBasis, Verdict, WorkKind } from '../types.ts';

/**
 * Katalog bahasa Indonesia. Istilah mengikuti terjemahan resmi dan UU 13/2003: "usia minimum untuk
 * diperbolehkan bekerja", "pekerjaan ringan", "pekerjaan berbahaya", "bentuk-bentuk pekerjaan
 * terburuk untuk anak". `{nama}` diganti dengan parameter alasan yang bernama sama.
 */
export const MESSAGES_ID: Record<MessageKey, string> = {
  'minimum-age.reached':
    'Usia {age} tahun telah mencapai usia minimum untuk diperbolehkan bekerja, yaitu {minimumAge} tahun ({basis}): pekerjaan biasa diperbolehkan.',
  'minimum-age.below':
    'Usia {age} tahun berada di bawah usia minimum untuk diperbolehkan bekerja, yaitu {minimumAge} tahun ({basis}): pekerjaan biasa dilarang.',
  'light-work.reached-minimum-age':
    'Usia {age} tahun telah mencapai usia minimum {minimumAge} tahun ({basis}): pekerjaan ringan diperbolehkan tanpa pembatasan khusus bagi pekerjaan ringan.',
  'light-work.allowed':
    'Usia {age} tahun berada di bawah usia minimum {minimumAge} tahun ({basis}), tetapi tidak di bawah usia pekerjaan ringan {lightWorkAge} tahun: pekerjaan ringan hanya diperbolehkan apabila tidak membahayakan kesehatan atau perkembangan anak, tidak mengganggu kehadirannya di sekolah, serta jenis kegiatan dan jam kerjanya telah ditetapkan oleh otoritas yang berwenang.',
  'light-work.below-age':
    'Usia {age} tahun berada di bawah usia pekerjaan ringan {lightWorkAge} tahun (usia minimum {minimumAge} tahun, {basis}): pekerjaan ringan dilarang.',
  'national-light-work.allowed':
    'Usia {age} tahun termasuk dalam rentang usia {minAge}–{maxAge} tahun yang menurut {nationalCitation} boleh melakukan pekerjaan ringan {hoursLimit}, dengan syarat-syarat yang ditetapkan di dalamnya (sumber {source}; usia minimum {minimumAge} tahun, {basis}).',
  'national-light-work.below-age':
    'Usia {age} tahun berada di bawah {minAge} tahun, usia termuda yang menurut {nationalCitation} boleh melakukan pekerjaan ringan (sumber {source}; usia minimum {minimumAge} tahun, {basis}): pekerjaan ringan dilarang.',
  'national-light-work.too-many-hours':
    'Usia {age} tahun: {hoursPerDay} jam sehari melebihi batas {maxHoursPerDay} jam untuk pekerjaan ringan bagi anak berusia {minAge}–{maxAge} tahun menurut {nationalCitation} (sumber {source}): dilarang.',
  'national-light-work.night':
    'Usia {age} tahun: menurut {nationalCitation}, pekerjaan ringan bagi anak berusia {minAge}–{maxAge} tahun hanya boleh dilakukan pada siang hari (sumber {source}): pekerjaan pada malam hari dilarang.',
  'national-light-work.band-ends-at-minimum-age':
    'Usia {age} tahun: {nationalCitation} memperbolehkan pekerjaan ringan bagi anak berusia {minAge}–{maxAge} tahun (sumber {source}). Rumusannya berasal dari Pasal 7 ayat (1) Konvensi ILO No. 138, yang dibaca sebagai sejak usia pekerjaan ringan sampai usia minimum tercapai; usia {age} tahun telah mencapai usia minimum {minimumAge} tahun ({basis}), sehingga pekerjaan ringan merupakan pekerjaan biasa dan pembatasan pekerjaan ringan tidak berlaku lagi.',
  'hazardous.adult':
    'Usia {age} tahun telah mencapai {hazardousAge} tahun, usia minimum untuk pekerjaan berbahaya: bukan pekerja anak menurut Konvensi ILO No. 138 maupun No. 182 (ketentuan keselamatan dan kesehatan kerja tetap berlaku).',
  'hazardous.adult-national-higher':
    'Usia {age} tahun telah mencapai {hazardousAge} tahun: Konvensi ILO No. 138 dan No. 182 tidak membatasi pekerjaan berbahaya pada usia ini, dan ini bukan pekerja anak. Peraturan nasional menetapkan usia yang lebih tinggi (lihat di bawah).',
  'hazardous.below-minimum-age':
    'Usia {age} tahun berada di bawah usia minimum untuk diperbolehkan bekerja, yaitu {minimumAge} tahun ({basis}): pekerjaan berbahaya juga merupakan pekerjaan, sehingga dilarang pada usia ini, apa pun pengecualian sejak usia 16 tahun yang diperbolehkan Pasal 3 ayat (3) Konvensi ILO No. 138.',
  'hazardous.under-16':
    'Usia {age} tahun di bawah 16 tahun: pekerjaan berbahaya dilarang (usia minimumnya 18 tahun, dan pengecualian dalam Pasal 3 ayat (3) Konvensi ILO No. 138 tidak pernah berlaku di bawah 16 tahun).',
  'hazardous.below-national-age':
    'Usia {age} tahun berada di bawah {nationalHazardousAge} tahun, usia minimum nasional untuk pekerjaan berbahaya (sumber {source}), sehingga pengecualian sejak usia 16 tahun dalam Pasal 3 ayat (3) Konvensi ILO No. 138 tidak berlaku: pekerjaan berbahaya dilarang.',
  'hazardous.national-exception':
    'Usia {age} tahun: peraturan nasional memperbolehkan pekerjaan berbahaya sejak usia {nationalHazardousAge} tahun (sumber {source}); menurut Pasal 3 ayat (3) Konvensi ILO No. 138 hal itu hanya diperbolehkan apabila kesehatan, keselamatan, dan moral anak dilindungi sepenuhnya dan anak telah menerima instruksi khusus atau pelatihan kejuruan yang memadai.',
  'hazardous.national-age-unknown':
    'Usia {age} tahun: usia minimum nasional untuk pekerjaan berbahaya tidak diketahui. Pada usia 16 atau 17 tahun, pekerjaan berbahaya hanya diperbolehkan apabila diizinkan oleh peraturan perundang-undangan nasional atau otoritas yang berwenang setelah berkonsultasi dengan organisasi pengusaha dan pekerja, dengan kesehatan, keselamatan, dan moral anak dilindungi sepenuhnya serta setelah anak menerima instruksi khusus atau pelatihan kejuruan (Pasal 3 ayat (3) Konvensi ILO No. 138).',
  'hazardous.worst-form':
    'Usia {age} tahun di bawah {childAge} tahun (Pasal 2 Konvensi ILO No. 182) dan pekerjaan itu tidak diizinkan berdasarkan Pasal 3 ayat (3) Konvensi ILO No. 138: pekerjaan berbahaya ini merupakan salah satu bentuk pekerjaan terburuk untuk anak (Pasal 3 huruf d Konvensi ILO No. 182).',
  'national-hazardous.below-age':
    'Usia {age} tahun berada di bawah {nationalHazardousAge} tahun, usia minimum untuk pekerjaan berbahaya menurut {nationalCitation} (sumber {source}): bagi anak di bawah {childAge} tahun, pekerjaan itu merupakan bentuk pekerjaan terburuk untuk anak (Pasal 3 huruf d Konvensi ILO No. 182; jenis pekerjaan berbahaya ditentukan oleh peraturan nasional menurut Pasal 4 ayat (1)).',
  'national-hazardous.adult-below-age':
    'Usia {age} tahun berada di bawah {nationalHazardousAge} tahun, usia minimum untuk pekerjaan berbahaya menurut {nationalCitation} (sumber {source}): peraturan nasional melarang pekerjaan ini. Orang tersebut sudah dewasa ({childAge} tahun atau lebih), sehingga ini larangan menurut hukum nasional, bukan pekerja anak menurut Konvensi ILO No. 138 atau No. 182.',
  'worst-form.child':
    'Usia {age} tahun di bawah {childAge} tahun (Pasal 2 Konvensi ILO No. 182): {work} merupakan bentuk pekerjaan terburuk untuk anak dan dilarang bagi setiap anak tanpa pengecualian.',
  'worst-form.adult':
    'Usia {age} tahun telah mencapai {childAge} tahun: orang tersebut sudah dewasa, sehingga ini bukan pekerja anak (Pasal 2 Konvensi ILO No. 182). Namun hal itu tidak berarti diperbolehkan: {adultActivity} tetap melanggar hukum atau diatur oleh hukum lain, seperti hukum pidana.',
  'forced-labour.any-age':
    'Usia {age} tahun telah mencapai {childAge} tahun, sehingga ini bukan pekerja anak (Pasal 2 Konvensi ILO No. 182), tetapi {work} merupakan kerja paksa atau wajib kerja, yang dilarang pada usia berapa pun: Pasal 1 ayat (1) Konvensi ILO No. 29 mewajibkan penghapusannya, dan Pasal 2 ayat (1) mendefinisikannya sebagai pekerjaan yang dipaksakan di bawah ancaman hukuman dan tidak dilakukan secara sukarela. Jika Negara telah meratifikasi Protokol 2014 (P029), Negara juga wajib mencegahnya, melindungi korban, dan memberikan pemulihan.',
  'night-work.national':
    'Usia {age} tahun, bekerja pada malam hari: {nationalCitation} melarang mempekerjakan {nightSex} yang berumur kurang dari {underAge} tahun antara pukul {from} sampai dengan pukul {to} (sumber {source}): dilarang.',
  'night-work.national-sex-unknown':
    'Usia {age} tahun, bekerja pada malam hari: {nationalCitation} melarang mempekerjakan {nightSex} yang berumur kurang dari {underAge} tahun antara pukul {from} sampai dengan pukul {to} (sumber {source}). Jenis kelamin tidak disebutkan: jika pekerja termasuk di antara mereka, pekerjaan malam ini dilarang.',
  'night-work.national-other-sex':
    'Usia {age} tahun, bekerja pada malam hari: {nationalCitation} melarang kerja malam antara pukul {from} sampai dengan pukul {to} hanya bagi {nightSex} yang berumur kurang dari {underAge} tahun (sumber {source}), sehingga tidak berlaku bagi pekerja ini. Kerja malam tetap termasuk kondisi yang perlu dipertimbangkan dalam menentukan pekerjaan berbahaya bagi orang di bawah 18 tahun (Paragraf 3 huruf e Rekomendasi ILO No. 190).',
  'night-work.hazard-consideration':
    'Usia {age} tahun di bawah {childAge} tahun dan pekerjaan dilakukan pada malam hari: tidak ada ketentuan nasional tentang kerja malam yang tercatat untuk Negara ini, tetapi kerja pada malam hari termasuk kondisi yang perlu dipertimbangkan oleh peraturan nasional dalam menentukan pekerjaan berbahaya (Paragraf 3 huruf e Rekomendasi ILO No. 190), sehingga pekerjaan ini hanya diperbolehkan jika bukan pekerjaan semacam itu.',
  'training.reached-minimum-age':
    'Usia {age} tahun telah mencapai usia minimum {minimumAge} tahun ({basis}): pekerjaan di perusahaan sebagai bagian dari pelatihan diperbolehkan.',
  'training.allowed':
    'Usia {age} tahun berada di bawah usia minimum {minimumAge} tahun ({basis}) tetapi sekurang-kurangnya 14 tahun: pekerjaan di perusahaan hanya diperbolehkan sebagai bagian tak terpisahkan dari program pendidikan, pelatihan, atau orientasi yang disetujui, dengan syarat-syarat yang ditetapkan oleh otoritas yang berwenang (Pasal 6 Konvensi ILO No. 138).',
  'training.under-14':
    'Usia {age} tahun di bawah 14 tahun, usia termuda yang diperbolehkan Pasal 6 Konvensi ILO No. 138 untuk bekerja di perusahaan sebagai bagian dari pelatihan (usia minimum {minimumAge} tahun, {basis}): dilarang.',
  'school.outside-scope':
    'Usia {age} tahun: pekerjaan yang dilakukan di sekolah atau lembaga pelatihan berada di luar cakupan Konvensi ILO No. 138 (Pasal 6).',
  'artistic.permit':
    'Usia {age} tahun berada di bawah usia minimum {minimumAge} tahun ({basis}): keikutsertaan dalam pertunjukan seni memerlukan izin perorangan dari otoritas yang berwenang yang membatasi jam kerja dan menetapkan syarat-syaratnya (Pasal 8 Konvensi ILO No. 138).',
  'artistic.reached-minimum-age':
    'Usia {age} tahun telah mencapai usia minimum {minimumAge} tahun ({basis}): keikutsertaan dalam pertunjukan seni diperbolehkan.',
  'note.c138-not-bound':
    'Negara ini belum meratifikasi Konvensi ILO No. 138, sehingga konvensi tersebut tidak mengikatnya (Pasal 12 ayat (1)); usia minimum {minimumAge} tahun ({basis}) dipakai sebagai acuan.',
  'note.c182-not-bound':
    'Negara ini belum meratifikasi Konvensi ILO No. 182, sehingga konvensi tersebut tidak mengikatnya (Pasal 10 ayat (1)); bentuk-bentuk pekerjaan terburuk untuk anak tetap dinilai sebagai acuan internasional.',
  'note.national-shortfall':
    'Peraturan nasional menetapkan usia minimum umum {national} tahun (sumber {source}), lebih rendah daripada {declared} tahun yang dinyatakan Negara berdasarkan Pasal 2 ayat (1) Konvensi ILO No. 138: deklarasi itulah yang berlaku, dan peraturan nasional belum memenuhinya.',
  'note.declaration-unrecorded-national':
    'Negara ini telah meratifikasi Konvensi ILO No. 138, tetapi usia minimum yang dinyatakannya tidak tercatat; yang dipakai adalah usia minimum nasional {national} tahun (sumber {source}). Usia yang dinyatakan mungkin lebih tinggi.',
  'note.national-below-any-declaration':
    'Peraturan nasional menetapkan usia minimum umum {national} tahun (sumber {source}), di bawah 14 tahun, usia terendah yang diperbolehkan Konvensi ILO No. 138 (Pasal 2 ayat (3) dan ayat (4)); usia itu tidak dipakai.',
  'note.declaration-unrecorded-same':
    'Negara ini telah meratifikasi Konvensi ILO No. 138, tetapi usia minimum yang dinyatakannya (Pasal 2 ayat (1)) tidak tercatat. Untuk usia {age} tahun hasilnya sama, baik yang dinyatakan 14, 15, maupun 16 tahun: {verdictIf14}.',
  'note.declaration-unrecorded-differs':
    'Negara ini telah meratifikasi Konvensi ILO No. 138, tetapi usia minimum yang dinyatakannya (Pasal 2 ayat (1)) tidak tercatat, dan hasil untuk usia {age} tahun bergantung padanya: {verdictIf14} jika 14 tahun, {verdictIf15} jika 15 tahun, {verdictIf16} jika 16 tahun. Yang diberikan adalah hasil yang paling berat.',
  'note.compulsory-education':
    'Usia {age} tahun berada di bawah {educationAge} tahun, batas usia wajib belajar (sumber {source}): pekerjaan tidak boleh menghalangi anak untuk bersekolah (Pasal 2 ayat (3) Konvensi ILO No. 138).',
  'note.national-child': 'Usia {age} tahun di bawah {childUnderAge} tahun: termasuk anak menurut {nationalCitation} (sumber {source}).',
};

export const CONDITIONS_ID: Record<ConditionKey, string> = {
  'light-not-harmful': 'Pekerjaan tidak membahayakan kesehatan atau perkembangan anak (Pasal 7 ayat (1) huruf a Konvensi ILO No. 138).',
  'light-no-school-prejudice':
    'Pekerjaan tidak mengganggu kehadiran anak di sekolah, keikutsertaannya dalam program orientasi kejuruan atau pelatihan, maupun kemampuannya untuk memperoleh manfaat dari pengajaran (Pasal 7 ayat (1) huruf b Konvensi ILO No. 138).',
  'light-authority-determined':
    'Kegiatan tersebut telah ditetapkan oleh otoritas yang berwenang sebagai pekerjaan ringan, dengan jam kerja dan syarat yang ditentukannya (Pasal 7 ayat (3) Konvensi ILO No. 138).',
  'hazardous-authorised-by-law':
    'Peraturan perundang-undangan nasional atau otoritas yang berwenang mengizinkan pekerjaan itu sejak usia 16 tahun, setelah berkonsultasi dengan organisasi pengusaha dan pekerja (Pasal 3 ayat (3) Konvensi ILO No. 138).',
  'hazardous-full-protection':
    'Kesehatan, keselamatan, dan moral orang muda tersebut dilindungi sepenuhnya (Pasal 3 ayat (3) Konvensi ILO No. 138).',
  'hazardous-specific-instruction':
    'Orang muda tersebut telah menerima instruksi khusus atau pelatihan kejuruan yang memadai di bidang kegiatan yang bersangkutan (Pasal 3 ayat (3) Konvensi ILO No. 138).',
  'training-authority-conditions':
    'Pekerjaan dilakukan sesuai dengan syarat-syarat yang ditetapkan oleh otoritas yang berwenang setelah berkonsultasi dengan organisasi pengusaha dan pekerja (Pasal 6 Konvensi ILO No. 138).',
  'training-part-of-programme':
    'Pekerjaan merupakan bagian tak terpisahkan dari kursus pendidikan atau pelatihan, program pelatihan di perusahaan yang disetujui, atau program bimbingan atau orientasi (Pasal 6 Konvensi ILO No. 138).',
  'artistic-individual-permit':
    'Otoritas yang berwenang telah memberikan izin untuk kasus perorangan ini setelah berkonsultasi dengan organisasi pengusaha dan pekerja (Pasal 8 ayat (1) Konvensi ILO No. 138).',
  'artistic-permit-limits':
    'Pekerjaan tidak melampaui jam kerja dan syarat yang ditetapkan dalam izin (Pasal 8 ayat (2) Konvensi ILO No. 138).',
  'national-max-hours-per-day': 'Waktu kerja harian tidak melebihi batas nasional untuk pekerjaan ringan.',
  'national-daytime-only': 'Pekerjaan hanya dilakukan pada siang hari.',
  'national-outside-school-hours': 'Pekerjaan tidak mengganggu waktu sekolah.',
  'national-written-parental-consent': 'Ada izin tertulis dari orang tua atau wali.',
  'national-employment-agreement-with-parent': 'Ada perjanjian kerja antara pengusaha dan orang tua atau wali.',
  'national-occupational-safety-health': 'Keselamatan dan kesehatan kerja terjamin.',
  'national-clear-employment-relationship': 'Ada hubungan kerja yang jelas.',
  'national-wages-per-regulations': 'Anak menerima upah sesuai dengan ketentuan yang berlaku.',
  'national-night-not-female':
    'Pekerja bukan perempuan: peraturan nasional melarang kerja malam ini bagi pekerja perempuan pada usia tersebut.',
  'national-night-not-male':
    'Pekerja bukan laki-laki: peraturan nasional melarang kerja malam ini bagi pekerja laki-laki pada usia tersebut.',
  'night-hazard-considered':
    'Kerja malam ini bukan pekerjaan berbahaya sebagaimana ditentukan peraturan nasional, dengan mempertimbangkan bahwa kerja pada malam hari termasuk kondisi yang perlu diperhatikan (Paragraf 3 huruf e Rekomendasi ILO No. 190), dan kesehatan, keselamatan, serta moral anak terlindungi.',
};

export const VERDICT_NAMES_ID: Record<Verdict, string> = {
  permitted: 'diperbolehkan',
  other_law: 'bukan pekerja anak (orang dewasa), tetapi diatur hukum lain',
  conditional: 'diperbolehkan dengan syarat',
  prohibited: 'dilarang',
  worst_form: 'bentuk pekerjaan terburuk untuk anak',
};

export const WORK_NAMES_ID: Record<WorkKind, string> = {
  regular: 'pekerjaan biasa',
  light: 'pekerjaan ringan',
  hazardous: 'pekerjaan berbahaya',
  slavery: 'perbudakan atau praktik sejenis perbudakan',
  sexual_exploitation: 'pemanfaatan anak untuk pelacuran, produksi pornografi, atau pertunjukan porno',
  illicit: 'pemanfaatan anak untuk kegiatan terlarang, khususnya produksi dan perdagangan narkotika',
  training: 'pekerjaan di perusahaan sebagai bagian dari pendidikan atau pelatihan',
  school: 'pekerjaan di sekolah atau lembaga pelatihan',
  artistic: 'keikutsertaan dalam pertunjukan seni',
};

export const BASIS_NAMES_ID: Record<MinimumAgeBasis, string> = {
  declared: 'sebagaimana dinyatakan Negara berdasarkan Pasal 2 ayat (1) Konvensi ILO No. 138',
  national: 'sebagaimana ditetapkan dalam peraturan perundang-undangan nasional',
  baseline: 'batas terendah 15 tahun menurut Pasal 2 ayat (3) Konvensi ILO No. 138, karena usia minimum nasional tidak diketahui',
  unknown: 'seandainya Negara menyatakan usia itu; deklarasinya berdasarkan Pasal 2 ayat (1) Konvensi ILO No. 138 tidak tercatat',
};

export const PHRASES_ID = {
  nationalLaw: 'peraturan perundang-undangan nasional',
  nationalLawPrefix: 'hukum nasional',
  adultActivity: {
    sexual_exploitation: 'pelacuran, pornografi, atau pertunjukan porno',
    illicit: 'kegiatan terlarang seperti produksi dan perdagangan narkotika',
  } as Record<string, string>,
  nightSex: { female: 'pekerja perempuan', male: 'pekerja laki-laki', any: 'pekerja' } as Record<string, string>,
  hoursLimit: (hours: string) => `paling lama ${hours} jam sehari`,
  noHoursLimit: 'tanpa batas jam kerja harian',
};
