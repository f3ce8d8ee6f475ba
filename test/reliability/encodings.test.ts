/**
 * Issue 15, wrong output: legacy encodings are detected (chardet) and decoded
 * (iconv-lite) instead of published as mojibake, and one stray Latin-1 byte in
 * a UTF-8 file is repaired where it is. The sentences are invented.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { decode } from '../../pipeline/normalize/decode.ts';

const TEXT: Record<string, string> = {
  ru: 'Городской совет объявил во вторник, что новый мост через реку откроется после ремонта, который длился восемнадцать месяцев. Жители района приветствовали это решение.',
  ja: '市議会は火曜日、十八か月にわたる修理の後、川に架かる新しい橋が再開されると発表した。地域の住民はこの決定を歓迎した。',
  ar: 'أعلن مجلس المدينة يوم الثلاثاء أن الجسر الجديد فوق النهر سيعاد فتحه بعد إصلاحات استمرت ثمانية عشر شهرا. ورحب سكان الحي بهذا القرار.',
  zh: '市议会周二宣布，河上的新桥在经过十八个月的维修后将重新开放。该地区的居民对这一决定表示欢迎。',
  ko: '시의회는 화요일 강 위의 새 다리가 18개월간의 수리를 마치고 다시 개통된다고 발표했다. 지역 주민들은 이 결정을 환영했다.',
  fr: 'Le conseil municipal a annoncé mardi que le nouveau pont sur la rivière rouvrira après des réparations qui ont duré dix-huit mois.',
};

describe('encoding detection', () => {
  for (const [lang, enc] of [
    ['ru', 'windows-1251'],
    ['ru', 'koi8-r'],
    ['ja', 'shift_jis'],
    ['ja', 'euc-jp'],
    ['ar', 'windows-1256'],
    ['zh', 'gb18030'],
    ['ko', 'euc-kr'],
    ['fr', 'windows-1252'],
  ] as const) {
    it(`${lang} in ${enc} is decoded to the text, not mojibake`, () => {
      const text = `${TEXT[lang]}\n\n${TEXT[lang]}`;
      const d = decode(new Uint8Array(iconv.encode(text, enc)));
      assert.ok(d.ok, JSON.stringify(d));
      assert.equal(d.text, text, `${enc} detected as ${d.encoding}`);
    });
  }

  it('one Latin-1 byte in a UTF-8 file is repaired in place; the rest stays UTF-8', () => {
    const utf8 = Buffer.from('Der Stadtrat kündigte an, dass die Brücke über den Fluss am Dienstag wieder geöffnet wird. Café ', 'utf8');
    const bytes = Buffer.concat([utf8, Buffer.from([0xe9]), Buffer.from(' außerdem.', 'utf8')]);
    const d = decode(new Uint8Array(bytes));
    assert.ok(d.ok);
    assert.equal(d.text, 'Der Stadtrat kündigte an, dass die Brücke über den Fluss am Dienstag wieder geöffnet wird. Café é außerdem.');
    assert.match(d.encoding, /^utf-8-repaired/);
  });
});
