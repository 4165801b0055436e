import type { Provenance } from './facts.ts';

export interface IlcSession extends Provenance {
  number: number;
  year: number | null;
  openingDate: string | null;
  closingDate: string | null;
  place: string | null;
}
