/** USDOL profiles and hand-written additions merged into the output of scripts/build-profiles.ts. */
import type { NationalProfile, SourcedAge } from '../../src/domain/child-labour/index.ts';
import { AGE_FIELDS, type AgeField, EXTRA_FILE } from './config.ts';
import type { ExtraProfile } from './extras.ts';
import { problem } from './state.ts';

function emptyProfile(iso3: string): NationalProfile {
  return { iso3, generalMinimumAge: null, hazardousMinimumAge: null, compulsoryEducationAge: null, sources: [] };
}

/** Agreeing values keep USDOL's number and gain the hand-written source and citation. */
function mergeAge(iso3: string, field: AgeField, usdol: SourcedAge | null, extra: SourcedAge): SourcedAge | null {
  if (usdol === null) return extra;
  if (usdol.value !== extra.value) {
    problem(
      EXTRA_FILE,
      null,
      `${iso3}.${field}: hand-written ${extra.value} (${extra.source}${extra.citation ? `, ${extra.citation}` : ''}) conflicts with ${usdol.value} (${usdol.source}). Nothing is written until one of them is corrected.`,
    );
    return usdol;
  }
  const merged: SourcedAge = { value: usdol.value, source: `${usdol.source};${extra.source}` };
  const citation = extra.citation ?? usdol.citation;
  if (citation) merged.citation = citation;
  return merged;
}

export function merge(base: Map<string, NationalProfile>, extras: ExtraProfile[]): NationalProfile[] {
  for (const extra of extras) {
    const p = base.get(extra.iso3) ?? emptyProfile(extra.iso3);
    for (const field of AGE_FIELDS) {
      const e = extra[field];
      if (e) p[field] = mergeAge(extra.iso3, field, p[field], e);
    }
    if (extra.childUnderAge) p.childUnderAge = extra.childUnderAge;
    if (extra.lightWork) p.lightWork = extra.lightWork;
    if (extra.nightWork) p.nightWork = extra.nightWork;
    if (extra.notes) p.notes = [...(p.notes ?? []), ...extra.notes];
    const used = [
      ...AGE_FIELDS.flatMap((f) => p[f]?.source.split(';') ?? []),
      ...(p.childUnderAge ? [p.childUnderAge.source] : []),
      ...(p.lightWork ? [p.lightWork.source] : []),
      ...(p.nightWork ? [p.nightWork.source] : []),
    ];
    p.sources = [...new Set(used)].sort();
    base.set(extra.iso3, p);
  }
  return [...base.values()].sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0)).map(ordered);
}

/** Stable key order in the output, optional fields only when present. */
function ordered(p: NationalProfile): NationalProfile {
  const out: NationalProfile = {
    iso3: p.iso3,
    generalMinimumAge: p.generalMinimumAge,
    hazardousMinimumAge: p.hazardousMinimumAge,
    compulsoryEducationAge: p.compulsoryEducationAge,
  } as NationalProfile;
  if (p.lightWork) out.lightWork = p.lightWork;
  if (p.nightWork) out.nightWork = p.nightWork;
  if (p.childUnderAge) out.childUnderAge = p.childUnderAge;
  out.sources = p.sources;
  if (p.notes) out.notes = p.notes;
  return out;
}
