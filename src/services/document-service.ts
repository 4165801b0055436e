import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../domain/access/policy.ts';
import { safeFileName, sniffDocument } from '../domain/documents/content.ts';
import { type DocumentKind, type LibraryDocument, listField, validateDocument } from '../domain/documents/document.ts';
import { DomainError, type FieldIssue, notFound } from '../domain/errors.ts';
import type { Confidence } from '../domain/facts.ts';
import { normaliseInstrumentCode } from '../domain/instrument.ts';
import { fold } from '../domain/search/fold.ts';
import { refuseNul } from '../domain/text.ts';
import { DOCUMENTS_TX, type DocumentFileStore, type DocumentReadRepository } from './document-ports.ts';
import { extractDocumentText } from './document-text.ts';
import { checkCitation, clean, fail } from './edit-validation.ts';
import type { HistoryRepository, RegistryWriteTx } from './history-ports.ts';
import type { Page, PageRequest } from './ports.ts';
import { authoriseWrite, sameJson } from './ratification-change.ts';
import { type ChangeResult, type Citation, recordChange } from './record-change.ts';

/** Uploads larger than this are refused (413) before anything is stored. */
export const DEFAULT_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface DocumentFilter {
  country?: string;
  instrument?: string;
  kind?: DocumentKind;
  /** Words that must all be in the title or the text (case and accents ignored). */
  q?: string;
}

/** A document's fields as an editor sends them: undefined keeps the stored value (on a change), null clears it. */
export interface DocumentInput extends Citation {
  titleEn?: string | null;
  titleId?: string | null;
  kind?: DocumentKind | null;
  date?: string | null;
  language?: string | null;
  instruments?: string | string[] | null;
  countries?: string | string[] | null;
  url?: string | null;
  confidence?: Confidence | null;
  notes?: string | null;
}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** What the API and the portal show: the record without its editors' account ids (the history names them by role). */
export type DocumentView = Omit<LibraryDocument, 'createdBy' | 'updatedBy'> & { hasText: boolean };

export interface DocumentServiceOptions {
  maxBytes?: number;
}

/** The history's record key of a document: its id in capitals, as the history filters write every key. */
export function documentHistoryKey(id: string): string {
  return id.toUpperCase();
}

const ID = /^doc-[0-9a-f]{12}$/;

export function isDocumentId(id: string): boolean {
  return ID.test(id);
}

function pick<T>(given: T | undefined, stored: T): T {
  return given === undefined ? stored : given;
}

function text(value: string | null | undefined): string | null | undefined {
  return value === undefined ? undefined : clean(value);
}

function lowerOrSame(value: string | null | undefined): string | null | undefined {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

function codes(value: string | string[] | null | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return listField(value).map((c) => normaliseInstrumentCode(c) ?? c.toUpperCase());
}

function states(value: string | string[] | null | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return listField(value).map((c) => c.toUpperCase());
}

function withSource(had: string | undefined, cited: string): string {
  if (!had) return cited;
  return had.split(/\s*;\s*/).includes(cited) ? had : `${had} ; ${cited}`;
}

/**
 * The documents library (issue 10, decision 196): filtered lists and the stored files for everyone;
 * uploads, corrections and removals by the secretariat, each an event in the history (revertable
 * through document-kinds.ts). Files are checked by their content, stored by SHA-256 outside the web
 * root, and their text extracted for the one search.
 */
export class DocumentService {
  readonly maxBytes: number;

  constructor(
    private readonly repo: DocumentReadRepository,
    private readonly store: HistoryRepository,
    private readonly files: DocumentFileStore,
    options: DocumentServiceOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_DOCUMENT_BYTES;
  }

  async list(filter: DocumentFilter, page: PageRequest): Promise<Page<DocumentView>> {
    const all = await this.repo.list();
    let items = all
      .filter((d) => !filter.country || d.countries.includes(filter.country))
      .filter((d) => !filter.instrument || d.instruments.includes(filter.instrument))
      .filter((d) => !filter.kind || d.kind === filter.kind);
    const words = fold(filter.q ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 10);
    const hashes = (list: LibraryDocument[]) => list.flatMap((d) => (d.file ? [d.file.sha256] : []));
    if (words.length) {
      // The texts are read only to match words; a plain list asks only which files have one.
      const texts = await this.repo.texts(hashes(items));
      items = items.filter((d) => {
        const hay = fold([d.titleEn, d.titleId ?? '', d.file ? (texts.get(d.file.sha256) ?? '') : ''].join('\n'));
        return words.every((w) => hay.includes(w));
      });
    }
    items.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.titleEn.localeCompare(b.titleEn, 'en'));
    const shown = items.slice((page.page - 1) * page.pageSize, page.page * page.pageSize);
    const withText = await this.repo.withText(hashes(shown));
    return {
      items: shown.map((d) => publicView(d, d.file ? withText.has(d.file.sha256) : false)),
      total: items.length,
      page: page.page,
      pageSize: page.pageSize,
    };
  }

  async get(id: string): Promise<DocumentView> {
    const d = isDocumentId(id) ? await this.repo.get(id) : null;
    if (!d) throw notFound(`No document with id "${id.slice(0, 60)}".`);
    return view(d, await this.repo.texts(d.file ? [d.file.sha256] : []));
  }

  /** Every document with its extracted text, for the search index. */
  async withTexts(): Promise<{ document: LibraryDocument; text: string | null }[]> {
    const all = await this.repo.list();
    const texts = await this.repo.texts(all.flatMap((d) => (d.file ? [d.file.sha256] : [])));
    return all.map((document) => ({ document, text: document.file ? (texts.get(document.file.sha256) ?? null) : null }));
  }

  /** The stored file of a document; 404 for a link-only document or a file this server does not hold. */
  async file(id: string): Promise<{ document: LibraryDocument; bytes: Uint8Array }> {
    const d = isDocumentId(id) ? await this.repo.get(id) : null;
    if (!d) throw notFound(`No document with id "${id.slice(0, 60)}".`);
    if (!d.file) throw notFound(`Document ${id} is a link, not a stored file${d.url ? `: ${d.url}` : ''}.`);
    const bytes = await this.files.read(d.file.sha256);
    if (!bytes) throw notFound(`The file of document ${id} is not on this server (stored files are not part of the database backup).`);
    return { document: d, bytes };
  }

  /** Adds a document: a file (checked by its content) or a link, or both. */
  async upload(actor: Actor | null, input: DocumentInput, file: UploadedFile | null, now: Date): Promise<ChangeResult<DocumentView>> {
    refuseNul({ ...input, fileName: file?.name ?? '' });
    authoriseWrite(actor, { kind: 'secretariat_record' });
    const issues: FieldIssue[] = [];
    checkCitation(input, issues);
    if (issues.length) fail(issues);
    let stored: LibraryDocument['file'] = null;
    let extracted: string | null = null;
    if (file) {
      if (file.bytes.length > this.maxBytes)
        throw new DomainError('too_large', `The file is larger than ${Math.floor(this.maxBytes / (1024 * 1024))} MB.`, [
          { field: 'file', message: 'too large' },
        ]);
      const sniffed = sniffDocument(file.bytes, file.name);
      if (!sniffed.ok) throw unsupportedMedia(sniffed.message);
      stored = {
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        size: file.bytes.length,
        mediaType: sniffed.mediaType,
        fileName: safeFileName(file.name),
      };
    }
    const at = now.toISOString();
    const after: LibraryDocument = {
      id: `doc-${randomBytes(6).toString('hex')}`,
      ...this.fields(input, null),
      file: stored,
      source: clean(input.source) as string,
      createdAt: at,
      createdBy: actor.id,
      updatedAt: at,
      updatedBy: actor.id,
    };
    const refused = validateDocument(after, now.getUTCFullYear());
    if (refused.length) fail(refused);
    if (stored && file) extracted = await extractDocumentText(file.bytes, stored.mediaType);
    const result = await this.store.transaction(async (tx) => {
      await checkKnown(tx, after, null);
      const port = tx.port(DOCUMENTS_TX);
      while (await port.get(after.id)) after.id = `doc-${randomBytes(6).toString('hex')}`;
      // The bytes before the record: a record never names a file that is not there.
      if (stored && file) {
        await this.files.put(stored.sha256, file.bytes);
        if (extracted) await port.putText(stored.sha256, extracted);
      }
      return recordChange(tx, actor, now, {
        recordType: 'document',
        recordKey: documentHistoryKey(after.id),
        country: after.countries.length === 1 ? (after.countries[0] as string) : null,
        action: 'create',
        before: null,
        after,
        citation: input,
        apply: () => port.put(after),
      });
    });
    return { ...result, record: result.record ? publicView(result.record, extracted !== null) : null };
  }

  /** Corrects a document's metadata (its file stays: upload a new document for new bytes). */
  async update(actor: Actor | null, id: string, input: DocumentInput, now: Date): Promise<ChangeResult<DocumentView>> {
    refuseNul(input);
    authoriseWrite(actor, { kind: 'secretariat_record' });
    const issues: FieldIssue[] = [];
    checkCitation(input, issues);
    if (issues.length) fail(issues);
    const result = await this.store.transaction(async (tx) => {
      const port = tx.port(DOCUMENTS_TX);
      const before = isDocumentId(id) ? await port.get(id) : null;
      if (!before) throw notFound(`No document with id "${id.slice(0, 60)}".`);
      const after: LibraryDocument = { ...before, ...this.fields(input, before) };
      if (sameJson(before, after)) return { event: null, record: before, warnings: [] };
      after.source = withSource(before.source, clean(input.source) as string);
      after.updatedAt = now.toISOString();
      after.updatedBy = actor.id;
      const refused = validateDocument(after, now.getUTCFullYear());
      if (refused.length) fail(refused);
      await checkKnown(tx, after, before);
      return recordChange(tx, actor, now, {
        recordType: 'document',
        recordKey: documentHistoryKey(id),
        country: after.countries.length === 1 ? (after.countries[0] as string) : null,
        action: 'update',
        before,
        after,
        citation: input,
        apply: () => port.put(after),
      });
    });
    const record = result.record;
    const texts = await this.repo.texts(record?.file ? [record.file.sha256] : []);
    return { ...result, record: record ? view(record, texts) : null };
  }

  /** Removes a document from the library; the history keeps it and a revert restores it (its file is kept). */
  async remove(actor: Actor | null, id: string, citation: Citation, now: Date): Promise<ChangeResult<DocumentView>> {
    refuseNul(citation);
    authoriseWrite(actor, { kind: 'secretariat_record' });
    const issues: FieldIssue[] = [];
    checkCitation(citation, issues);
    if (issues.length) fail(issues);
    return this.store.transaction(async (tx) => {
      const port = tx.port(DOCUMENTS_TX);
      const before = isDocumentId(id) ? await port.get(id) : null;
      if (!before) throw notFound(`No document with id "${id.slice(0, 60)}".`);
      return recordChange<DocumentView>(tx, actor, now, {
        recordType: 'document',
        recordKey: documentHistoryKey(id),
        country: before.countries.length === 1 ? (before.countries[0] as string) : null,
        action: 'delete',
        before,
        after: null,
        citation,
        apply: () => port.delete(id),
      });
    });
  }

  private fields(input: DocumentInput, before: LibraryDocument | null) {
    return {
      titleEn: pick(text(input.titleEn), before?.titleEn ?? null) ?? '',
      titleId: pick(text(input.titleId), before?.titleId ?? null),
      kind: (pick(input.kind ?? undefined, before?.kind ?? 'other') as DocumentKind) ?? 'other',
      date: pick(text(input.date), before?.date ?? null),
      language: pick(lowerOrSame(text(input.language)), before?.language ?? null),
      instruments: pick(codes(input.instruments), before?.instruments ?? []),
      countries: pick(states(input.countries), before?.countries ?? []),
      url: pick(text(input.url), before?.url ?? null),
      confidence: pick(input.confidence ?? undefined, before?.confidence ?? 'medium'),
      notes: pick(text(input.notes), before?.notes ?? null),
    };
  }
}

function publicView(d: LibraryDocument, hasText: boolean): DocumentView {
  const { createdBy: _c, updatedBy: _u, ...rest } = d;
  return { ...rest, hasText };
}

function view(d: LibraryDocument, texts: Map<string, string>): DocumentView {
  return publicView(d, d.file ? texts.has(d.file.sha256) : false);
}

/** A refusal of the file's type: the API answers 415 (the rule names it), the portal shows it on the file field. */
export function unsupportedMedia(message: string): DomainError {
  return new DomainError('invalid', `file: ${message}`, [{ field: 'file', message, rule: 'unsupported-media-type' }]);
}

export function isUnsupportedMedia(error: unknown): boolean {
  return error instanceof DomainError && error.issues.some((i) => i.rule === 'unsupported-media-type');
}

type Named = { countries: string[]; instruments: string[] };

/** The States and instruments a document names exist in the registry (what it named before is not checked again). */
async function checkKnown(tx: RegistryWriteTx, d: Named, before: Named | null): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const [i, iso3] of d.countries.entries()) {
    if (before?.countries.includes(iso3)) continue;
    if (!(await tx.countryExists(iso3))) issues.push({ field: `countries.${i}`, message: `no ILO member State with code "${iso3}"` });
  }
  const added = d.instruments.filter((code) => !before?.instruments.includes(code));
  const known = new Set((await tx.getInstruments(added)).map((i) => i.code));
  d.instruments.forEach((code, i) => {
    if (added.includes(code) && !known.has(code))
      issues.push({ field: `instruments.${i}`, message: `no instrument with code "${code}" in the registry` });
  });
  if (issues.length) fail(issues);
}
