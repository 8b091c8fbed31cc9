import * as z from 'zod';
import { idCardProblem } from '../../domain/identifiers/id-card.ts';
import { isUscc } from '../../domain/identifiers/uscc.ts';
import { issue } from '../issue.ts';
import { line } from '../text.ts';

export const SUBJECT_CATEGORIES = ['legal_person', 'individual_business', 'natural_person'] as const;

/** 证件类型 of the data standard, as codes; the Chinese labels are in ID_TYPE_LABELS. */
export const ID_TYPES = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_resident_id',
  'other',
] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident_id: '身份证',
  passport: '护照号',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent_resident_id: '外国人永久居留身份证',
  other: '其他',
};

const code = line(50).regex(
  /^[0-9A-Za-z-]+$/,
  issue('invalid_code', '只能包含字母、数字和连字符', 'letters, digits and hyphens only'),
);

const uscc = z
  .string()
  .refine(
    isUscc,
    issue(
      'invalid_uscc',
      '统一社会信用代码格式或校验位错误',
      'not a valid unified social credit code (format or check character)',
    ),
  );

const idNumber = line(40);

export const subjectSchema = z
  .strictObject({
    category: z.enum(SUBJECT_CATEGORIES).meta({ description: '行政相对人类别' }),
    name: line(200).meta({ description: '行政相对人名称' }),
    uscc: uscc.optional().meta({ description: '统一社会信用代码' }),
    businessRegNo: code.optional().meta({ description: '工商注册号' }),
    orgCode: code.optional().meta({ description: '组织机构代码' }),
    taxNo: code.optional().meta({ description: '税务登记号' }),
    institutionCertNo: code.optional().meta({ description: '事业单位证书号' }),
    socialOrgCertNo: code.optional().meta({ description: '社会组织登记证号' }),
    legalRepresentative: line(50).optional().meta({ description: '法定代表人' }),
    legalRepresentativeIdType: z.enum(ID_TYPES).optional().meta({ description: '法定代表人证件类型' }),
    legalRepresentativeIdNumber: idNumber.optional().meta({ description: '法定代表人证件号码' }),
    idType: z.enum(ID_TYPES).optional().meta({ description: '证件类型（自然人）' }),
    idNumber: idNumber.optional().meta({ description: '证件号码（自然人）' }),
  })
  .superRefine((s, ctx) => {
    const fail = (path: string, code: string, zh: string, en: string) =>
      ctx.addIssue({ code: 'custom', path: [path], ...issue(code, zh, en) });
    if (s.category !== 'natural_person' && !s.uscc) {
      fail(
        'uscc',
        'uscc_required',
        '法人、非法人组织和个体工商户须填统一社会信用代码',
        'uscc is required for organisations and individual businesses',
      );
    }
    if (s.category === 'natural_person') {
      if (s.uscc)
        fail('uscc', 'uscc_not_allowed', '自然人没有统一社会信用代码', 'a natural person has no uscc');
      if (!s.idType)
        fail('idType', 'id_type_required', '自然人须填证件类型', 'idType is required for a natural person');
      if (!s.idNumber)
        fail(
          'idNumber',
          'id_number_required',
          '自然人须填证件号码',
          'idNumber is required for a natural person',
        );
    } else if (s.idType || s.idNumber) {
      fail(
        'idNumber',
        'id_not_allowed',
        '证件类型和号码只适用于自然人',
        'idType and idNumber are for natural persons only',
      );
    }
    if (s.legalRepresentativeIdNumber && !s.legalRepresentativeIdType) {
      fail(
        'legalRepresentativeIdType',
        'id_type_required',
        '填写证件号码时须填证件类型',
        'an id number needs its id type',
      );
    }
    checkIdNumber(s.idType, s.idNumber, 'idNumber', fail);
    checkIdNumber(
      s.legalRepresentativeIdType,
      s.legalRepresentativeIdNumber,
      'legalRepresentativeIdNumber',
      fail,
    );
  })
  .meta({ id: 'Subject', description: '行政相对人 / the subject of the action' });

function checkIdNumber(
  type: IdType | undefined,
  value: string | undefined,
  path: string,
  fail: (path: string, code: string, zh: string, en: string) => void,
): void {
  if (type !== 'resident_id' || value === undefined) return;
  const problem = idCardProblem(value);
  if (problem === 'check_character')
    fail(path, 'invalid_id_check', '身份证号码校验位错误', 'the ID card number has a wrong check character');
  else if (problem === 'birth_date')
    fail(
      path,
      'invalid_id_birth_date',
      '身份证号码中的出生日期不存在',
      'the birth date in the ID card number does not exist',
    );
  else if (problem)
    fail(
      path,
      'invalid_id_format',
      '身份证号码须为 17 位数字加校验位',
      'an ID card number is 17 digits and a check character',
    );
}

export type Subject = z.infer<typeof subjectSchema>;
