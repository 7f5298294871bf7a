-- 名单认定 (issue 9): the notice period (告知) per list type, which the four
-- eyes of publishing wait for, and the time an objection may take; measures that belong to one list type only;
-- the 申报关注名单 of 五(十)4; and the 条例 called by its right name.

-- Days between 告知 and the earliest 公示: the subject's time to respond.
ALTER TABLE list_types ADD COLUMN IF NOT EXISTS notice_days bigint NOT NULL DEFAULT 5
  CHECK (notice_days BETWEEN 0 AND 90);

-- Days an objection (异议) may take before it is decided (upheld or
-- revoked); past them it is overdue.
ALTER TABLE list_types ADD COLUMN IF NOT EXISTS objection_days bigint NOT NULL DEFAULT 15
  CHECK (objection_days BETWEEN 1 AND 90);

-- A measure with a list type applies to that type only; without one, to
-- every type of its class.
ALTER TABLE measures ADD COLUMN IF NOT EXISTS list_type text COLLATE "C" REFERENCES list_types (key);

INSERT INTO list_types (key, class, name, description, default_years) VALUES
  ('declaration_watch', 'watch', '申报关注名单',
   '进口环节故意不实申报的主体，由海关列入，加强申报复核；过失申报不符的主体适用免罚机制，不列入。', 1);

-- The smuggling 预警名单's own measures (重点检查 is the class's), and the
-- 经营异常名录's.
UPDATE measures SET list_type = 'smuggling_alert' WHERE code IN ('watch.risk_alert', 'watch.customs_check');
UPDATE measures SET list_type = 'abnormal' WHERE code = 'watch.annual_report';

INSERT INTO measures (code, class, name, kind, legal_basis, list_type) VALUES
  ('watch.smuggling_case_sharing', 'watch', '加强涉嫌走私案件信息共享和公示', 'supervision',
   '《海南省“十四五”社会信用体系建设规划》五（十）4；《海南自由贸易港反走私工作规定》', 'smuggling_alert'),
  ('watch.no_tax_free_shopping', 'watch', '依法限制购买离岛免税商品', 'supervision',
   '《财政部 海关总署 税务总局关于海南离岛旅客免税购物政策的公告》（2020年第33号）', 'smuggling_alert'),
  ('watch.declaration_review', 'watch', '加强申报复核', 'supervision',
   '《海南省“十四五”社会信用体系建设规划》五（十）4；《中华人民共和国海关法》', 'declaration_watch'),
  ('watch.declaration_analysis', 'watch', '加强申报行为数据分析，重点核查申报税号类别', 'supervision',
   '《海南省“十四五”社会信用体系建设规划》五（十）4', 'declaration_watch'),
  ('watch.no_declaration_leniency', 'watch', '不适用过失申报免罚机制', 'supervision',
   '《海南省“十四五”社会信用体系建设规划》五（十）4', 'declaration_watch'),
  ('watch.abnormal_publicity', 'watch', '通过国家企业信用信息公示系统公示', 'supervision',
   '《企业经营异常名录管理暂行办法》', 'abnormal');

-- 《海南自由贸易港社会信用条例》 is the 条例's name; some measures and the
-- demo entries called it 《海南省社会信用条例》.
UPDATE measures SET legal_basis = replace (legal_basis, '《海南省社会信用条例》', '《海南自由贸易港社会信用条例》')
 WHERE strpos (legal_basis, '《海南省社会信用条例》') > 0;
UPDATE list_entries SET basis = replace (basis, '《海南省社会信用条例》', '《海南自由贸易港社会信用条例》')
 WHERE strpos (basis, '《海南省社会信用条例》') > 0;
