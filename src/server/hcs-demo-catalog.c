/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo 公共信用信息目录: versions 2021–2025 of Hainan's catalog, with the
 * items, 信源单位, disclosure and legal basis the plan's domains call for,
 * and collected counts whose 归集率 rises from about 82% to 93%. */
#define G_LOG_DOMAIN "hcs-demo-catalog"

#include "config.h"

#include <string.h>

#include "hcs-demo.h"
#include "hcs-store-catalog.h"

#define FIRST_YEAR 2021
#define LAST_YEAR  2025   /* a draft; the years before are published */

/* Share of items effectively collected, per year from FIRST_YEAR. */
static const double collection_share[] = { 0.82, 0.85, 0.88, 0.91, 0.93 };

#define LP  "legal_person"
#define UN  "unincorporated"
#define NP  "natural_person"
#define PUB "public"
#define CON "conditional"
#define RES "restricted"

/* 法律依据 */
#define AND     "、"
#define B_ML    "《全国公共信用信息基础目录》"
#define B_GSTL  "《企业信息公示暂行条例》"
#define B_DJTL  "《中华人民共和国市场主体登记管理条例》"
#define B_XK    "《中华人民共和国行政许可法》"
#define B_CF    "《中华人民共和国行政处罚法》"
#define B_SXBZX "《最高人民法院关于公布失信被执行人名单信息的若干规定》"
#define B_XFXL  "《最高人民法院关于限制被执行人高消费及有关消费的若干规定》"
#define B_NSXY  "《纳税信用管理办法（试行）》"
#define B_SSZG  "《中华人民共和国税收征收管理法》"
#define B_SB    "《中华人民共和国社会保险法》"
#define B_GJJ   "《住房公积金管理条例》"
#define B_YZSX  "《市场监督管理严重违法失信名单管理办法》"
#define B_YCML  "《企业经营异常名录管理暂行办法》"
#define B_GZCN  "《国务院办公厅关于全面推行证明事项告知承诺制的指导意见》"
#define B_35H   "《国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）"
#define B_HGXY  "《中华人民共和国海关注册登记和备案企业信用管理办法》"
#define B_HJXY  "《企业环境信用评价办法（试行）》"
#define B_ZDSS  "《重大税收违法失信主体信息公布管理办法》"
#define B_NMG   "《保障农民工工资支付条例》"
#define B_AQ    "《中华人民共和国安全生产法》"
#define B_ZFCG  "《中华人民共和国政府采购法实施条例》"
#define B_TJ    "《中华人民共和国统计法实施条例》"
#define B_YBJJ  "《医疗保障基金使用监督管理条例》"
#define B_WL    "《文化和旅游市场信用管理规定》"
#define B_SP    "《中华人民共和国食品安全法》"
#define B_YP    "《中华人民共和国药品管理法》"
#define B_HB    "《中华人民共和国环境保护法》"
#define B_SHZZ  "《社会组织信用信息管理办法》"
#define B_JZ    "《建筑市场信用管理暂行办法》"
#define B_XYTL  "《海南自由贸易港社会信用条例》"
#define B_XF    "《失信行为纠正后的信用信息修复管理办法（试行）》"
#define B_LDMS  "《财政部 海关总署 税务总局关于海南离岛旅客免税购物政策的公告》（2020年第33号）"
#define B_HGF   "《中华人民共和国海关法》"
#define B_ZL    "《中华人民共和国专利法》"
#define B_XFF   "《中华人民共和国消防法》"
#define B_WHP   "《危险化学品安全管理条例》"
#define B_DLYS  "《中华人民共和国道路运输条例》"
#define B_QXK   "《取水许可和水资源费征收管理条例》"
#define B_KCZY  "《中华人民共和国矿产资源法》"
#define B_TDGL  "《中华人民共和国土地管理法》"
#define B_SL    "《中华人民共和国森林法》"
#define B_HYSY  "《中华人民共和国海域使用管理法》"
#define B_NYY   "《农药管理条例》"
#define B_ZZ    "《中华人民共和国种子法》"
#define B_SYY   "《兽药管理条例》"
#define B_RLZY  "《人力资源市场暂行条例》"
#define B_LWPQ  "《劳务派遣行政许可实施办法》"
#define B_MBJY  "《中华人民共和国民办教育促进法》"
#define B_YLJG  "《医疗机构管理条例》"
#define B_GGCS  "《公共场所卫生管理条例》"
#define B_YS    "《中华人民共和国医师法》"
#define B_KD    "《快递暂行条例》"
#define B_DX    "《中华人民共和国电信条例》"
#define B_LXS   "《旅行社条例》"
#define B_YLCS  "《娱乐场所管理条例》"
#define B_MH    "《中华人民共和国民用航空法》"
#define B_HSAQ  "《中华人民共和国海上交通安全法》"
#define B_CY    "《中华人民共和国船员条例》"
#define B_YH    "《中华人民共和国银行业监督管理法》"
#define B_ZQ    "《中华人民共和国证券法》"
#define B_WHGL  "《中华人民共和国外汇管理条例》"
#define B_FLDK  "《地方金融监督管理条例》"
#define B_LS    "《中华人民共和国律师法》"
#define B_SFJD  "《全国人民代表大会常务委员会关于司法鉴定管理问题的决定》"
#define B_STDJ  "《社会团体登记管理条例》"
#define B_JG    "《中华人民共和国价格法》"
#define B_ZTB   "《中华人民共和国招标投标法实施条例》"
#define B_KJJL  "《国家科学技术奖励条例》"
#define B_QX    "《气象灾害防御条例》"
#define B_TZZ   "《特种设备安全法》"
#define B_GYCP  "《中华人民共和国工业产品生产许可证管理条例》"
#define B_WSTZ  "《中华人民共和国外商投资法》"
#define B_DWMY  "《中华人民共和国对外贸易法》"
#define B_XZQZ  "《中华人民共和国行政强制法》"
#define B_SJSC  "《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的指导意见》"
#define B_WLJY  "《网络交易监督管理办法》"
#define B_FDC   "《房地产开发经营业务管理条例》"
#define B_WY    "《物业管理条例》"
#define B_JRDB  "《融资担保公司监督管理条例》"

/* 公示期限 */
#define P_LONG  "长期"
#define P_VALID "许可有效期内"
#define P_CF    "3个月至3年（按处罚类别）"
#define P_SX    "至履行义务或依法撤销"
#define P_3Y    "3年"
#define P_1Y    "1年"
#define P_5Y    "5年"
#define P_YC    "至移出名录"
#define P_NO    "不予公示"

typedef struct
{
  const char *category;
  const char *name;
  const char *subject_type;
  const char *department;        /* the 信源单位's code */
  const char *disclosure;
  const char *frequency;
  const char *legal_basis;
  const char *publicity_period;
  guint       volume;            /* records expected in FIRST_YEAR */
  guint16     since;             /* first year in the catalog; 0: FIRST_YEAR */
  guint16     until;             /* last year in the catalog; 0: still there */
} DemoItem;

static const DemoItem items[] = {
  /* 登记注册基本信息 */
  { "registration", "企业登记注册信息", LP, "SCJG", PUB, "daily", B_DJTL AND B_GSTL, P_LONG, 310000 },
  { "registration", "个体工商户登记信息", UN, "SCJG", PUB, "daily", B_DJTL, P_LONG, 620000 },
  { "registration", "农民专业合作社登记信息", UN, "SCJG", PUB, "daily", B_DJTL, P_LONG, 21000 },
  { "registration", "企业年度报告信息", LP, "SCJG", PUB, "yearly", B_GSTL, P_LONG, 260000 },
  { "registration", "企业即时公示信息", LP, "SCJG", PUB, "daily", B_GSTL, P_LONG, 48000 },
  { "registration", "社会组织登记信息", UN, "MZ", PUB, "monthly", B_STDJ, P_LONG, 7800 },
  { "registration", "律师事务所执业登记信息", UN, "SF", PUB, "monthly", B_LS, P_LONG, 260 },
  { "registration", "司法鉴定机构登记信息", UN, "SF", PUB, "quarterly", B_SFJD, P_LONG, 60 },
  { "registration", "外商投资信息报告", LP, "SWU", CON, "monthly", B_WSTZ, P_LONG, 9500 },
  { "registration", "对外贸易经营者备案登记信息", LP, "SWU", PUB, "monthly", B_DWMY, P_LONG, 14000 },
  { "registration", "报关单位备案信息", LP, "HG", PUB, "daily", B_HGF, P_LONG, 16000 },
  { "registration", "纳税人登记信息", LP, "SW", CON, "daily", B_SSZG, P_LONG, 420000 },
  { "registration", "社会保险登记信息", LP, "RS", CON, "monthly", B_SB, P_LONG, 180000 },
  { "registration", "医疗机构执业登记信息", UN, "WJW", PUB, "monthly", B_YLJG, P_LONG, 6100 },
  { "registration", "药品经营企业备案信息", LP, "YJJ", PUB, "monthly", B_YP, P_LONG, 5200 },
  { "registration", "小额贷款公司和融资担保公司名录", LP, "JR", PUB, "quarterly", B_JRDB, P_LONG, 180 },
  { "registration", "消防技术服务机构信息", LP, "XF", PUB, "quarterly", B_XFF, P_LONG, 120 },
  { "registration", "船舶登记信息", LP, "HS", CON, "monthly", B_HSAQ, P_LONG, 4300 },
  { "registration", "专利代理机构信息", LP, "ZSCQ", PUB, "quarterly", B_ZL, P_LONG, 90 },
  { "registration", "民办学校办学登记信息", UN, "JY", PUB, "quarterly", B_MBJY, P_LONG, 1400 },
  { "registration", "网络交易平台经营者信息", LP, "SCJG", PUB, "monthly", B_WLJY, P_LONG, 3200, 2022 },

  /* 行政许可 */
  { "license", "食品生产许可信息", LP, "SCJG", PUB, "daily", B_XK AND B_SP, P_VALID, 2600 },
  { "license", "食品经营许可信息", LP, "SCJG", PUB, "daily", B_XK AND B_SP, P_VALID, 58000 },
  { "license", "工业产品生产许可证信息", LP, "SCJG", PUB, "weekly", B_GYCP, P_VALID, 310 },
  { "license", "特种设备使用登记信息", LP, "SCJG", PUB, "weekly", B_TZZ, P_VALID, 36000 },
  { "license", "药品经营许可证信息", LP, "YJJ", PUB, "daily", B_XK AND B_YP, P_VALID, 4800 },
  { "license", "医疗器械经营许可信息", LP, "YJJ", PUB, "weekly", B_XK, P_VALID, 3900 },
  { "license", "道路运输经营许可信息", LP, "JT", PUB, "daily", B_XK AND B_DLYS, P_VALID, 12500 },
  { "license", "建筑施工企业安全生产许可信息", LP, "ZJ", PUB, "weekly", B_XK AND B_AQ, P_VALID, 5600 },
  { "license", "建筑业企业资质信息", LP, "ZJ", PUB, "weekly", B_XK, P_VALID, 7400 },
  { "license", "房地产开发企业资质信息", LP, "ZJ", PUB, "monthly", B_FDC, P_VALID, 2100 },
  { "license", "排污许可信息", LP, "STHJ", PUB, "weekly", B_XK AND B_HB, P_VALID, 8900 },
  { "license", "取水许可信息", LP, "SWT", PUB, "monthly", B_QXK, P_VALID, 2300 },
  { "license", "采矿许可信息", LP, "ZRZY", PUB, "monthly", B_KCZY, P_VALID, 420 },
  { "license", "建设用地规划许可信息", LP, "ZRZY", PUB, "weekly", B_TDGL, P_VALID, 3100 },
  { "license", "林木采伐许可信息", LP, "LY", PUB, "monthly", B_SL, P_VALID, 5200 },
  { "license", "海域使用权审批信息", LP, "HY", PUB, "monthly", B_HYSY, P_VALID, 640 },
  { "license", "危险化学品经营许可信息", LP, "YJ", PUB, "weekly", B_WHP, P_VALID, 1900 },
  { "license", "旅行社业务经营许可信息", LP, "LWT", PUB, "weekly", B_LXS, P_VALID, 1100 },
  { "license", "娱乐场所经营许可信息", LP, "LWT", PUB, "monthly", B_YLCS, P_VALID, 1500 },
  { "license", "医疗机构执业许可信息", UN, "WJW", PUB, "weekly", B_YLJG, P_VALID, 2400 },
  { "license", "公共场所卫生许可信息", LP, "WJW", PUB, "weekly", B_GGCS, P_VALID, 16000 },
  { "license", "医师执业注册信息", NP, "WJW", CON, "monthly", B_YS, P_VALID, 38000 },
  { "license", "人力资源服务许可信息", LP, "RS", PUB, "monthly", B_RLZY, P_VALID, 900 },
  { "license", "劳务派遣经营许可信息", LP, "RS", PUB, "monthly", B_LWPQ, P_VALID, 700 },
  { "license", "民办学校办学许可信息", UN, "JY", PUB, "quarterly", B_MBJY, P_VALID, 1300 },
  { "license", "快递业务经营许可信息", LP, "YZ", PUB, "monthly", B_KD, P_VALID, 480 },
  { "license", "增值电信业务经营许可信息", LP, "TX", PUB, "monthly", B_DX, P_VALID, 1700 },
  { "license", "农药经营许可信息", LP, "NY", PUB, "monthly", B_NYY, P_VALID, 2800 },
  { "license", "农作物种子生产经营许可信息", LP, "NY", PUB, "monthly", B_ZZ, P_VALID, 1200 },
  { "license", "兽药经营许可信息", LP, "NY", PUB, "quarterly", B_SYY, P_VALID, 760 },
  { "license", "公共航空运输企业经营许可信息", LP, "MH", PUB, "quarterly", B_MH, P_VALID, 30 },
  { "license", "船员适任证书信息", NP, "HS", CON, "monthly", B_CY, P_VALID, 26000 },
  { "license", "律师执业许可信息", NP, "SF", PUB, "monthly", B_LS, P_VALID, 2900 },
  { "license", "雷电防护装置检测资质信息", LP, "QX", PUB, "quarterly", B_QX, P_VALID, 70 },
  { "license", "金融许可证信息", LP, "YBJ", PUB, "monthly", B_YH, P_VALID, 1600 },
  { "license", "公众聚集场所投入使用营业前消防安全检查信息", LP, "XF", PUB, "weekly", B_XFF, P_VALID, 3800 },
  { "license", "行政许可决定信息（发展改革）", LP, "FGW", PUB, "weekly", B_XK, P_VALID, 4200 },
  { "license", "行政许可决定信息（商务）", LP, "SWU", PUB, "weekly", B_XK, P_VALID, 2100 },
  { "license", "行政许可决定信息（工业和信息化）", LP, "GXT", PUB, "weekly", B_XK, P_VALID, 1300 },
  { "license", "行政许可决定信息（交通运输）", LP, "JT", PUB, "daily", B_XK, P_VALID, 9800 },

  /* 行政处罚 */
  { "penalty", "市场监管行政处罚信息", LP, "SCJG", PUB, "daily", B_CF, P_CF, 21000 },
  { "penalty", "食品安全行政处罚信息", LP, "SCJG", PUB, "daily", B_CF AND B_SP, P_CF, 6400 },
  { "penalty", "产品质量行政处罚信息", LP, "SCJG", PUB, "weekly", B_CF, P_CF, 1800 },
  { "penalty", "税务行政处罚信息", LP, "SW", PUB, "daily", B_CF AND B_SSZG, P_CF, 15000 },
  { "penalty", "海关行政处罚信息", LP, "HG", PUB, "weekly", B_CF AND B_HGF, P_CF, 2400 },
  { "penalty", "环境行政处罚信息", LP, "STHJ", PUB, "weekly", B_CF AND B_HB, P_CF, 1900 },
  { "penalty", "文化和旅游市场行政处罚信息", LP, "LWT", PUB, "weekly", B_CF, P_CF, 1300 },
  { "penalty", "卫生健康行政处罚信息", LP, "WJW", PUB, "weekly", B_CF, P_CF, 2700 },
  { "penalty", "交通运输行政处罚信息", LP, "JT", PUB, "daily", B_CF, P_CF, 18000 },
  { "penalty", "住房和城乡建设行政处罚信息", LP, "ZJ", PUB, "weekly", B_CF, P_CF, 2200 },
  { "penalty", "安全生产行政处罚信息", LP, "YJ", PUB, "weekly", B_CF AND B_AQ, P_CF, 1600 },
  { "penalty", "药品医疗器械化妆品行政处罚信息", LP, "YJJ", PUB, "weekly", B_CF AND B_YP, P_CF, 1400 },
  { "penalty", "自然资源行政处罚信息", LP, "ZRZY", PUB, "weekly", B_CF, P_CF, 1100 },
  { "penalty", "水行政处罚信息", LP, "SWT", PUB, "monthly", B_CF, P_CF, 300 },
  { "penalty", "农业行政处罚信息", LP, "NY", PUB, "weekly", B_CF, P_CF, 900 },
  { "penalty", "林业行政处罚信息", LP, "LY", PUB, "monthly", B_CF, P_CF, 700 },
  { "penalty", "海洋行政处罚信息", LP, "HY", PUB, "monthly", B_CF, P_CF, 260 },
  { "penalty", "劳动保障监察行政处罚信息", LP, "RS", PUB, "weekly", B_CF, P_CF, 800 },
  { "penalty", "医疗保障行政处罚信息", LP, "YB", PUB, "weekly", B_CF AND B_YBJJ, P_CF, 500 },
  { "penalty", "统计行政处罚信息", LP, "TJ", PUB, "monthly", B_CF AND B_TJ, P_CF, 150 },
  { "penalty", "消防行政处罚信息", LP, "XF", PUB, "weekly", B_CF AND B_XFF, P_CF, 3300 },
  { "penalty", "海事行政处罚信息", LP, "HS", PUB, "weekly", B_CF, P_CF, 1200 },
  { "penalty", "民航行政处罚信息", LP, "MH", PUB, "monthly", B_CF, P_CF, 80 },
  { "penalty", "邮政行政处罚信息", LP, "YZ", PUB, "monthly", B_CF, P_CF, 120 },
  { "penalty", "通信行政处罚信息", LP, "TX", PUB, "monthly", B_CF, P_CF, 90 },
  { "penalty", "地方金融行政处罚信息", LP, "JR", PUB, "monthly", B_CF, P_CF, 60 },
  { "penalty", "人民银行行政处罚信息", LP, "RMYH", PUB, "monthly", B_CF, P_CF, 110 },
  { "penalty", "银行保险行政处罚信息", LP, "YBJ", PUB, "monthly", B_CF AND B_YH, P_CF, 140 },
  { "penalty", "证券期货行政处罚信息", LP, "ZJJ", PUB, "quarterly", B_CF AND B_ZQ, P_CF, 20 },
  { "penalty", "外汇行政处罚信息", LP, "WH", PUB, "monthly", B_CF AND B_WHGL, P_CF, 70 },
  { "penalty", "气象行政处罚信息", LP, "QX", PUB, "quarterly", B_CF, P_CF, 20 },
  { "penalty", "知识产权行政处罚信息", LP, "ZSCQ", PUB, "monthly", B_CF AND B_ZL, P_CF, 240 },
  { "penalty", "教育行政处罚信息", UN, "JY", PUB, "quarterly", B_CF, P_CF, 60 },
  { "penalty", "商务行政处罚信息", LP, "SWU", PUB, "monthly", B_CF, P_CF, 90 },
  { "penalty", "政府采购行政处罚信息", LP, "CZ", PUB, "monthly", B_CF AND B_ZFCG, P_CF, 110 },
  { "penalty", "价格违法行政处罚信息", LP, "FGW", PUB, "monthly", B_CF AND B_JG, P_CF, 160 },
  { "penalty", "招标投标违法行政处罚信息", LP, "FGW", PUB, "monthly", B_CF AND B_ZTB, P_CF, 130 },
  { "penalty", "民政行政处罚信息", UN, "MZ", PUB, "quarterly", B_CF, P_CF, 70 },
  { "penalty", "司法行政处罚信息", LP, "SF", PUB, "quarterly", B_CF, P_CF, 30 },
  { "penalty", "工业和信息化行政处罚信息", LP, "GXT", PUB, "quarterly", B_CF, P_CF, 40 },
  { "penalty", "治安管理处罚信息", NP, "GA", RES, "daily", B_CF, P_NO, 42000 },

  /* 司法裁判及执行 */
  { "judicial", "失信被执行人信息", LP, "FY", PUB, "daily", B_SXBZX, P_SX, 38000 },
  { "judicial", "失信被执行人信息（自然人）", NP, "FY", PUB, "daily", B_SXBZX, P_SX, 52000 },
  { "judicial", "限制高消费人员信息", NP, "FY", PUB, "daily", B_XFXL, P_SX, 61000 },
  { "judicial", "被执行人信息", LP, "FY", CON, "daily", B_ML, P_SX, 96000 },
  { "judicial", "终结本次执行程序案件信息", LP, "FY", CON, "weekly", B_ML, P_5Y, 24000 },
  { "judicial", "民商事裁判文书信息", LP, "FY", CON, "weekly", B_ML, P_5Y, 130000 },
  { "judicial", "破产案件信息", LP, "FY", PUB, "weekly", B_ML, P_LONG, 600 },
  { "judicial", "检察公益诉讼案件信息", LP, "JCY", CON, "monthly", B_ML, P_3Y, 900 },

  /* 严重失信主体名单 */
  { "serious_dishonesty", "市场监督管理严重违法失信名单信息", LP, "SCJG", PUB, "daily", B_YZSX, P_3Y, 5200 },
  { "serious_dishonesty", "重大税收违法失信主体信息", LP, "SW", PUB, "monthly", B_ZDSS, P_3Y, 400 },
  { "serious_dishonesty", "拖欠农民工工资失信联合惩戒对象名单", LP, "RS", PUB, "monthly", B_NMG, P_3Y, 120 },
  { "serious_dishonesty", "海关失信企业名单", LP, "HG", PUB, "monthly", B_HGXY, P_YC, 90 },
  { "serious_dishonesty", "环境违法严重失信名单", LP, "STHJ", PUB, "quarterly", B_HJXY, P_3Y, 70 },
  { "serious_dishonesty", "安全生产严重失信主体名单", LP, "YJ", PUB, "monthly", B_AQ, P_3Y, 60 },
  { "serious_dishonesty", "文化和旅游市场严重失信主体名单", LP, "LWT", PUB, "monthly", B_WL, P_3Y, 40 },
  { "serious_dishonesty", "政府采购严重违法失信行为记录名单", LP, "CZ", PUB, "monthly", B_ZFCG, P_3Y, 80 },
  { "serious_dishonesty", "统计严重失信企业信息", LP, "TJ", PUB, "quarterly", B_TJ, P_1Y, 30 },
  { "serious_dishonesty", "建筑市场主体严重失信名单", LP, "ZJ", PUB, "monthly", B_JZ, P_3Y, 110 },
  { "serious_dishonesty", "交通运输严重失信主体名单", LP, "JT", PUB, "monthly", B_35H, P_3Y, 90 },
  { "serious_dishonesty", "医疗保障领域严重失信主体名单", LP, "YB", PUB, "monthly", B_YBJJ, P_3Y, 40, 2023 },
  { "serious_dishonesty", "食品药品严重违法生产经营者黑名单", LP, "YJJ", PUB, "monthly", B_YP, P_3Y, 30, 0, 2022 },

  /* 经营异常名录 */
  { "abnormal_operation", "经营异常名录信息", LP, "SCJG", PUB, "daily", B_GSTL AND B_YCML, P_YC, 86000 },
  { "abnormal_operation", "农民专业合作社经营异常名录信息", UN, "SCJG", PUB, "weekly", B_GSTL, P_YC, 4300 },
  { "abnormal_operation", "社会组织活动异常名录信息", UN, "MZ", PUB, "monthly", B_SHZZ, P_YC, 600 },
  { "abnormal_operation", "税务非正常户认定信息", LP, "SW", PUB, "weekly", B_SSZG, P_YC, 31000 },

  /* 信用承诺及履约 */
  { "commitment", "信用承诺书信息", LP, "XYB", PUB, "daily", B_35H, P_LONG, 210000 },
  { "commitment", "证明事项告知承诺履约信息", NP, "SF", CON, "weekly", B_GZCN, P_3Y, 45000 },
  { "commitment", "涉企经营许可告知承诺履约信息", LP, "SCJG", PUB, "weekly", B_GZCN, P_3Y, 38000 },
  { "commitment", "工程建设项目审批告知承诺履约信息", LP, "ZJ", PUB, "weekly", B_GZCN, P_3Y, 6800 },
  { "commitment", "税务证明事项告知承诺履约信息", LP, "SW", CON, "monthly", B_GZCN, P_3Y, 9000 },
  { "commitment", "行业自律信用承诺信息", LP, "FGW", PUB, "monthly", B_35H, P_1Y, 5200 },
  { "commitment", "市场主体住所（经营场所）申报承诺信息", LP, "SCJG", PUB, "daily", B_DJTL, P_LONG, 72000, 2022 },
  { "commitment", "信用修复承诺履约信息", LP, "XYB", PUB, "weekly", B_XF, P_1Y, 3400, 2023 },

  /* 信用评价结果 */
  { "evaluation", "公共信用综合评价结果", LP, "XYB", CON, "monthly", B_35H, P_1Y, 300000 },
  { "evaluation", "海关企业信用等级信息", LP, "HG", PUB, "monthly", B_HGXY, P_LONG, 16000 },
  { "evaluation", "企业环境信用评价结果", LP, "STHJ", PUB, "yearly", B_HJXY, P_1Y, 2200 },
  { "evaluation", "建筑市场主体信用评价结果", LP, "ZJ", PUB, "quarterly", B_JZ, P_1Y, 6900 },
  { "evaluation", "旅行社信用评价结果", LP, "LWT", PUB, "yearly", B_WL, P_1Y, 1000 },
  { "evaluation", "医药价格和招采信用评价结果", LP, "YB", PUB, "quarterly", B_35H, P_1Y, 1300 },
  { "evaluation", "道路运输企业质量信誉考核结果", LP, "JT", PUB, "yearly", B_DLYS, P_1Y, 3700 },
  { "evaluation", "物业服务企业信用评价结果", LP, "ZJ", PUB, "yearly", B_WY, P_1Y, 2600 },
  { "evaluation", "水利建设市场主体信用评价结果", LP, "SWT", PUB, "yearly", B_35H, P_1Y, 500 },
  { "evaluation", "药品生产经营企业信用等级信息", LP, "YJJ", PUB, "yearly", B_YP, P_1Y, 5000 },
  { "evaluation", "中介服务机构信用评价结果", LP, "FGW", PUB, "yearly", B_35H, P_1Y, 1800 },
  { "evaluation", "家政服务企业信用评价结果", LP, "SWU", PUB, "yearly", B_35H, P_1Y, 900, 2024 },

  /* 纳税 */
  { "tax", "纳税信用等级信息", LP, "SW", PUB, "yearly", B_NSXY, P_1Y, 280000 },
  { "tax", "欠税公告信息", LP, "SW", PUB, "quarterly", B_SSZG, P_SX, 12000 },
  { "tax", "出口退（免）税企业分类管理信息", LP, "SW", CON, "yearly", B_SSZG, P_1Y, 3300 },
  { "tax", "个人所得税纳税记录", NP, "SW", RES, "monthly", B_SSZG, P_NO, 400000, 0, 2021 },
  { "tax", "离岛免税违规购买人员信息", NP, "HG", CON, "weekly", B_LDMS, P_3Y, 3100, 2023 },

  /* 社保 */
  { "social_insurance", "社会保险参保缴费信息", LP, "RS", CON, "monthly", B_SB, P_NO, 180000 },
  { "social_insurance", "社会保险欠费信息", LP, "RS", CON, "monthly", B_SB, P_SX, 9100 },
  { "social_insurance", "医疗保险参保缴费信息", LP, "YB", CON, "monthly", B_SB, P_NO, 175000 },
  { "social_insurance", "工伤保险参保信息", LP, "RS", CON, "quarterly", B_SB, P_NO, 150000, 0, 2023 },

  /* 公积金 */
  { "housing_fund", "住房公积金缴存信息", LP, "GJJ", CON, "monthly", B_GJJ, P_NO, 64000 },
  { "housing_fund", "住房公积金欠缴信息", LP, "GJJ", CON, "monthly", B_GJJ, P_SX, 2300 },
  { "housing_fund", "住房公积金贷款逾期信息", NP, "GJJ", RES, "monthly", B_GJJ, P_NO, 5400 },

  /* 其他：行政强制、检查、奖励、风险 */
  { "other", "行政强制信息", LP, "SCJG", PUB, "weekly", B_XZQZ, P_3Y, 2600 },
  { "other", "“双随机、一公开”抽查检查结果信息", LP, "SCJG", PUB, "weekly", B_SJSC, P_1Y, 64000 },
  { "other", "表彰奖励信息", LP, "XYB", PUB, "quarterly", B_35H, P_LONG, 2100 },
  { "other", "科学技术奖励信息", LP, "KJ", PUB, "yearly", B_KJJL, P_LONG, 200 },
  { "other", "高新技术企业认定信息", LP, "KJ", PUB, "yearly", B_ML, P_3Y, 1600 },
  { "other", "专精特新中小企业认定信息", LP, "GXT", PUB, "yearly", B_ML, P_3Y, 400, 2022 },
  { "other", "知识产权侵权假冒判定信息", LP, "ZSCQ", PUB, "monthly", B_ZL, P_3Y, 260, 2024 },
  { "other", "走私违法行为信息", LP, "HG", CON, "weekly", B_HGF, P_3Y, 1400 },
  { "other", "电信网络诈骗涉案账户信息", NP, "GA", RES, "daily", B_ML, P_NO, 21000, 0, 2024 },
  { "other", "审计发现问题整改信息", LP, "SJ", CON, "quarterly", B_ML, P_1Y, 300, 0, 2024 },
  { "other", "退役军人创业扶持信息", NP, "TYJR", CON, "quarterly", B_ML, P_1Y, 800, 0, 2022 },
  { "other", "信用修复结果信息", LP, "XYB", PUB, "daily", B_XF, P_LONG, 18000, 2022 },
  { "other", "气象灾害防御重点单位信息", LP, "QX", CON, "yearly", B_QX, P_LONG, 900 },
  { "other", "农产品质量安全追溯信息", LP, "NY", CON, "monthly", B_ML, P_1Y, 7700 },
  { "other", "公共资源交易主体信息", LP, "FGW", PUB, "weekly", B_ZTB, P_LONG, 26000 },
  { "other", "政务诚信评价信息", UN, "XYB", CON, "yearly", B_35H, P_1Y, 400, 2024 },
  { "other", "自贸港跨境服务贸易主体信息", LP, "SWU", CON, "monthly", B_WSTZ, P_LONG, 1900, 2025 },
  { "other", "零关税进口商品主体信息", LP, "HG", CON, "monthly", B_HGF, P_LONG, 2600, 2025 },
  { "other", "数据产品交易主体信息", LP, "DSJ", CON, "monthly", B_ML, P_LONG, 500, 2025 },
};

typedef enum
{
  F_NAME,
  F_DISCLOSURE,
  F_FREQUENCY,
  F_LEGAL_BASIS,
  F_DEPARTMENT,
  F_PERIOD,
} Field;

/* How items changed from one year's catalog to the next, applied from
 * @year on, so that diffs between versions show what was revised. */
static const struct
{
  const char *department;
  const char *name;            /* as in items[] */
  guint16     year;
  Field       field;
  const char *value;
} changes[] = {
  { "SCJG", "企业登记注册信息", 2022, F_FREQUENCY, "realtime" },
  { "SW", "出口退（免）税企业分类管理信息", 2022, F_DISCLOSURE, PUB },
  { "XYB", "公共信用综合评价结果", 2023, F_FREQUENCY, "weekly" },
  { "HG", "海关企业信用等级信息", 2023, F_NAME, "海关高级认证企业（AEO）及信用等级信息" },
  { "FY", "被执行人信息", 2023, F_PERIOD, P_SX },
  { "STHJ", "企业环境信用评价结果", 2024, F_FREQUENCY, "quarterly" },
  { "ZJ", "建筑市场主体严重失信名单", 2024, F_LEGAL_BASIS, B_JZ AND B_35H },
  { "SW", "纳税信用等级信息", 2024, F_DISCLOSURE, CON },
  { "XYB", "公共信用综合评价结果", 2025, F_LEGAL_BASIS, B_XYTL AND B_35H },
  { "XYB", "信用承诺书信息", 2025, F_LEGAL_BASIS, B_XYTL AND B_35H },
  { "SCJG", "涉企经营许可告知承诺履约信息", 2025, F_LEGAL_BASIS, B_XYTL AND B_GZCN },
  { "RS", "社会保险参保缴费信息", 2025, F_FREQUENCY, "daily" },
  { "XYB", "表彰奖励信息", 2025, F_DEPARTMENT, "DSJ" },
  { "SCJG", "“双随机、一公开”抽查检查结果信息", 2025, F_NAME, "“双随机、一公开”及信用风险分类抽查检查结果信息" },
};

/* The province's 补充目录: items of Hainan's own (the 自贸港's trade, 离岛免税,
 * its 信用条例) beyond the national base catalog. An item whose legal basis
 * comes to cite the 条例 joins it from that year. */
static const char * const supplementary[] = {
  "离岛免税违规购买人员信息", "自贸港跨境服务贸易主体信息", "零关税进口商品主体信息",
  "数据产品交易主体信息", "政务诚信评价信息", "家政服务企业信用评价结果",
  "走私违法行为信息", "气象灾害防御重点单位信息", "农产品质量安全追溯信息",
  "信用修复承诺履约信息", NULL
};

static gboolean
in_catalog (const DemoItem *item,
            guint           year)
{
  return (item->since == 0 || item->since <= year) && (item->until == 0 || year <= item->until);
}

/* The item as the catalog of @year has it. */
static void
item_for_year (const DemoItem       *item,
               guint                 year,
               HcsCatalogItemFields *f,
               const char          **department)
{
  f->category = item->category;
  f->name = item->name;
  f->subject_type = item->subject_type;
  f->disclosure = item->disclosure;
  f->update_frequency = item->frequency;
  f->legal_basis = item->legal_basis;
  f->publicity_period = item->publicity_period;
  *department = item->department;

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      if (changes[i].year > year || !g_str_equal (changes[i].department, item->department) ||
          !g_str_equal (changes[i].name, item->name))
        continue;
      switch (changes[i].field)
        {
        case F_NAME:        f->name = changes[i].value; break;
        case F_DISCLOSURE:  f->disclosure = changes[i].value; break;
        case F_FREQUENCY:   f->update_frequency = changes[i].value; break;
        case F_LEGAL_BASIS: f->legal_basis = changes[i].value; break;
        case F_DEPARTMENT:  *department = changes[i].value; break;
        case F_PERIOD:      f->publicity_period = changes[i].value; break;
        default:            g_assert_not_reached ();
        }
    }
  f->scope = g_strv_contains (supplementary, item->name) || strstr (f->legal_basis, "海南") != NULL
             ? "supplementary" : "basic";
}

typedef struct
{
  guint  index;
  double difficulty;   /* lower: collected earlier */
} Rank;

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  const Rank *ra = a, *rb = b;

  return (ra->difficulty > rb->difficulty) - (ra->difficulty < rb->difficulty);
}

static gboolean
seed_year (HcsStore      *store,
           GRand         *rand,
           guint          year,
           const double  *difficulty,
           const gint64  *department_ids,
           GError       **error)
{
  g_autoptr(GArray) ranks = g_array_new (FALSE, FALSE, sizeof (Rank));
  g_autofree gboolean *collected = g_new0 (gboolean, G_N_ELEMENTS (items));
  guint n_collected;
  g_autofree char *created_at = g_strdup_printf ("%u-01-10T01:30:00Z", year);

  if (!hcs_store_catalog_version_insert (store, year, year > FIRST_YEAR ? year - 1 : 0, created_at, error))
    return FALSE;

  /* Exactly the year's share of items is effectively collected: the ones
   * easiest to collect, so that an item once collected mostly stays so. */
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    if (in_catalog (&items[i], year))
      {
        Rank r = { i, difficulty[i] };

        g_array_append_val (ranks, r);
      }
  g_array_sort (ranks, compare_rank);
  n_collected = (guint) (collection_share[year - FIRST_YEAR] * ranks->len + 0.5);
  for (guint k = 0; k < n_collected; k++)
    collected[g_array_index (ranks, Rank, k).index] = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      HcsCatalogItemFields f = HCS_CATALOG_ITEM_FIELDS_UNSET;
      g_autofree char *lineage = NULL;
      const char *department;
      double growth, share;

      if (!in_catalog (&items[i], year))
        continue;
      item_for_year (&items[i], year, &f, &department);
      f.department_id = department_ids[i];
      if (!g_str_equal (department, items[i].department))
        {
          f.department_id = hcs_store_catalog_department_by_code (store, department, error);
          if (f.department_id <= 0)
            {
              if (f.department_id == 0)
                g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND, "no department %s", department);
              return FALSE;
            }
        }
      growth = 1.0 + 0.11 * (year - FIRST_YEAR);
      f.expected_records = (gint64) (items[i].volume * growth * g_rand_double_range (rand, 0.92, 1.08));
      f.expected_records = MAX (f.expected_records, 1);
      if (collected[i])
        share = 1.0;
      else if (g_rand_int_range (rand, 0, 6) == 0)
        share = 0.0;   /* the 信源单位 has not delivered yet */
      else
        share = g_rand_double_range (rand, 0.3, 0.9);
      f.collected_records = collected[i] ? f.expected_records : (gint64) (f.expected_records * share);

      lineage = g_strdup_printf ("hn-ml-%03u", i + 1);
      if (hcs_store_catalog_item_insert (store, year, lineage, &f, error) == 0)
        return FALSE;
    }

  if (year < LAST_YEAR)
    {
      g_autofree char *published_at = g_strdup_printf ("%u-03-%02uT02:00:00Z", year, 10 + (year % 7));

      /* A new version is at version 1. */
      if (!hcs_store_catalog_version_publish (store, year, 1, "supervisor", published_at, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * hcs_demo_seed_catalog:
 *
 * The catalogs of 2021 to 2025 (2025 a draft), 150 to 170 items each.
 * Departments must be seeded before.
 */
gboolean
hcs_demo_seed_catalog (HcsStore  *store,
                       GRand     *rand,
                       GError   **error)
{
  g_autofree double *difficulty = g_new (double, G_N_ELEMENTS (items));
  g_autofree gint64 *department_ids = g_new (gint64, G_N_ELEMENTS (items));

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      /* Items new to the catalog take their 信源单位 a while to deliver. */
      difficulty[i] = g_rand_double (rand) + (items[i].since > FIRST_YEAR ? 0.35 : 0.0);
      department_ids[i] = hcs_store_catalog_department_by_code (store, items[i].department, error);
      if (department_ids[i] <= 0)
        {
          if (department_ids[i] == 0)
            g_set_error (error, HCS_STORE_ERROR, HCS_STORE_ERROR_NOT_FOUND,
                         "no department %s", items[i].department);
          return FALSE;
        }
    }
  for (guint year = FIRST_YEAR; year <= LAST_YEAR; year++)
    if (!seed_year (store, rand, year, difficulty, department_ids, error))
      return FALSE;
  return TRUE;
}
