import { MAX_BATCH_ROWS, SYNC_MAX_ROWS } from '../domain/records/batch.ts';
import type { RouteKey } from './routes.ts';

/** What each route does, in Chinese and English: the summaries of the OpenAPI document. */
export const ROUTE_DOCS: Readonly<Record<RouteKey, { readonly zh: string; readonly en: string }>> = {
  'GET /v1/calendar/{year}': {
    zh: '查询某年的工作日历（节假日、调休上班日、依据）',
    en: 'The working-day calendar of a year',
  },
  'PUT /v1/calendar/{year}': {
    zh: '载入或更正某年的官方日历（信用办）',
    en: 'Load or correct the official calendar of a year (admin)',
  },
  'POST /v1/calendar/{year}/preview': {
    zh: '预览载入某年日历将移动的未到期期限（原截止日期、新截止日期；不写入任何数据；信用办）',
    en: 'Preview which open deadlines loading a year would move, old and new due (writes nothing; admin)',
  },
  'GET /v1/deadlines': { zh: '计算 N 个工作日后的期限', en: 'The end of a period of N working days' },
  'POST /v1/records': {
    zh: '登记一条行政行为信息（可同时公示）',
    en: 'Register an administrative action (optionally publish it)',
  },
  'POST /v1/records/batch': {
    zh: `批量登记（JSON 数组，或国家标准中文表头的 CSV（UTF-8 或 GB18030）、.xlsx，至多 ${MAX_BATCH_ROWS} 条）；不超过 ${SYNC_MAX_ROWS} 条且及时完成的当场答复 200，否则答复 202 与任务地址`,
    en: `Register up to ${MAX_BATCH_ROWS.toLocaleString('en')} records (JSON, or CSV in UTF-8 or GB18030, or .xlsx); up to ${SYNC_MAX_ROWS} rows finished in time answer 200, others 202 with the job to follow`,
  },
  'GET /v1/jobs/{id}': {
    zh: '批量登记任务的进度与各行结果',
    en: "A batch registration job's progress and per-row results",
  },
  'GET /v1/records/{id}': { zh: '查看本机关的一条记录', en: "One of the agency's records" },
  'GET /v1/records/{id}/upstream': {
    zh: '本机关一条记录向市公共信用信息平台报送的状态：待报送、已报送（回执号）或被退回（理由）',
    en: "One record's push to the city's credit platform: pending, accepted (with the receipt) or refused (with the platform's reason)",
  },
  'GET /v1/agency/upstream': {
    zh: '本机关按报送状态列出的记录（默认：被平台退回的）',
    en: "The agency's records by push state (by default those the platform refused)",
  },
  'POST /v1/records/{id}/publish': { zh: '公示一条已登记的记录', en: 'Publish a registered record' },
  'POST /v1/records/{id}/corrections': {
    zh: '更正记录（生成新版本，保留历史）；依变更决定更正的，同时填写该决定的日期和文书号，记录是否在其后 3 个工作日内变更',
    en: "Correct a record (a new version; history kept); a correction under a changing decision gives that decision's date and document number, and whether it came within 3 working days is kept",
  },
  'POST /v1/records/{id}/revocations': {
    zh: '依撤销决定撤回记录（立即撤出公示，保留历史）：填写撤销决定的日期、文书号和理由；超过 3 个工作日的报信用办，公示中的记录改为公开撤销说明，并通知行政相对人',
    en: "Withdraw a record under the decision that revoked it (at once; history kept): that decision's date, document number and the reason; one after 3 working days is escalated, a published record is replaced by a public revocation notice, and the entity is told",
  },
  'GET /v1/agency/records': { zh: '本机关的记录工作清单', en: "The agency's worklist" },
  'GET /v1/disclosures': { zh: '检索公示信息', en: 'Search published records' },
  'GET /v1/disclosures/{id}': {
    zh: '查看一条公示信息及其版本历史；已被撤销的，在原公示期内答复撤销说明（已撤销、撤销决定日期、文书号、理由）',
    en: 'One published record with its version history; for a revoked decision, within its publication period, the revocation notice (date, document number and reason of the revoking decision)',
  },
  'GET /v1/verifications/{code}': {
    zh: '文书核验：按核验码查验本系统出具的文书（如信用修复决定书），答复其编号、出具机关、时间和内容摘要',
    en: 'Check a document the service issued by its verification code: number, issuer, time and SHA-256',
  },
  'GET /v1/feed': {
    zh: '公开变更订阅：按提交顺序列出每一项公开变更（公示、更正、撤销、停止公示）及该记录现在的公开内容；以 after=cursor 续读，无缺漏、无重复',
    en: 'The public change feed: every change of what the public sees (published, corrected, revoked, publication ended) in commit order, with the record as the public sees it now; resume with after=cursor, with no gap and no duplicate',
  },
  'GET /v1/feed.atom': {
    zh: '公开变更订阅（Atom）：最新的公开变更，新的在前',
    en: 'The public change feed as Atom 1.0: the newest changes, newest first',
  },
  'GET /v1/open-data/disclosures.csv': {
    zh: '开放数据：全部公示信息（CSV，UTF-8 带 BOM，数据标准中文表头），逐页流式输出；不含自然人及其他不公开的记录',
    en: 'Open data: every public record as CSV (UTF-8 with BOM, the data standard’s Chinese headers), streamed page by page; never natural persons’ or other non-public records',
  },
  'GET /v1/open-data/disclosures.ndjson': {
    zh: '开放数据：全部公示信息，每行一条 JSON，逐页流式输出',
    en: 'Open data: every public record, one JSON per line, streamed page by page',
  },
  'GET /v1/open-data/manifest': {
    zh: '开放数据清单：实时文件的地址、列名，以及每日快照的日期、条数和 SHA-256',
    en: 'The open-data manifest: the live files, their columns, and the daily snapshots with row counts and SHA-256',
  },
  'GET /v1/open-data/snapshots/{date}': {
    zh: '下载某日的开放数据快照（重定向到短时有效的文件链接）',
    en: "Download a day's open-data snapshot (a redirect to a short-lived link to the file)",
  },
  'GET /v1/entity/records': {
    zh: '本主体正在公示的记录及其异议、修复状态',
    en: "The entity's own public records",
  },
  'POST /v1/objections': {
    zh: '对本主体（企业或自然人本人）已公示的记录提出异议',
    en: 'Object to one of your own published records (entity or natural person)',
  },
  'GET /v1/objections/{id}': { zh: '查看异议及处理结果', en: 'An objection and its outcome' },
  'POST /v1/objections/{id}/acceptance': {
    zh: '受理异议（注明是否需其他单位协查）',
    en: 'Accept an objection',
  },
  'POST /v1/objections/{id}/decision': { zh: '作出异议处理决定', en: 'Decide an objection' },
  'POST /v1/objections/{id}/materials/{n}/upload': {
    zh: '取得上传第 n 项材料文件的短时链接（绑定类型、大小与摘要）',
    en: 'A short-lived link to upload material n (bound to its type, size and digest)',
  },
  'POST /v1/objections/{id}/materials/{n}/receipt': {
    zh: '确认第 n 项材料已上传：核对收到的文件与摘要、类型',
    en: 'Confirm material n arrived: its bytes are checked against the digest and type',
  },
  'GET /v1/objections/{id}/materials/{n}': {
    zh: '打开第 n 项材料文件（仅异议人和决定机关，短时链接）',
    en: 'Open material n (the filer and the deciding agency only; a short-lived link)',
  },
  'GET /v1/agency/objections': { zh: '本机关待处理或已处理的异议', en: "The agency's objections" },
  'GET /v1/entity/objections': { zh: '本主体提出的异议', en: "The entity's objections" },
  'GET /v1/person/records': {
    zh: '自然人本人的记录（不公开；含已结束公示或已撤销的，不含尚未公示的）',
    en: "A natural person's own records (never public; ended and revoked ones too, not unpublished ones)",
  },
  'GET /v1/person/objections': { zh: '自然人本人提出的异议', en: "The person's own objections" },
  'POST /v1/repairs': {
    zh: '对本主体（企业或自然人本人）的处罚信息申请信用修复',
    en: 'Apply for credit repair of your own penalty (entity or natural person)',
  },
  'POST /v1/repairs/{id}/materials/{n}/upload': {
    zh: '取得上传第 n 项材料文件的短时链接（绑定类型、大小与摘要）',
    en: 'A short-lived link to upload material n (bound to its type, size and digest)',
  },
  'POST /v1/repairs/{id}/materials/{n}/receipt': {
    zh: '确认第 n 项材料已上传：核对收到的文件与摘要、类型',
    en: 'Confirm material n arrived: its bytes are checked against the digest and type',
  },
  'GET /v1/repairs/{id}/materials/{n}': {
    zh: '打开第 n 项材料文件（仅申请人和决定机关，短时链接）',
    en: 'Open material n (the applicant and the deciding agency only; a short-lived link)',
  },
  'GET /v1/repairs/{id}': { zh: '查看信用修复申请及决定', en: 'A repair application and its decision' },
  'POST /v1/repairs/{id}/decision': { zh: '作出信用修复决定', en: 'Decide a repair application' },
  'GET /v1/repairs/{id}/decision-document': {
    zh: '下载信用修复决定书（JSON 或可打印页面）',
    en: 'The repair decision document (JSON or HTML)',
  },
  'GET /v1/agency/repairs': { zh: '本机关的信用修复申请', en: "The agency's repair applications" },
  'GET /v1/agency/worklist': {
    zh: '本机关工作台首页：未公示、一个工作日内到期、已逾期、待处理异议与待决定修复申请，各列至多 20 条，期限按工作日历给出剩余或逾期工作日',
    en: "The agency's home page: registered, due within a working day, overdue, open objections and repair applications (at most 20 each), with working days left or late",
  },
  'GET /v1/entity/repairs': { zh: '本主体的信用修复申请', en: "The entity's repair applications" },
  'GET /v1/person/repairs': { zh: '自然人本人的信用修复申请', en: "The person's own repair applications" },
  'GET /v1/stats/timeliness': {
    zh: '各机关公示及时性统计（JSON 或 CSV）。按决定日期所在整月统计：日期区间扩展为所含各月的首日至末日，答复中的 from、to 即实际统计区间，以免按日相减推知未公开记录的决定日期；答复可缓存 60 秒。',
    en: 'Timeliness of publication per agency (JSON or CSV). Counted by whole months of decision: a range of days is widened to the months that hold it (the answer’s from and to give the period counted), so that differencing day ranges cannot reveal when an agency decided records the public cannot see. Answers may be cached for 60 s.',
  },
  'POST /v1/lists/entries': {
    zh: '拟列入名单（认定部门）：名单类型、主体、认定依据、所依据的记录、惩戒措施、有效期。条目为“拟列入”，当事人收到拟列入告知，可在陈述申辩期内陈述申辩；只能以本机关名义认定（agency 填写其他机关时 403）。',
    en: 'Propose a list entry (deciding agency): type, subject, basis, records, measures, validity. It starts proposed; the party is told and may state its case within the hearing period. Only in the caller’s own name (403 when agency names another).',
  },
  'GET /v1/lists': {
    zh: '公开名单查询：仅已列入的条目及其公开字段，可按名单类型、统一社会信用代码、名称、认定部门筛选（不扫表）。',
    en: 'The public lists: listed entries only, their public fields, narrowed by type, USCC, name or deciding agency (no scan).',
  },
  'GET /v1/lists/entries/{id}': {
    zh: '公开名单条目；未列入、已移出或不公开的条目一律 404。',
    en: 'One public list entry; 404 for any entry not in public view.',
  },
  'GET /v1/lists/entries/{id}/case': {
    zh: '名单条目案卷（认定部门及被列入主体本人）：陈述申辩、决定、列入与移出日期、异议与提前移出申请。',
    en: 'The entry’s case file, for the deciding agency and the party listed: statement, decision, listing and removal dates, objection and early exit.',
  },
  'POST /v1/lists/entries/{id}/statement': {
    zh: '被拟列入的主体陈述申辩（陈述申辩期内，一次）。',
    en: 'The party states its case against a proposed listing (once, within the hearing period).',
  },
  'POST /v1/lists/entries/{id}/decision': {
    zh: '认定部门作出列入或不予列入的决定（当事人已陈述申辩或陈述申辩期满后）；列入后即公开。',
    en: 'The deciding agency lists or not (after the party stated its case or the hearing period ended); listed entries are public at once.',
  },
  'POST /v1/lists/entries/{id}/objection': {
    zh: '被列入的主体对名单条目提出异议；处理期间公开显示“异议处理中”。',
    en: 'The listed party objects to the entry; the public list shows 异议处理中 until it is decided.',
  },
  'POST /v1/lists/entries/{id}/objection/decision': {
    zh: '认定部门处理名单异议：成立则移出名单，不成立则维持。',
    en: 'The deciding agency decides the objection: upheld removes the entry, rejected keeps it.',
  },
  'POST /v1/lists/entries/{id}/exit': {
    zh: '被列入的主体经信用修复申请提前移出：须满足名单的最短列入期，提交信用承诺书和已纠正失信行为的证明材料。',
    en: 'The listed party applies to leave early through credit repair: after the list’s minimum period, with a commitment and proof that the breach was put right.',
  },
  'POST /v1/lists/entries/{id}/exit/decision': {
    zh: '认定部门决定提前移出申请：批准即刻移出，不再公开。',
    en: 'The deciding agency decides an early-exit application: approval removes the entry from public view at once.',
  },
  'GET /v1/agency/lists': {
    zh: '本机关认定的名单条目（各状态，含移出日期），可按状态筛选。',
    en: 'The agency’s own list entries in every state (with removal dates), optionally by status.',
  },
  'GET /v1/entity/lists': {
    zh: '有关本主体的名单条目（拟列入、已列入、已移出等）。',
    en: 'The entries about the calling entity, in every state.',
  },
  'POST /v1/checks': {
    zh: '应查必查：办理许可、采购、招投标、财政资金、评优评先等事项前核查主体，返回其在列名单条目、适用于该事项的措施、公开记录和核查编号。',
    en: 'Check an entity before a licence, contract, tender, funding or honour: its active list entries, the measures bearing on the matter, its public records, and a check id.',
  },
  'GET /v1/checks/{id}': {
    zh: '本机关的一次核查及其执行反馈；其他机关的核查一律 403。',
    en: 'One of the agency’s own checks and its feedback; another agency’s is refused (403).',
  },
  'POST /v1/checks/{id}/feedback': {
    zh: '执行反馈：是否采取措施、理由、办理日期；期限内反馈记为按时，逾期仍可反馈并记为逾期。',
    en: 'Feedback on a check: measures applied or not, why, and when; taken after the deadline too, and marked late.',
  },
  'GET /v1/agency/checks': {
    zh: '本机关的核查记录，最新在前。',
    en: 'The agency’s own checks, newest first.',
  },
  'GET /v1/entity/checks': {
    zh: '哪些机关因何事项核查了本主体（山东省社会信用条例 第三十七条）。',
    en: 'Which agencies checked the calling entity, and for what.',
  },
  'GET /v1/stats/checks': {
    zh: '各机关联合奖惩闭环统计：核查次数、按时反馈、逾期反馈、逾期报告、采取措施（JSON 或 CSV）。',
    en: 'The joint-punishment loop per agency: checks made, feedback on time and late, escalations, measures applied (JSON or CSV).',
  },
  'POST /v1/commitments': {
    zh: '登记信用承诺：机关登记向本机关作出的告知承诺（审批替代型、证明事项型）；主体登记主动型、行业自律型承诺并注明受理单位。受理单位须在期限内核查。',
    en: 'Register a credit commitment: an agency the ones made to it (approval substitute, certification); an entity its voluntary or self-discipline ones, naming the receiving agency. The receiver verifies it in time.',
  },
  'GET /v1/commitments': {
    zh: '某主体的信用承诺公示（含信用修复型）及履约状态：履约中、已履约、未履约。',
    en: "An entity's public credit commitments (repair ones included) and how they were kept.",
  },
  'GET /v1/commitments/{id}': {
    zh: '一项信用承诺的公示内容。',
    en: 'One credit commitment as published.',
  },
  'POST /v1/commitments/{id}/verification': {
    zh: '受理单位记录核查情况（承诺属实）；逾期核查记为逾期。',
    en: 'The receiving agency records its verification; after the deadline it is marked late.',
  },
  'POST /v1/commitments/{id}/breach': {
    zh: '受理单位记录未履约：认定情况及由此作出的决定（记录编号）；承诺主体将收到通知。',
    en: 'The receiving agency records a breach, its finding and the record it led to; the entity is told.',
  },
  'GET /v1/agency/commitments': {
    zh: '本机关受理的信用承诺，可按履约状态筛选，含核查期限。',
    en: 'The commitments the calling agency received, by status, with their verification deadlines.',
  },
  'GET /v1/entity/commitments': {
    zh: '本主体的全部信用承诺及核查情况。',
    en: "The calling entity's commitments with their verification.",
  },
  'POST /v1/reports': {
    zh: '生成信用报告（PDF 与 HTML）：主体为本主体生成公共或专项报告；机关在信用核查中为被核查主体生成公共报告。返回报告编号。',
    en: 'Make a credit report (PDF and HTML): an entity of itself, public or special scope; an agency of the entity of one of its checks, public scope. Answers with the report number.',
  },
  'GET /v1/reports/{number}': {
    zh: '下载信用报告（重定向到短时有效链接）。专项报告仅主体本人可取。',
    en: 'Download a credit report (a redirect to a short-lived link). A special-scope report is for its entity only.',
  },
  'GET /v1/reports/{number}/verify': {
    zh: '核验信用报告：是否存在、范围、出具时间和文件的 SHA-256（不含内容，无需登录）。',
    en: 'Verify a credit report: whether it exists, its scope, time and the SHA-256 of its files (no content; no sign-in).',
  },
  'GET /v1/entity/reports': {
    zh: '本主体已生成的信用报告。',
    en: 'The credit reports made of the calling entity.',
  },
  'GET /v1/agencies': {
    zh: '机关名录：各决定机关的统一社会信用代码、名称与简称，按代码排序',
    en: 'The agency directory: code, name and short name of each deciding body, by code',
  },
  'PUT /v1/agencies/{uscc}': {
    zh: '登记或修改机关名称（信用办）；修改须带 If-Match（GET 所得版本），新建可不带',
    en: 'Name or rename an agency (admin); an update needs If-Match with the version read, a new entry does not',
  },
  'GET /v1/inbox': {
    zh: '本人（本单位）的站内消息，最新的在前，含未读条数',
    en: "The caller's own notifications, newest first, with the unread count",
  },
  'POST /v1/inbox/{id}/read': {
    zh: '将一条消息标为已读；他人的消息与不存在的消息同样答复 404',
    en: "Mark one notification read; another party's answers 404 like one that does not exist",
  },
  'PUT /v1/contact': {
    zh: '登记接收通知的邮箱；先发确认邮件，确认前不发送其他邮件',
    en: 'Register the e-mail address for notices; only its confirmation is sent until it is confirmed',
  },
  'GET /v1/contact': { zh: '查询登记的通知邮箱及其状态', en: 'The registered address and its status' },
  'POST /v1/contact/confirmation': {
    zh: '以确认邮件中的链接确认邮箱（无需登录）',
    en: 'Confirm an address with the token of its confirmation mail (no sign-in)',
  },
  'GET /v1/admin/mail/dead-letters': {
    zh: '多次重试后仍未发出的邮件（信用办）',
    en: 'Mail given up after its retries (admin)',
  },
  'POST /v1/admin/mail/dead-letters/{id}/retry': {
    zh: '重新发送一封被放弃的邮件（信用办）',
    en: 'Send a mail that was given up again (admin)',
  },
  'GET /v1/admin/events': { zh: '事件列表（信用办）', en: 'Events (admin)' },
  'GET /v1/admin/upstream/reconciliations': {
    zh: '与市公共信用信息平台的每日对账报告（数量、摘要、差异），新的在前',
    en: "The nightly reconciliations with the city's credit platform (counts, digests, differences), newest first",
  },
  'GET /v1/admin/escalations': {
    zh: '逾期未处理的异议与修复申请、逾期撤销或变更的记录（信用办）',
    en: 'Escalated objections and repairs, records revoked or changed late (admin)',
  },
  'GET /v1/admin/audit/verify': {
    zh: '逐条重算审计哈希链并核对各对象的当前状态（分页）',
    en: 'Recompute every audit hash chain and check each aggregate against it (paged)',
  },
  'GET /v1/openapi.json': { zh: '本接口的 OpenAPI 3.1 文档', en: 'The OpenAPI 3.1 document of this API' },
  'GET /v1/templates/{kind}': {
    zh: '批量登记的模板文件（CSV 或 .xlsx，国家标准中文表头）',
    en: 'The batch upload template of a kind (CSV or .xlsx, the standard Chinese headers)',
  },
};
