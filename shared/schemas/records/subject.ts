import * as z from 'zod';
import { idCardProblem } from '../../domain/identifiers/id-card.ts';
import { isUscc } from '../../domain/identifiers/uscc.ts';
import { describeField, SUBJECT_FIELDS } from '../../domain/records/fields.ts';
import { ID_TYPES, type IdType, SUBJECT_CATEGORIES } from '../../domain/records/vocabulary.ts';
import { USCC_LENGTH } from '../common.ts';
import { issue } from '../issue.ts';
import { MAX_LENGTH } from '../limits.ts';
import { line } from '../text.ts';

const about = (field: string): { description: string } => ({
  description: describeField(SUBJECT_FIELDS, field),
});

const code = line(MAX_LENGTH.code).regex(
  /^[0-9A-Za-z-]+$/,
  issue('invalid_code', '只能包含字母、数字和连字符', 'letters, digits and hyphens only'),
);

const invalidUscc = issue(
  'invalid_uscc',
  '统一社会信用代码格式或校验位错误',
  'not a valid unified social credit code (format or check character)',
);
const uscc = z
  .string()
  .max(USCC_LENGTH, { ...invalidUscc, abort: true })
  .refine(isUscc, invalidUscc);

const idNumber = line(MAX_LENGTH.idNumber);

export const subjectSchema = z
  .strictObject({
    category: z.enum(SUBJECT_CATEGORIES).meta(about('category')),
    name: line(MAX_LENGTH.subjectName).meta(about('name')),
    uscc: uscc.optional().meta(about('uscc')),
    businessRegNo: code.optional().meta(about('businessRegNo')),
    orgCode: code.optional().meta(about('orgCode')),
    taxNo: code.optional().meta(about('taxNo')),
    institutionCertNo: code.optional().meta(about('institutionCertNo')),
    socialOrgCertNo: code.optional().meta(about('socialOrgCertNo')),
    legalRepresentative: line(MAX_LENGTH.legalRepresentative).optional().meta(about('legalRepresentative')),
    legalRepresentativeIdType: z.enum(ID_TYPES).optional().meta(about('legalRepresentativeIdType')),
    legalRepresentativeIdNumber: idNumber.optional().meta(about('legalRepresentativeIdNumber')),
    idType: z.enum(ID_TYPES).optional().meta(about('idType')),
    idNumber: idNumber.optional().meta(about('idNumber')),
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

export function checkIdNumber(
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
      '身份证号码中的出生日期不存在或晚于今天',
      'the birth date in the ID card number is not a real date, or lies in the future',
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
