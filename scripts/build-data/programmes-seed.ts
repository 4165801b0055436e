/**
 * The programmes the founding text describes (/work/shared/seed/*.txt, an Indonesian thesis chapter,
 * section "D. Program Organisasi Buruh Internasional"). Facts only from that text, summarised in our
 * own words; what the text does not say is null (unknown). Source id SEED-FOUNDING-TEXT; the text
 * cites its own sources (e.g. "Ni Made Rita Melani, 2014"), kept in `notes`.
 */
import type { Programme } from '../../src/domain/programmes/programme.ts';

export const SEED_SOURCE = 'SEED-FOUNDING-TEXT';
export const SEED_SOURCE_DESCRIPTION =
  'The founding text of the project (../shared/seed/, Indonesian), section D "Program Organisasi Buruh Internasional": the ILO programmes it describes';

const base = {
  area: null,
  startYear: null,
  endYear: null,
  durationYears: null,
  closedPerSource: false,
  url: null,
  source: SEED_SOURCE,
} as const;

export const SEED_PROGRAMMES: Programme[] = [
  {
    ...base,
    id: 'east-indonesia',
    nameEn: 'Education and Skills Training for Youth Employment (EAST)',
    nameId: 'Pendidikan dan Pelatihan Keterampilan untuk Pekerjaan Kaum Muda (EAST)',
    aimEn:
      "Tackle child labour in Indonesia's regions by making children ready for work and building young people's capacity to run their own business, through decent education and good training.",
    aimId:
      'Mengatasi pekerja anak di daerah-daerah Indonesia dengan meningkatkan kesiapan kerja anak dan kapasitas kewirausahaan kaum muda melalui pendidikan yang layak dan pelatihan yang berkualitas.',
    countries: ['IDN'],
    durationYears: 4,
    donors: ['Netherlands'],
    partners: ['Persatuan Guru Republik Indonesia (PGRI, teachers’ association of Indonesia)'],
    instruments: ['C138', 'C182'],
    themes: ['child-labour', 'education', 'youth-employment', 'entrepreneurship'],
    roles: ['motivator', 'communicator'],
    activities: [
      'Motivating children to go back to school',
      'Awareness-raising on child labour, children’s rights, the dangers of child labour and the importance of education',
      'Education and skills training with the teachers’ association',
    ],
    outcomes: null,
    confidence: 'medium',
    notes:
      'The text cites Ni Made Rita Melani (2014). It gives a length of four years but no dates. Instruments: the text presents EAST as tackling child labour right after discussing C138 and C182; it does not name them for EAST (inferred).',
  },
  {
    ...base,
    id: 'bolsa-familia',
    nameEn: 'Bolsa Família (family grant)',
    nameId: 'Bolsa Família (Dompet Keluarga / Hibah Keluarga)',
    aimEn:
      'Reduce poverty in Brazil with cash transfers to poor households, so that families whose children work out of poverty can take them out of work, and give poor people extra income to start a business.',
    aimId:
      'Mengurangi kemiskinan di Brasil melalui bantuan tunai kepada keluarga miskin agar anak yang bekerja karena kemiskinan keluarga dapat berhenti bekerja, serta memberi tambahan penghasilan untuk memulai usaha.',
    countries: ['BRA'],
    donors: null,
    partners: null,
    instruments: ['C182'],
    themes: ['child-labour', 'social-protection'],
    roles: null,
    activities: ['Cash grants to poor families'],
    outcomes: null,
    confidence: 'medium',
    notes:
      'One of three programmes the text lists against the worst forms of child labour in Brazil (cites Sinaga, 2015). C182 inferred from "pekerjaan terburuk anak" (worst forms of child labour). The ILO’s role is not stated.',
  },
  {
    ...base,
    id: 'jovem-saber',
    nameEn: 'Jovem Saber',
    nameId: 'Jovem Saber',
    aimEn: 'An apprenticeship programme focused on sustainable rural development.',
    aimId: 'Program magang yang berfokus pada pembangunan pedesaan berkelanjutan.',
    countries: ['BRA'],
    donors: null,
    partners: null,
    instruments: ['C182'],
    themes: ['child-labour', 'youth-employment', 'education'],
    roles: null,
    activities: ['Apprenticeships', 'Handing out book modules and training tools in nearly every Brazilian state'],
    outcomes: null,
    confidence: 'medium',
    notes:
      'Listed against the worst forms of child labour in Brazil (cites Sinaga, 2015). C182 inferred from "pekerjaan terburuk anak". The ILO’s role is not stated.',
  },
  {
    ...base,
    id: 'consorcio-social',
    nameEn: 'Social consortia (Consórcio Social)',
    nameId: 'Konsorsium sosial (Consocius Social)',
    aimEn: 'Non-formal education: learning and vocational training in livestock and plantation areas.',
    aimId: 'Pendidikan nonformal berupa pembelajaran dan pelatihan kejuruan di daerah peternakan dan perkebunan.',
    countries: ['BRA'],
    donors: null,
    partners: null,
    instruments: ['C182'],
    themes: ['child-labour', 'education'],
    roles: null,
    activities: ['Learning and vocational training in livestock and plantation areas'],
    outcomes: null,
    confidence: 'low',
    notes:
      'The text spells it "Consocius Social" (cites Sinaga, 2015). C182 inferred from "pekerjaan terburuk anak". The ILO’s role is not stated.',
  },
  {
    ...base,
    id: 'know-about-business',
    nameEn: 'Know About Business (KAB)',
    nameId: 'Know About Business (Mengetahui Tentang Bisnis)',
    aimEn:
      'A training package that raises awareness of entrepreneurship among young people in non-school and technical institutions, encouraging them to consider running a business or self-employment as a career.',
    aimId:
      'Paket pelatihan untuk menumbuhkan kesadaran kewirausahaan kaum muda di institusi luar sekolah dan teknis, agar mereka mempertimbangkan berwirausaha atau bekerja sendiri sebagai pilihan karier.',
    countries: null,
    area: 'Africa; Asia and the Pacific; Eastern Europe; Latin America and the Caribbean',
    donors: null,
    partners: null,
    instruments: null,
    themes: ['youth-employment', 'entrepreneurship', 'education'],
    roles: ['designer'],
    activities: ['Training on the challenges of starting a business, what it needs, and running it successfully'],
    outcomes: [
      'Used in non-school and technical institutions in Africa, Asia and the Pacific, Eastern Europe, and Latin America and the Caribbean',
    ],
    confidence: 'medium',
    notes: 'The text cites ILO (2003). It names regions, not States.',
  },
  {
    ...base,
    id: 'green-jobs-asia-pacific',
    nameEn: 'Green Jobs in Asia and the Pacific',
    nameId: 'Pekerjaan Ramah Lingkungan (Green Jobs) di Asia dan Pasifik',
    aimEn:
      'Help enterprises in Asia move to low-carbon, climate-resilient and environment-friendly development, in line with voluntary commitments to cut greenhouse-gas emissions by 2020.',
    aimId:
      'Membantu transisi perusahaan di Asia menuju pembangunan rendah karbon, tahan perubahan iklim dan ramah lingkungan, sejalan dengan komitmen sukarela mengurangi emisi gas rumah kaca pada tahun 2020.',
    countries: null,
    area: 'Asia and the Pacific',
    donors: null,
    partners: ['Employers’ associations'],
    instruments: null,
    themes: ['green-jobs'],
    roles: ['communicator', 'trainer'],
    activities: ['Sharing information', 'Training for employers’ associations', 'Interventions in specific sectors'],
    outcomes: null,
    confidence: 'medium',
    notes:
      'The text cites ILO (2006) and says the programme was planned for Asian and Pacific countries; 2020 is the emissions target, not the programme’s period.',
  },
  {
    ...base,
    id: 'hiv-aids-prevention-work',
    nameEn: 'HIV and AIDS prevention at work',
    nameId: 'Pencegahan HIV dan AIDS di dunia kerja',
    aimEn:
      'Raise awareness and knowledge of HIV and AIDS, encourage safe behaviour and link workers to health referral systems, for formal and informal workers at every level.',
    aimId:
      'Meningkatkan kesadaran dan pengetahuan tentang HIV dan AIDS, mendorong perilaku aman dan menghubungkan pekerja dengan sistem rujukan kesehatan, bagi pekerja formal maupun informal di semua tingkat.',
    countries: ['IDN'],
    donors: null,
    partners: [
      'Enterprises',
      'APINDO (Employers’ Association of Indonesia)',
      'Trade unions',
      'Komisi Penanggulangan AIDS (KPA, national AIDS commission)',
      'Ministry of Manpower and Transmigration',
      'Provincial AIDS commissions',
      'Non-governmental organisations working on HIV and AIDS',
    ],
    instruments: null,
    themes: ['hiv-aids'],
    roles: ['trainer'],
    activities: ['Training', 'Media campaigns', 'Connection to health referral systems', 'Provision of services and support'],
    outcomes: [
      'Liaison officers and HIV and AIDS trainers trained in enterprises, APINDO, trade unions, the AIDS commission and the Ministry, to extend the programme to more enterprises',
    ],
    confidence: 'medium',
    notes:
      'The text cites ILO (2006). It names Indonesian partners (APINDO, KPA, the Ministry of Manpower and Transmigration), hence Indonesia; it does not name the country outright.',
  },
];
