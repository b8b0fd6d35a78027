import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv, readTable } from './tables';

describe('reading a street office spreadsheet', () => {
  it('parses quoted CSV cells, CRLF and tabs', () => {
    expect(parseCsv('工单编号,问题分类\r\n"A,1","说""明"\r\n\r\n')).toEqual([['工单编号', '问题分类'], ['A,1', '说"明']]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads UTF-8 with a BOM and GB18030 alike', async () => {
    const utf8 = await readTable(new TextEncoder().encode('\uFEFF工单编号,所属社区\nA1,龙潭社区\n'), 'x.csv');
    expect(utf8).toEqual({ ok: true, format: 'csv', rows: [['工单编号', '所属社区'], ['A1', '龙潭社区']] });
    // 工单编号,龙潭社区 in GB18030, as Excel on a Chinese Windows saves CSV.
    const gb = Buffer.from('b9a4b5a5b1e0bac52cc1faccb6c9e7c7f80a', 'hex');
    expect(await readTable(gb, 'x.csv')).toEqual({ ok: true, format: 'csv', rows: [['工单编号', '龙潭社区']] });
  });

  it('reads Excel’s “Unicode text” (UTF-16 with a byte-order mark, tab-separated)', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('工单编号\t所属社区\r\nA1\t龙潭社区\r\n', 'utf16le')]);
    expect(await readTable(utf16, '工单.txt')).toEqual({ ok: true, format: 'csv', rows: [['工单编号', '所属社区'], ['A1', '龙潭社区']] });
  });

  it('reads the first sheet of an .xlsx, a date cell as its wall clock', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('工单');
    sheet.addRow(['工单编号', '受理时间', '数量']);
    sheet.addRow(['A1', new Date(Date.UTC(2026, 2, 5, 14, 22, 10)), 3]);
    sheet.addRow([]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readTable(bytes, '三月.xlsx')).toEqual({ ok: true, format: 'xlsx', rows: [['工单编号', '受理时间', '数量'], ['A1', '2026-03-05 14:22:10', '3']] });
  });

  it('refuses what it cannot read', async () => {
    expect(await readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'old.xls')).toEqual({ ok: false, reason: 'unsupported' });
    expect(await readTable(new TextEncoder().encode('PK\u0003\u0004garbage'), 'x.xlsx')).toEqual({ ok: false, reason: 'unreadable' });
    expect(await readTable(new TextEncoder().encode('%PDF-1.7'), 'x.pdf')).toEqual({ ok: false, reason: 'unsupported' });
    expect(await readTable(new TextEncoder().encode('\n\n'), 'x.csv')).toEqual({ ok: false, reason: 'empty' });
  });
});
