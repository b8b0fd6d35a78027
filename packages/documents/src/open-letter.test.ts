import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderOpenLetter } from './open-letter';
import { convertWithLibreOffice, countPdfPages, hasLibreOffice, nameLibreOfficeTest, readWordLayout, readWordText } from './testing/office-files';

const input = {
  communityName: '和平里北社区',
  problem: '近期，本社区部分居民将电动自行车推入楼道、电梯，并从窗口私拉电线“飞线”充电。\n电动自行车蓄电池一旦起火，燃烧迅速并释放大量有毒烟气，后果不堪设想。',
  legalBasis: [
    '《北京市物业管理条例》第七十八条第二款：禁止违反规定私拉电线、电缆为电动自行车等充电。',
    '《中华人民共和国消防法》第二十八条：任何单位、个人不得占用、堵塞、封闭疏散通道、安全出口、消防车通道。',
  ],
  requests: ['电动自行车请停放在指定的停车棚，不推入楼道、不带入电梯。', '请到集中充电设施充电，不私拉电线充电。', '请保持楼道畅通，及时清理堆放的杂物。'],
  issuer: '和平里北社区居民委员会',
  date: '2025-03-10',
};

describe('renderOpenLetter', () => {
  it('follows D.6: title, addressee, problem, quoted basis, numbered requests, consequences, contact, issuer and date', async () => {
    const lines = readWordText(await renderOpenLetter(input)).split('\n');
    const indexOf = (fragment: string): number => lines.findIndex((line) => line.includes(fragment));

    const order = [
      indexOf('致和平里北社区居民的公开信'),
      indexOf('各位居民朋友：'),
      indexOf('私拉电线“飞线”充电'),
      indexOf('《北京市物业管理条例》第七十八条'),
      indexOf('《中华人民共和国消防法》第二十八条'),
      indexOf('一、电动自行车请停放'),
      indexOf('二、请到集中充电设施'),
      indexOf('三、请保持楼道畅通'),
      indexOf('《和平里北社区居民公约》'),
      indexOf('12345市民服务热线'),
      lines.lastIndexOf('和平里北社区居民委员会'),
      indexOf('2025年3月10日'),
    ];
    expect(order.every((position) => position >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('names a local hotline beside 12345 when one is given', async () => {
    const text = readWordText(await renderOpenLetter({ ...input, hotline: '010-64212345' }));
    expect(text).toContain('拨打010-64212345或者12345市民服务热线反映');
  });

  it('refuses a letter that asks nothing of residents', async () => {
    await expect(renderOpenLetter({ ...input, requests: [] })).rejects.toThrow(RangeError);
  });

  it('lays out an A4 page in 宋体 with page numbers in the footer', async () => {
    const layout = readWordLayout(await renderOpenLetter(input));
    expect(layout).toMatchObject({ pageWidth: 11906, pageHeight: 16838, bodyFont: '宋体', created: '2025-03-10T04:00:00Z' });
    expect(layout.footerFields).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']));
  });

  it.skipIf(!hasLibreOffice)(nameLibreOfficeTest('opens in LibreOffice with the Chinese text intact'), async () => {
    const docx = await renderOpenLetter(input);
    const text = readFileSync(convertWithLibreOffice(docx, 'letter.docx', 'txt:Text (encoded):UTF8'), 'utf8');
    expect(text).toContain('各位居民朋友：');
    expect(text).toContain('12345市民服务热线');
    expect(countPdfPages(convertWithLibreOffice(docx, 'letter.docx', 'pdf'))).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
