import type { ConditionKey, MessageKey, MinimumAgeBasis, Verdict, WorkKind } from '../types.ts';

/** English catalogue. `{name}` is replaced by the reason's param of that name (see render.ts). */
export const MESSAGES_EN: Record<MessageKey, string> = {
  'minimum-age.reached':
    'Age {age} is at or above the minimum age for admission to employment, {minimumAge} ({basis}): regular work is permitted.',
  'minimum-age.below':
    'Age {age} is below the minimum age for admission to employment, {minimumAge} ({basis}): regular work is prohibited.',
  'light-work.reached-minimum-age':
    'Age {age} is at or above the minimum age {minimumAge} ({basis}): light work is permitted without the light-work limits.',
  'light-work.allowed':
    'Age {age} is below the minimum age {minimumAge} ({basis}) but not below the light-work age {lightWorkAge}: light work is allowed only if it is not harmful to health or development, does not prejudice school attendance, and is an activity, for hours, that the competent authority has determined.',
  'light-work.below-age':
    'Age {age} is below the light-work age {lightWorkAge} (minimum age {minimumAge}, {basis}): light work is prohibited.',
  'national-light-work.allowed':
    'Age {age} is within ages {minAge}–{maxAge}, for which {nationalCitation} allows light work {hoursLimit}, under the conditions it lists (source {source}; minimum age {minimumAge}, {basis}).',
  'national-light-work.below-age':
    'Age {age} is below {minAge}, the youngest age at which {nationalCitation} allows light work (source {source}; minimum age {minimumAge}, {basis}): light work is prohibited.',
  'national-light-work.too-many-hours':
    'Age {age}: {hoursPerDay} hours a day exceeds the limit of {maxHoursPerDay} hours for light work at ages {minAge}–{maxAge} under {nationalCitation} (source {source}): prohibited.',
  'national-light-work.night':
    'Age {age}: {nationalCitation} allows light work at ages {minAge}–{maxAge} only in the daytime (source {source}): night work is prohibited.',
  'national-light-work.band-ends-at-minimum-age':
    'Age {age}: {nationalCitation} allows light work at ages {minAge}–{maxAge} (source {source}). Its words come from C138 Art 7(1), which is read as from the light-work age until the minimum age is reached; age {age} has reached the minimum age {minimumAge} ({basis}), so light work is ordinary work and the light-work limits no longer apply.',
  'hazardous.adult':
    'Age {age} is at or above {hazardousAge}, the minimum age for hazardous work: it is not child labour under C138 or C182 (occupational safety and health law still applies).',
  'hazardous.adult-national-higher':
    'Age {age} is at or above {hazardousAge}: C138 and C182 set no limit on hazardous work at this age, and it is not child labour. National law sets a higher age (below).',
  'hazardous.below-minimum-age':
    'Age {age} is below the minimum age for admission to employment, {minimumAge} ({basis}): hazardous work is work too, so it is prohibited at this age whatever exception C138 Art 3(3) allows from 16.',
  'hazardous.under-16':
    'Age {age} is under 16: hazardous work is prohibited (its minimum age is 18, and the exception of C138 Art 3(3) never reaches below 16).',
  'hazardous.below-national-age':
    'Age {age} is below {nationalHazardousAge}, the national minimum age for hazardous work (source {source}), so the exception from 16 of C138 Art 3(3) is not available: hazardous work is prohibited.',
  'hazardous.national-exception':
    'Age {age}: national law allows hazardous work from {nationalHazardousAge} (source {source}); under C138 Art 3(3) it is allowed only with health, safety and morals fully protected and after adequate specific instruction or vocational training.',
  'hazardous.national-age-unknown':
    'Age {age}: the national minimum age for hazardous work is not known. At 16 or 17, hazardous work is allowed only where national law or the competent authority authorises it after consulting employers and workers, with health, safety and morals fully protected and after specific instruction or vocational training (C138 Art 3(3)).',
  'hazardous.worst-form':
    'Age {age} is under {childAge} (C182 Art 2) and the work is not authorised under C138 Art 3(3): hazardous work is a worst form of child labour (C182 Art 3(d)).',
  'national-hazardous.below-age':
    'Age {age} is below {nationalHazardousAge}, the minimum age for hazardous work under {nationalCitation} (source {source}): for a child under {childAge} such work is a worst form of child labour (C182 Art 3(d), the work being hazardous as national law determines it under C182 Art 4(1)).',
  'national-hazardous.adult-below-age':
    'Age {age} is below {nationalHazardousAge}, the minimum age for hazardous work under {nationalCitation} (source {source}): national law prohibits this work. The person is an adult ({childAge} or over), so this is a national prohibition, not child labour under C138 or C182.',
  'worst-form.child':
    'Age {age} is under {childAge} (C182 Art 2): {work} is a worst form of child labour, prohibited for every child without exception.',
  'worst-form.adult':
    'Age {age} is {childAge} or over: the person is an adult, so this is not child labour (C182 Art 2). That does not make it permitted: {adultActivity} remains unlawful or regulated under other law, such as criminal law.',
  'forced-labour.any-age':
    'Age {age} is {childAge} or over, so this is not child labour (C182 Art 2), but {work} is forced or compulsory labour, which is prohibited at every age: C029 Art 1(1) requires its suppression, and Art 2(1) defines it as work exacted under the menace of a penalty and not offered voluntarily. Where the State has ratified the 2014 Protocol (P029), it must also prevent it, protect victims and give them remedies.',
  'night-work.national':
    'Age {age}, working at night: {nationalCitation} forbids employing {nightSex} under {underAge} between {from} and {to} (source {source}): prohibited.',
  'night-work.national-sex-unknown':
    'Age {age}, working at night: {nationalCitation} forbids employing {nightSex} under {underAge} between {from} and {to} (source {source}). The sex is not stated: if the worker is one of them, this night work is prohibited.',
  'night-work.national-other-sex':
    'Age {age}, working at night: {nationalCitation} forbids night work between {from} and {to} only for {nightSex} under {underAge} (source {source}), so it does not cover this worker. Night work is still among the conditions to consider in determining hazardous work for persons under 18 (R190 Para 3(e)).',
  'night-work.hazard-consideration':
    'Age {age} is under {childAge} and the work is done at night: no national night-work rule is recorded for this State, but work during the night is among the conditions national law should consider in determining hazardous work (R190 Para 3(e)), so it is allowed only if it is not such work.',
  'training.reached-minimum-age':
    'Age {age} is at or above the minimum age {minimumAge} ({basis}): work in an undertaking as part of training is permitted.',
  'training.allowed':
    'Age {age} is below the minimum age {minimumAge} ({basis}) but at least 14: work in an undertaking is allowed only as an integral part of an approved education, training or orientation programme, under conditions prescribed by the competent authority (C138 Art 6).',
  'training.under-14':
    'Age {age} is under 14, the youngest age at which C138 Art 6 allows work in an undertaking as part of training (minimum age {minimumAge}, {basis}): prohibited.',
  'school.outside-scope': 'Age {age}: work done in a school or training institution is outside C138 (Art 6).',
  'artistic.permit':
    'Age {age} is below the minimum age {minimumAge} ({basis}): taking part in artistic performances needs an individual permit from the competent authority that limits the hours and sets the conditions (C138 Art 8).',
  'artistic.reached-minimum-age': 'Age {age} is at or above the minimum age {minimumAge} ({basis}): artistic performances are permitted.',
  'note.c138-not-bound':
    'The State has not ratified C138, so the Convention does not bind it (C138 Art 12(1)); the minimum age {minimumAge} ({basis}) is used as the reference.',
  'note.c182-not-bound':
    'The State has not ratified C182, so the Convention does not bind it (C182 Art 10(1)); its worst forms are still applied as the international reference.',
  'note.national-shortfall':
    'National law sets a general minimum age of {national} (source {source}), below the {declared} the State declared under C138 Art 2(1): the declaration governs, and national law falls short of it.',
  'note.declaration-unrecorded-national':
    'The State ratified C138 but its declared minimum age is not recorded; the national minimum age {national} (source {source}) is used. The declared age could be higher.',
  'note.national-below-any-declaration':
    'National law sets a general minimum age of {national} (source {source}), below 14, the lowest age C138 allows (Art 2(3) and 2(4)); it is not used.',
  'note.declaration-unrecorded-same':
    'The State ratified C138 but its declared minimum age (C138 Art 2(1)) is not recorded. Age {age} gets the same verdict whether it declared 14, 15 or 16: {verdictIf14}.',
  'note.declaration-unrecorded-differs':
    'The State ratified C138 but its declared minimum age (C138 Art 2(1)) is not recorded, and the verdict for age {age} depends on it: {verdictIf14} if 14, {verdictIf15} if 15, {verdictIf16} if 16. The most severe is given.',
  'note.compulsory-education':
    'Age {age} is below {educationAge}, the age until which education is compulsory (source {source}): the work must not keep the person from school (C138 Art 2(3)).',
  'note.national-child': 'Age {age} is under {childUnderAge}: a child under {nationalCitation} (source {source}).',
};

export const CONDITIONS_EN: Record<ConditionKey, string> = {
  'light-not-harmful': 'The work is not likely to be harmful to the child’s health or development (C138 Art 7(1)(a)).',
  'light-no-school-prejudice':
    'It does not prejudice school attendance, vocational orientation or training, or the capacity to benefit from instruction (C138 Art 7(1)(b)).',
  'light-authority-determined':
    'The activity is one the competent authority has determined as light work, within the hours and conditions it prescribes (C138 Art 7(3)).',
  'hazardous-authorised-by-law':
    'National law or the competent authority authorises the work from age 16, after consulting the employers’ and workers’ organisations (C138 Art 3(3)).',
  'hazardous-full-protection': 'The young person’s health, safety and morals are fully protected (C138 Art 3(3)).',
  'hazardous-specific-instruction':
    'The young person has received adequate specific instruction or vocational training in the branch of activity (C138 Art 3(3)).',
  'training-authority-conditions':
    'The work follows conditions prescribed by the competent authority after consulting the employers’ and workers’ organisations (C138 Art 6).',
  'training-part-of-programme':
    'The work is an integral part of a course of education or training, an approved training programme in the undertaking, or a guidance or orientation programme (C138 Art 6).',
  'artistic-individual-permit':
    'The competent authority has granted a permit for this individual case, after consulting the employers’ and workers’ organisations (C138 Art 8(1)).',
  'artistic-permit-limits': 'The work stays within the hours and conditions the permit prescribes (C138 Art 8(2)).',
  'national-max-hours-per-day': 'Daily working time stays within the national limit for light work.',
  'national-daytime-only': 'The work is done in the daytime only.',
  'national-outside-school-hours': 'The work does not disturb school hours.',
  'national-written-parental-consent': 'A parent or guardian has given written permission.',
  'national-employment-agreement-with-parent': 'There is an employment agreement between the employer and the parent or guardian.',
  'national-occupational-safety-health': 'Occupational safety and health are ensured.',
  'national-clear-employment-relationship': 'The employment relationship is clear.',
  'national-wages-per-regulations': 'Wages are paid in accordance with the applicable regulations.',
  'national-night-not-female': 'The worker is not female: national law forbids this night work for female workers of this age.',
  'national-night-not-male': 'The worker is not male: national law forbids this night work for male workers of this age.',
  'night-hazard-considered':
    'The night work is not hazardous work as national law determines it, considering that work during the night is among the conditions to weigh (R190 Para 3(e)), and the young person’s health, safety and morals are protected.',
};

export const VERDICT_NAMES_EN: Record<Verdict, string> = {
  permitted: 'permitted',
  other_law: 'not child labour (an adult), but governed by other law',
  conditional: 'permitted under conditions',
  prohibited: 'prohibited',
  worst_form: 'a worst form of child labour',
};

export const WORK_NAMES_EN: Record<WorkKind, string> = {
  regular: 'regular work',
  light: 'light work',
  hazardous: 'hazardous work',
  slavery: 'slavery or a practice similar to slavery',
  sexual_exploitation: 'use for prostitution, pornography or pornographic performances',
  illicit: 'use for illicit activities, in particular producing or trafficking drugs',
  training: 'work in an undertaking as part of education or training',
  school: 'work in a school or training institution',
  artistic: 'taking part in artistic performances',
};

export const BASIS_NAMES_EN: Record<MinimumAgeBasis, string> = {
  declared: 'declared by the State under C138 Art 2(1)',
  national: 'set by national law',
  baseline: 'the floor of 15 in C138 Art 2(3), as no national minimum age is known',
  unknown: 'if the State declared that age; its declaration under C138 Art 2(1) is not recorded',
};

export const PHRASES_EN = {
  nationalLaw: 'national law',
  nationalLawPrefix: 'national law',
  // What C182 Art 3(b)-(c) names for a child, worded for an adult (no "use of a child").
  adultActivity: {
    sexual_exploitation: 'prostitution, pornography or pornographic performances',
    illicit: 'illicit activity such as producing or trafficking drugs',
  } as Record<string, string>,
  nightSex: { female: 'female workers', male: 'male workers', any: 'workers' } as Record<string, string>,
  hoursLimit: (hours: string) => `for at most ${hours} hours a day`,
  noHoursLimit: 'with no daily hour limit set',
};
