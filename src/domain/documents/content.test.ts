import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentDisposition, contentType, extensionOf, safeFileName, servedType, sniffDocument } from './content.ts';
import { type LibraryDocument, listField, validateDocument } from './document.ts';
import { htmlToText } from './html-text.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('documents: the type of a file, by its content', () => {
  test('PDF by its signature, HTML by its opening after a BOM and white space, text as UTF-8 without NUL', () => {
    assert.equal(contentType(bytes('%PDF-1.7\n...')), 'application/pdf');
    assert.equal(contentType(bytes('\uFEFF \n\t<!DOCTYPE HTML>\n<html>')), 'text/html');
    assert.equal(contentType(bytes('<html lang="id"><body>x')), 'text/html');
    assert.equal(contentType(bytes('<HTML>')), 'text/html');
    assert.equal(contentType(bytes('Laporan tahunan: pekerja anak')), 'text/plain');
    assert.equal(contentType(bytes('<htmlx>not html')), 'text/plain', 'only the html element itself counts');
    assert.equal(contentType(bytes(' %PDF-1.4')), 'text/plain', 'the signature must come first');
    assert.equal(contentType(new Uint8Array([0x68, 0x69, 0x00])), null, 'NUL is not plain text');
    assert.equal(contentType(new Uint8Array([0xc3, 0x28])), null, 'invalid UTF-8 is not plain text');
    assert.equal(contentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), null, 'a PNG is none of them');
  });

  test('the name must not say another type than the content', () => {
    assert.deepEqual(sniffDocument(bytes('%PDF-1.4'), 'report.PDF'), { ok: true, mediaType: 'application/pdf' });
    assert.deepEqual(sniffDocument(bytes('plain'), 'README'), { ok: true, mediaType: 'text/plain' });
    assert.deepEqual(sniffDocument(bytes('<!doctype html>'), 'page.htm'), { ok: true, mediaType: 'text/html' });
    const disguised = sniffDocument(bytes('<!doctype html><script>x</script>'), 'report.pdf');
    assert.equal(disguised.ok, false);
    assert.match((disguised as { message: string }).message, /named \.pdf, which says a PDF, but its content is an HTML document/);
    assert.match((sniffDocument(bytes('<html>'), 'notes.txt') as { message: string }).message, /content is an HTML document/);
    assert.match((sniffDocument(bytes('%PDF-1.4'), 'x.html') as { message: string }).message, /content is a PDF/);
    assert.match((sniffDocument(bytes('hello'), 'run.exe') as { message: string }).message, /\.exe are not accepted/);
    assert.match((sniffDocument(new Uint8Array(), 'a.txt') as { message: string }).message, /empty/);
  });

  test('extensions are read from the last path segment only', () => {
    assert.equal(extensionOf('a/b.c/report'), '');
    assert.equal(extensionOf('C:\\x\\y.PDF'), 'pdf');
    assert.equal(extensionOf('.htaccess'), '');
  });
});

describe('documents: file names sent back', () => {
  test('no path, quotes, CR/LF or leading dots survive; an empty name becomes "document"', () => {
    assert.equal(safeFileName('../../etc/passwd'), 'passwd');
    assert.equal(safeFileName('C:\\Users\\x\\Laporan "akhir".pdf'), 'Laporan akhir.pdf');
    assert.equal(safeFileName('a\r\nSet-Cookie: x=1.pdf'), 'aSet-Cookie x=1.pdf');
    assert.equal(safeFileName('a\r\nX: text/html.pdf'), 'html.pdf', 'a slash starts a new path segment');
    assert.equal(safeFileName('...hidden.txt'), 'hidden.txt');
    assert.equal(safeFileName('"";\r\n'), 'document');
    const long = safeFileName(`${'x'.repeat(400)}.pdf`);
    assert.equal(long.length, 150);
    assert.ok(long.endsWith('.pdf'));
  });

  test('Content-Disposition: attachment, an ASCII fallback and the UTF-8 name percent-encoded', () => {
    assert.equal(contentDisposition('survey.pdf'), `attachment; filename="survey.pdf"; filename*=UTF-8''survey.pdf`);
    const header = contentDisposition('Évaluation d\'"Aceh"\n(2026).pdf');
    assert.equal(header, `attachment; filename="_valuation dAceh(2026).pdf"; filename*=UTF-8''%C3%89valuation%20dAceh%282026%29.pdf`);
    assert.doesNotMatch(header, /[\r\n]/);
  });

  test('HTML and text are served as text/plain, a PDF as application/pdf', () => {
    assert.equal(servedType('text/html'), 'text/plain; charset=utf-8');
    assert.equal(servedType('text/plain'), 'text/plain; charset=utf-8');
    assert.equal(servedType('application/pdf'), 'application/pdf');
  });
});

describe('documents: the text of an HTML page', () => {
  test('tags, comments, scripts and styles go; entities are decoded; blocks become lines', () => {
    const text = htmlToText(
      '<!doctype html><html><head><title>Judul</title><style>p{color:red}</style><script>var secret = "<p>x</p>";</script></head>' +
        '<body><!-- hidden --><h1>Pekerja&nbsp;anak</h1><p>Usia &lt;15&gt; &amp; &#x41;&#66;C &eacute;t&eacute;</p><p>a<b>b</b>c</p></body></html>',
    );
    assert.equal(text, 'Judul\nPekerja anak\nUsia <15> & ABC été\na b c');
    assert.doesNotMatch(text, /secret|color|hidden/);
  });

  test('an unclosed script or comment hides the rest rather than leaking it', () => {
    assert.equal(htmlToText('<p>shown</p><script>never'), 'shown');
    assert.equal(htmlToText('<p>shown</p><!-- never'), 'shown');
    assert.equal(htmlToText('&#0; &#xD800; &bogus;'), '&bogus;');
  });
});

describe('documents: fields', () => {
  const doc = (over: Partial<LibraryDocument>): LibraryDocument => ({
    id: 'doc-0123456789ab',
    titleEn: 'Report',
    titleId: null,
    kind: 'report',
    date: null,
    language: null,
    instruments: [],
    countries: [],
    file: null,
    url: 'https://example.org/r',
    source: 's',
    confidence: 'medium',
    notes: null,
    createdAt: '2026-12-04T00:00:00Z',
    createdBy: 1,
    updatedAt: '2026-12-04T00:00:00Z',
    updatedBy: 1,
    ...over,
  });
  const fields = (d: LibraryDocument) => validateDocument(d, 2026).map((i) => i.field);

  test('a date is a year, a month or a day, unknown when empty, not in a future year', () => {
    assert.deepEqual(fields(doc({ date: '2024' })), []);
    assert.deepEqual(fields(doc({ date: '2024-02' })), []);
    assert.deepEqual(fields(doc({ date: '2024-02-29' })), []);
    assert.deepEqual(fields(doc({ date: '2023-02-29' })), ['date']);
    assert.deepEqual(fields(doc({ date: '2027' })), ['date']);
    assert.deepEqual(fields(doc({ date: 'March 2024' })), ['date']);
  });

  test('a file or a web address is required; other schemes are refused', () => {
    assert.deepEqual(fields(doc({ url: null })), ['file']);
    assert.deepEqual(fields(doc({ url: 'javascript:alert(1)' })), ['url']);
    assert.deepEqual(fields(doc({ url: 'ftp://example.org/x' })), ['url']);
    assert.deepEqual(fields(doc({ countries: ['IDN', 'id'] })), ['countries.1']);
    assert.deepEqual(fields(doc({ language: 'english' })), ['language']);
    assert.deepEqual(fields(doc({ titleEn: '' })), ['title']);
  });

  test('list fields accept commas, spaces, semicolons or repeated values, once each', () => {
    assert.deepEqual(listField('C138, C182;C182  P029'), ['C138', 'C182', 'P029']);
    assert.deepEqual(listField(['IDN', 'BRA, IDN']), ['IDN', 'BRA']);
    assert.deepEqual(listField(null), []);
  });
});
