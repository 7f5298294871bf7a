-- 名单: list types are data; entries with their measures and history.
CREATE TABLE list_types (
  key            TEXT    PRIMARY KEY,
  class          TEXT    NOT NULL CHECK (class IN ('red', 'black', 'watch')),
  name           TEXT    NOT NULL,
  description    TEXT    NOT NULL DEFAULT '',
  default_years  INTEGER NOT NULL DEFAULT 3 CHECK (default_years BETWEEN 1 AND 10)
);

-- 措施清单: measures belong to a list class, so every type of that class
-- (重点关注名单, 经营异常名录, 走私预警名单 …) draws from the same list.
CREATE TABLE measures (
  id           INTEGER PRIMARY KEY,
  code         TEXT    NOT NULL UNIQUE,
  class        TEXT    NOT NULL CHECK (class IN ('red', 'black', 'watch')),
  name         TEXT    NOT NULL,
  kind         TEXT    NOT NULL CHECK (kind IN ('incentive', 'restriction', 'supervision')),
  legal_basis  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX measures_class ON measures (class, id);

CREATE TABLE list_entries (
  id               INTEGER PRIMARY KEY,
  list_type        TEXT    NOT NULL REFERENCES list_types (key),
  subject_id       INTEGER NOT NULL REFERENCES subjects (id),
  department_id    INTEGER NOT NULL REFERENCES departments (id),
  region           TEXT    NOT NULL,
  basis            TEXT    NOT NULL,        -- legal basis
  facts            TEXT    NOT NULL DEFAULT '',
  state            TEXT    NOT NULL DEFAULT 'proposed'
                   CHECK (state IN ('proposed', 'noticed', 'published', 'objected',
                                    'repaired', 'exited', 'expired')),
  decided_on       TEXT,
  published_from   TEXT,
  published_until  TEXT,
  version          INTEGER NOT NULL DEFAULT 1,
  created_by       TEXT    NOT NULL,
  created_at       TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL
);
CREATE INDEX list_entries_type_state ON list_entries (list_type, state, id);
CREATE INDEX list_entries_type       ON list_entries (list_type, id);
CREATE INDEX list_entries_subject    ON list_entries (subject_id, state);
-- One open entry per subject and list type.
CREATE UNIQUE INDEX list_entries_open ON list_entries (subject_id, list_type)
  WHERE state IN ('proposed', 'noticed', 'published', 'objected');

CREATE TABLE list_entry_measures (
  entry_id    INTEGER NOT NULL REFERENCES list_entries (id) ON DELETE CASCADE,
  measure_id  INTEGER NOT NULL REFERENCES measures (id),
  PRIMARY KEY (entry_id, measure_id)
) WITHOUT ROWID;

CREATE TABLE list_entry_history (
  id          INTEGER PRIMARY KEY,
  entry_id    INTEGER NOT NULL REFERENCES list_entries (id) ON DELETE CASCADE,
  action      TEXT    NOT NULL,
  from_state  TEXT,
  to_state    TEXT    NOT NULL,
  reason      TEXT    NOT NULL DEFAULT '',
  actor       TEXT    NOT NULL,
  at          TEXT    NOT NULL
);
CREATE INDEX list_entry_history_entry ON list_entry_history (entry_id, id);

-- 名单自动比对: each batch match and its hits (效果自动反馈). A hit keeps the
-- list type and class it had then, so the statistics do not move when the
-- entry later changes.
CREATE TABLE match_runs (
  id           INTEGER PRIMARY KEY,
  actor        TEXT    NOT NULL,
  at           TEXT    NOT NULL,
  purpose      TEXT    NOT NULL DEFAULT '',
  subjects     INTEGER NOT NULL,
  invalid      INTEGER NOT NULL DEFAULT 0,
  hits         INTEGER NOT NULL,
  duration_ms  INTEGER NOT NULL
);

CREATE TABLE match_hits (
  run_id      INTEGER NOT NULL REFERENCES match_runs (id) ON DELETE CASCADE,
  entry_id    INTEGER NOT NULL REFERENCES list_entries (id),
  identifier  TEXT    NOT NULL,
  list_type   TEXT    NOT NULL,
  list_class  TEXT    NOT NULL,
  PRIMARY KEY (run_id, entry_id)
) WITHOUT ROWID;

-- The base list types and the 措施清单 (professional measures per class).
INSERT INTO list_types (key, class, name, description, default_years) VALUES
  ('red', 'red', '守信激励名单',
   '诚信典型和连续三年无不良信用记录的市场主体，依法依规实施守信激励。', 3),
  ('black', 'black', '严重失信主体名单',
   '依照法律、法规和党中央、国务院政策文件认定的严重失信主体，依法依规实施失信惩戒。', 3),
  ('watch', 'watch', '重点关注名单',
   '存在失信行为但尚未达到严重失信主体认定标准的市场主体，实施重点监管。', 1),
  ('abnormal', 'watch', '经营异常名录',
   '未按规定公示年度报告、通过登记的住所无法联系等情形，由市场监管部门列入。', 3),
  ('smuggling_alert', 'watch', '走私预警名单',
   '海南自由贸易港离岛免税、进口等环节存在走私风险的主体，由海关等部门列入并预警。', 2);

INSERT INTO measures (code, class, name, kind, legal_basis) VALUES
  ('red.green_channel', 'red', '行政审批“绿色通道”，容缺受理', 'incentive',
   '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）'),
  ('red.fiscal_priority', 'red', '优先安排财政性资金项目', 'incentive',
   '国发〔2016〕33号；《海南省社会信用条例》'),
  ('red.fewer_inspections', 'red', '降低“双随机、一公开”抽查比例和频次', 'incentive',
   '《国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）'),
  ('red.procurement_bonus', 'red', '政府采购、招标投标中予以信用加分', 'incentive',
   '国发〔2016〕33号'),
  ('red.credit_loans', 'red', '优先推荐“信易贷”，给予融资便利', 'incentive',
   '《海南省“信易贷”工作实施方案》'),
  ('red.publicity', 'red', '在“信用中国（海南）”网站宣传推介', 'incentive',
   '《海南省社会信用条例》'),
  ('red.tax_a_grade', 'red', '纳税信用A级纳税人享受便利服务', 'incentive',
   '《纳税信用管理办法（试行）》'),
  ('black.procurement_ban', 'black', '限制参与政府采购和招标投标', 'restriction',
   '《中华人民共和国政府采购法》第二十二条；国发〔2016〕33号'),
  ('black.no_subsidies', 'black', '限制获得政府资金支持和补贴', 'restriction',
   '国发〔2016〕33号'),
  ('black.no_legal_rep', 'black', '限制担任法定代表人、董事、监事、高级管理人员', 'restriction',
   '《中华人民共和国公司法》第一百七十八条；国发〔2016〕33号'),
  ('black.more_inspections', 'black', '提高检查频次，列为重点监管对象', 'restriction',
   '国办发〔2019〕35号'),
  ('black.no_honours', 'black', '限制参评表彰奖励', 'restriction',
   '国发〔2016〕33号'),
  ('black.consumption_limit', 'black', '限制高消费（被执行人）', 'restriction',
   '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》'),
  ('black.market_access', 'black', '限制市场准入和行政许可', 'restriction',
   '《全国失信惩戒措施基础清单》；《海南省社会信用条例》'),
  ('black.publicity', 'black', '通过“信用中国（海南）”网站依法公示', 'restriction',
   '《海南省社会信用条例》'),
  ('watch.daily_supervision', 'watch', '加强日常监管，增加检查频次', 'supervision',
   '国办发〔2019〕35号'),
  ('watch.key_inspection', 'watch', '列为重点检查对象', 'supervision',
   '国办发〔2019〕35号'),
  ('watch.no_simplified', 'watch', '不适用告知承诺制等简化程序', 'supervision',
   '《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）'),
  ('watch.interview', 'watch', '开展信用约谈和提醒', 'supervision',
   '《海南省社会信用条例》'),
  ('watch.risk_alert', 'watch', '向有关部门推送风险预警信息', 'supervision',
   '《海南自由贸易港反走私工作规定》；国办发〔2019〕35号'),
  ('watch.customs_check', 'watch', '提高进出岛货物查验比例', 'supervision',
   '《中华人民共和国海关法》；《海南自由贸易港法》'),
  ('watch.annual_report', 'watch', '督促补报年度报告并公示', 'supervision',
   '《企业信息公示暂行条例》；《企业经营异常名录管理暂行办法》');
