import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('CSV export', () => {
  it('starts with a byte-order mark and ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', 2]])).toBe('\uFEFFa,b\r\n1,2\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling quotes (RFC 4180)', () => {
    expect(toCsv(['x'], [['Docks, north'], ['said "hi"'], ['two\nlines'], ['cr\rhere']])).toBe('\uFEFFx\r\n"Docks, north"\r\n"said ""hi"""\r\n"two\nlines"\r\n"cr\rhere"\r\n');
  });

  it.each(['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR'])('defuses a formula: %j', (value) => {
    const line = toCsv(['x'], [[value]]).split('\r\n')[1] ?? '';
    expect(line.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('leaves empty and ordinary values as they are, accents included', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, 'Zoë']])).toBe('\uFEFFa,b,c\r\n,,Zoë\r\n');
  });
});
