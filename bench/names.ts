/**
 * Deterministic, realistic-looking test data: company names, unified social credit codes and
 * ID card numbers with correct check characters. A seeded generator makes every run alike.
 */
import { idCardCheckCharacter } from '../shared/domain/identifiers/id-card.ts';
import { usccCheckCharacter } from '../shared/domain/identifiers/uscc.ts';

/** mulberry32: small, fast and good enough to spread test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

// Characters Chinese company names are commonly made of (字号).
const NAME_CHARACTERS = Array.from(
  '华鑫恒达泰兴盛源通宏瑞丰祥和安德信诚永金润福康健宁远博嘉佳美新东方正天海山林森峰盈' +
    '隆昌旺发利广聚汇合力众成创建立志明光辉耀星晨阳春秋冬夏雨雪云风雷电龙凤鹏翔飞腾骏' +
    '豪杰英俊秀丽雅静思睿智慧仁义礼恩惠泽润湘鲁齐燕赵晋豫皖苏浙闽粤桂滇黔蜀渝陕甘宁青' +
    '新疆藏蒙吉辽黑京津沪港澳台宝玉翠珍珠钻银铜铁锦绣彩虹霞晖灿烁烨炜煜焱鼎钧铭锐锋' +
    '策略航帆舟港湾洋波涛澜溪泉湖江河川谷岭岳峻崇巍嵩岱泰衡华恒久远长乐欣悦怡然卓越',
);

const TRADES = [
  '商贸',
  '科技',
  '建材',
  '餐饮管理',
  '物流',
  '食品',
  '医药',
  '机械设备',
  '电子',
  '化工',
  '建筑工程',
  '环保科技',
  '农业开发',
  '文化传媒',
  '信息技术',
  '房地产开发',
  '汽车销售',
  '服装',
  '家具',
  '印刷',
];

const SUFFIXES = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司', '集团有限公司'];

const CITIES = ['济南市', '青岛市', '淄博市', '烟台市', '潍坊市', '济宁市', '泰安市', '威海市', '临沂市'];

/** A 字号 of `length` random name characters. */
export function tradeName(random: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += pick(random, NAME_CHARACTERS);
  return out;
}

/** A city that leads many names: three names in ten start with a city, one in nine of those with this one. */
export const COMMON_CITY = '济南市';

/**
 * Unique company names: sometimes a city, a random 字号 of 2–4 characters, usually a trade and
 * a legal-form suffix (`济南市恒瑞鑫商贸有限公司`).
 */
export function companyNames(random: Random) {
  const seen = new Set<string>();
  return {
    next(core?: string, city = random() < 0.3 ? pick(random, CITIES) : ''): string {
      for (;;) {
        const body = core ?? tradeName(random, 2 + Math.floor(random() * 3));
        const trade = random() < 0.85 ? pick(random, TRADES) : '';
        const name = `${city}${body}${trade}${pick(random, SUFFIXES)}`;
        if (!seen.has(name)) {
          seen.add(name);
          return name;
        }
      }
    },
  };
}

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DIVISIONS = ['370102', '370103', '370104', '370112', '370202', '370211', '370303', '370602', '371302'];

/**
 * Unique 统一社会信用代码 with correct check characters: `91` (enterprise) or `11` (agency), a
 * Shandong division code and a nine-character organisation code from a counter.
 */
export function usccs(random: Random, prefix: '91' | '92' | '11' = '91') {
  let counter = Math.floor(random() * 1_000_000);
  return {
    next(): string {
      counter++;
      let org = '';
      for (let n = counter, i = 0; i < 9; i++, n = Math.floor(n / 31)) org = USCC_CHARSET[n % 31] + org;
      const first17 = `${prefix}${pick(random, DIVISIONS)}${org}`;
      return `${first17}${usccCheckCharacter(first17)}`;
    },
  };
}

const SURNAMES = Array.from(
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕',
);
const GIVEN = Array.from('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰斌波辉');

export function personName(random: Random): string {
  return `${pick(random, SURNAMES)}${pick(random, GIVEN)}${random() < 0.6 ? pick(random, GIVEN) : ''}`;
}

/** A 居民身份证号码 with a correct check character, born 1960–1999. */
export function idCardNumber(random: Random): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const birth = `${1960 + Math.floor(random() * 40)}${pad(1 + Math.floor(random() * 12), 2)}${pad(1 + Math.floor(random() * 28), 2)}`;
  const first17 = `${pick(random, DIVISIONS)}${birth}${pad(Math.floor(random() * 1000), 3)}`;
  return `${first17}${idCardCheckCharacter(first17)}`;
}
