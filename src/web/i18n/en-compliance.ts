/**
 * English text of the compliance check and screening pages: a part of the catalogue in en.ts, kept in
 * its own file so each stays readable. `id-compliance.ts` is typed from it.
 */
export const enCompliance = {
  // Compliance: shared
  verdict: {
    permitted: 'permitted',
    other_law: 'not child labour (an adult): other law applies',
    conditional: 'conditional',
    prohibited: 'prohibited',
    worst_form: 'worst form of child labour',
  },
  work: {
    regular: { label: 'Regular work', explanation: 'Employment or work of any kind not listed below.' },
    light: { label: 'Light work', explanation: 'Simple tasks that do not harm health or development and do not get in the way of school.' },
    hazardous: {
      label: 'Hazardous work',
      explanation: 'Work likely to harm health, safety or morals, such as mining, heavy loads, chemicals or long night shifts.',
    },
    slavery: {
      label: 'Slavery or forced labour',
      explanation: 'Slavery, sale or trafficking of children, debt bondage, forced labour or forced recruitment for armed conflict.',
    },
    sexual_exploitation: {
      label: 'Sexual exploitation',
      explanation: 'Using, procuring or offering a child for prostitution, pornography or pornographic performances.',
    },
    illicit: {
      label: 'Illicit activities',
      explanation: 'Using a child for illicit activities, in particular producing or trafficking drugs.',
    },
    training: {
      label: 'Work as part of training',
      explanation: 'Work in an undertaking as part of an education, training or orientation programme.',
    },
    school: { label: 'Work at school', explanation: 'Work done in a school or training institution as part of education.' },
    artistic: {
      label: 'Artistic performances',
      explanation: 'Taking part in artistic performances, such as acting, singing or modelling.',
    },
  },

  // Compliance check
  checkTitle: 'Child labour check',
  checkIntro:
    'May this person do this work in this member State? The answer applies Convention 138 (minimum age), Convention 182 (worst forms of child labour) and, where it is recorded, the national law of the State, and cites the article behind each step.',
  checkDisclaimer:
    'The answer is worked out from the facts recorded here and is not legal advice. Check the law in force before you rely on it.',
  checkFormHeading: 'The case',
  checkChangeHeading: 'Change the case',
  checkCountryLabel: 'Member State',
  checkCountryHint: 'The State where the work is done.',
  checkCountryChoose: 'Choose a member State',
  checkAgeLegend: 'Age of the person',
  checkAgeHint: 'Give the age in completed years, or the date of birth.',
  checkAgeLabel: 'Age in completed years',
  checkOr: 'or',
  checkBirthDateLabel: 'Date of birth',
  checkOnLabel: 'Reference date',
  checkOnHint: 'The date on which the age is counted; today unless you change it.',
  checkWorkLabel: 'Kind of work',
  checkWorkHint: 'Choose what the work involves, not what the job is called.',
  checkWorkChoose: 'Choose the kind of work',
  checkWorkExplained: 'What each kind of work means',
  checkHoursLabel: 'Hours of work per day',
  checkHoursHint: 'For example 3 or 7.5.',
  checkNightLabel: 'Some of the work is done at night',
  checkSexLabel: 'Sex of the worker',
  checkSexHint:
    'Only some national rules depend on it, such as Indonesia’s ban on night work by female workers under 18. Leave it as “not stated” if it is not known: the answer then says what applies either way.',
  checkSexNotStated: 'not stated',
  checkSexOption: { female: 'female', male: 'male' },
  checkSubmit: 'Check',
  checkScreenLink: 'Many workers to check? Screen a CSV file instead.',
  checkResultHeading: 'Result',
  checkVerdictPrefix: 'Verdict:',
  checkVerdictExplained: {
    permitted: 'This work is permitted for this person.',
    other_law:
      'This person is an adult, so this is not child labour; the activity is still unlawful or regulated under other law (such as criminal law and the law on trafficking in persons), which this check does not judge.',
    conditional: 'This work is permitted only if every condition listed below is met.',
    prohibited: 'This work is prohibited for this person.',
    worst_form: 'This is a worst form of child labour: prohibited for every child, without exception (Convention 182).',
  },
  checkCaseHeading: 'The case checked',
  checkLabelCountry: 'Member State',
  checkLabelWork: 'Kind of work',
  checkLabelAge: 'Age',
  checkAgeOn: (age: string, date: string) => `${age} on ${date}`,
  checkBornOn: (date: string) => `born ${date}`,
  checkLabelHours: 'Hours per day',
  checkHours: (hours: string) => `${hours} hours`,
  checkLabelNight: 'Night work',
  checkNightYes: 'yes',
  checkNightNo: 'no',
  checkLabelSex: 'Sex',
  checkLabelMinimumAge: 'Minimum age for admission to employment',
  minimumAgeBasis: {
    declared: 'declared by the State under C138 Art 2(1)',
    national: 'set by national law',
    baseline: 'the C138 Art 2(3) baseline of 15, as no national minimum age is known',
    unknown: 'unknown: the State ratified C138 but its declaration under Art 2(1) is not recorded',
  },
  checkUncertainTitle: 'Uncertain',
  checkUncertain:
    'The verdict depends on the minimum age the State declared under C138, which is not recorded here. The most severe possible verdict is shown.',
  checkNotBound: (name: string) =>
    `${name} has not ratified C138, so the Convention does not bind it; its rules are applied here as the international reference.`,
  checkShortfall: (national: string, declared: string) =>
    `National law sets a general minimum age of ${national} years, below the ${declared} years the State declared under C138 Art 2(1): the declaration governs, and national law falls short of it.`,
  checkReasonsHeading: 'Why: the rules that applied',
  checkReasonVerdict: (verdict: string) => `(${verdict})`,
  checkReasonNote: '(note)',
  checkConditionsHeading: 'Conditions that must all be met',
  checkFieldCountryMissing: 'Choose the member State where the work is done.',
  checkFieldCountryInvalid: (value: string) => `“${value}” is not a member State code. Choose a member State from the list.`,
  checkFieldCountryUnknown: (value: string) => `There is no member State with the code ${value} in the registry. Choose one from the list.`,
  checkFieldWorkMissing: 'Choose the kind of work.',
  checkFieldSexInvalid: 'Choose female, male or “not stated”.',
  checkFieldWorkInvalid: (value: string) => `“${value}” is not a kind of work this check knows. Choose one from the list.`,
  checkFieldAgeMissing: 'Enter the age in completed years, or the date of birth.',
  checkFieldAgeBoth: 'Enter either the age or the date of birth, not both.',
  checkFieldAgeInvalid: (max: string) => `Enter the age as a whole number of years from 0 to ${max}.`,
  checkFieldBirthDateInvalid: 'Enter the date of birth as a real date, such as 2012-03-01.',
  checkFieldBirthDateAfter: 'The date of birth must be before the reference date.',
  checkFieldBirthDateTooOld: (max: string) => `The date of birth gives an age over ${max} years. Check the year.`,
  checkFieldOnInvalid: 'Enter the reference date as a real date, such as 2025-06-30.',
  checkFieldHoursInvalid: (max: string) => `Enter the hours per day as a number from 0 to ${max}, such as 3 or 7.5.`,
  checkFieldOther: (field: string) => `The value of “${field}” is not valid.`,

  // Screening
  screenTitle: 'Screen a list of workers',
  screenIntro:
    'Upload a CSV file with one worker per row. Each row is checked like a single case and you get the same file back with three columns added: the verdict, the minimum age applied and the articles cited.',
  screenFormatHeading: 'The file',
  screenFormatText:
    'A CSV file in UTF-8 whose first row names the columns. Lines may end in LF or CRLF. A value that contains a comma, a double quote or a line break is put in double quotes, with each double quote inside it doubled.',
  screenColumnsCaption: 'Columns of the file',
  screenColColumn: 'Column',
  screenColRequired: 'Required',
  screenColMeaning: 'What it holds',
  screenRequiredYes: 'required',
  screenRequiredNo: 'optional',
  screenColumn: {
    worker_id: 'Your own reference for the worker; it is copied to the result.',
    country: 'The member State where the work is done, as an ISO 3166 alpha-3 code such as IDN.',
    birth_date: 'Date of birth, YYYY-MM-DD. The age is counted in completed years on the screening date.',
    work: 'The kind of work, one of the codes below.',
    hours_per_day: 'Hours of work per day, from 0 to 24, such as 3 or 7.5.',
    night: 'Whether some of the work is at night: yes or no (also 1/0, true/false); empty means no.',
    sex: 'The worker’s sex, where a national rule depends on it (such as night work for girls in Indonesia): female (also f, perempuan) or male (also m, laki-laki), in any case; empty means not known.',
  },
  screenOtherColumns: 'Any other column is copied to the result unchanged, in its place.',
  screenWorkCodesHeading: 'Codes for the kind of work',
  screenOutputText:
    'The result adds the columns verdict (permitted, other_law for an adult in an activity that other law governs, conditional, prohibited, worst_form, or invalid for a row that cannot be read), minimum_age and citations. For an invalid row, citations says what is wrong with it; the other rows are still screened.',
  screenExample: 'Download an example file (screening-example.csv)',
  screenUploadHeading: 'Upload',
  screenFileLabel: 'Workers file (CSV)',
  screenFileHint: (max: string) =>
    `At most ${max} MB. A file compressed with gzip (.csv.gz) is read as well, and is several times smaller to send.`,
  screenOnLabel: 'Screening date',
  screenOnHint: 'Ages are counted on this date; today unless you change it.',
  screenSubmit: 'Screen and download the result',
  screenProgressLabel: 'Upload progress',
  screenNoScript: 'The result is downloaded as a CSV file named after the screening date.',
  screenFileMissing: 'Choose the CSV file to screen.',
  screenFileTooLarge: (max: string) =>
    `The file is larger than ${max} MB. Split it into smaller files, or send it to the API, which has no limit.`,
  screenFileEmpty: 'The file is empty. Choose a CSV file whose first row names the columns.',
  screenFileMissingColumn: (column: string) =>
    `The first row of the file has no column ${column}. It must name the columns worker_id, country, birth_date and work.`,
  screenFileUnreadable: 'The file cannot be screened.',
  screenFileAgain: 'For your security the browser does not keep the chosen file: choose it again.',
  screenOnInvalid: 'Enter the screening date as a real date, such as 2025-06-30.',
  screenDetailsInEnglish: 'Details',
  screenScript: {
    uploading: 'Uploading: {percent} sent.',
    screening: 'Screening: {rows} rows processed.',
    done: 'Done: {rows} rows screened.',
    failed: 'The file could not be screened: {detail}',
    network: 'The upload failed. Check the connection and try again.',
    incomplete:
      'The screening stopped before the end of the file, so no result is offered: it would be incomplete. The file may be damaged or cut short (a .gz file not copied whole, for example), or the connection was lost.',
    download: 'Download the result ({name})',
    summary: 'Summary',
    invalid: 'invalid rows',
    errors: 'First rows with problems',
    row: 'Row {row}',
  },
};

export type ComplianceDict = typeof enCompliance;
