import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeDocx } from './office-files';

/** The stored entries of a zip, read from its central directory. */
function entriesOf(zip: Buffer): Map<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = new Map<string, string>();
  for (let index = 0; index < count; index++) {
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extra = zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const local = zip.readUInt32LE(offset + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    offset += 46 + nameLength + extra;
  }
  return entries;
}

describe('makeDocx', () => {
  it('is a Word package: content types, relationships and the paragraph, escaped', () => {
    const entries = entriesOf(makeDocx('第一稿 <草案> & 附件'));
    expect([...entries.keys()]).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(entries.get('[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
    expect(entries.get('word/document.xml')).toContain('第一稿 &lt;草案&gt; &amp; 附件');
  });
});
