"""Build DOCX, TXT, HTML and OFD test files at test time, from text we wrote ourselves.

python-docx has no API for tracked changes or text boxes, so those are written as WordprocessingML
by hand; the OFD writer follows the part structure of GB/T 33190 (OFD.xml → Document.xml →
Pages/Page_N/Content.xml) with just enough resources for a reader.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_DECL = (f'xmlns:w="{W_NS}" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:v="urn:schemas-microsoft-com:vml"')


# --- DOCX ------------------------------------------------------------------------------------

def build_docx(path: Path) -> Path:
    """A notice with everything the DOCX extractor must find.

    Header `机密★5年` (same header in two sections: must appear once), footer, a table, a comment,
    a tracked insertion and a tracked deletion, a text box (with its VML fallback copy), core
    properties with a secrecy hint in the comments, and a custom property 密级=机密.
    """
    import docx
    from docx.enum.section import WD_SECTION
    from docx.oxml import parse_xml

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "机密★5年"
    section.footer.paragraphs[0].text = "市财政局办公室印发"

    document.add_paragraph("关于2025年度预算执行情况的通知")
    body = document.add_paragraph("各区县财政局：")
    commented = body.add_run("现将有关事项通知如下。")
    document.add_comment(commented, text="此段需要保密审查", author="张科长", initials="ZK")

    tracked = document.add_paragraph("一、预算执行总体")
    tracked._p.append(parse_xml(
        f'<w:ins {_W_DECL} w:id="101" w:author="李四" w:date="2025-03-01T10:00:00Z">'
        '<w:r><w:t>平稳，收入增长5%</w:t></w:r></w:ins>'))
    tracked._p.append(parse_xml(
        f'<w:del {_W_DECL} w:id="102" w:author="李四" w:date="2025-03-01T10:01:00Z">'
        '<w:r><w:delText>（已删除的内部数字12345万元）</w:delText></w:r></w:del>'))
    tracked.add_run("。")

    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("项目", "预算数", "执行数"), ("一般公共预算", "120", "98"), ("基金预算", "45", "40")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value

    with_box = document.add_paragraph("二、工作要求")
    with_box.runs[0]._r.addnext(parse_xml(_text_box_run("请各单位于3月底前报送")))

    # A second section linked to the first: the header is the same definition, not repeated.
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("（此件不予公开）")
    # A third section with its own, identical header text: deduplicated by text.
    third = document.add_section(WD_SECTION.NEW_PAGE)
    third.header.is_linked_to_previous = False
    third.header.paragraphs[0].text = "机密★5年"
    document.add_paragraph("市财政局")

    props = document.core_properties
    props.title = "预算执行情况通知"
    props.subject = "预算执行"
    props.keywords = "预算;内部"
    props.comments = "仅限内部传阅"
    props.category = "通知"
    props.author = "王五"
    props.last_modified_by = "李四"
    props.created = dt.datetime(2025, 3, 1, 9, 0, 0)
    props.modified = dt.datetime(2025, 3, 2, 9, 0, 0)
    document.save(str(path))
    return add_custom_property(path, "密级", "机密")


def add_custom_property(path: Path, name: str, value: str) -> Path:
    """Add a property to docProps/custom.xml (python-docx has no API), creating the part if needed."""
    with zipfile.ZipFile(path) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    if "docProps/custom.xml" not in parts:
        parts["docProps/custom.xml"] = (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>')
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>", b'<Override PartName="/docProps/custom.xml" '
                         b'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
        parts["_rels/.rels"] = parts["_rels/.rels"].replace(
            b"</Relationships>", b'<Relationship Id="rIdCustom1" Target="docProps/custom.xml" Type="http://schemas.'
                                 b'openxmlformats.org/officeDocument/2006/relationships/custom-properties"/></Relationships>')
    pid = parts["docProps/custom.xml"].count(b"<property ") + 2  # property ids start at 2
    parts["docProps/custom.xml"] = parts["docProps/custom.xml"].replace(b"</Properties>", (
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{name}">'
        f'<vt:lpwstr>{value}</vt:lpwstr></property></Properties>').encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for filename, data in parts.items():
            zf.writestr(filename, data)
    return path


def _text_box_run(text: str) -> str:
    """A run holding a DrawingML text box and, as Word writes it, a VML fallback with the same text."""
    box = f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
    return (
        f'<w:r {_W_DECL}><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f'<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>'
    )


def build_truncated_docx(source: Path, path: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def build_zip_as_docx(path: Path) -> Path:
    """A valid zip that is no Word package (no [Content_Types].xml)."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "这不是一个Word文档")
        zf.writestr("data/numbers.csv", "1,2,3\n")
    return path


def build_docx_with_bad_xml(source: Path, path: Path) -> Path:
    """A real DOCX whose word/document.xml is cut in the middle of an element."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            dst.writestr(info, data)
    return path


def build_encrypted_ooxml_stub(path: Path) -> Path:
    """The first bytes of an OLE compound file whose directory names EncryptionInfo.

    Enough for the cheap sniff the extractor does; not a complete OLE file.
    """
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = "EncryptionInfo".encode("utf-16-le") + bytes(50) + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(header + directory + bytes(1024))
    return path


# --- TXT -------------------------------------------------------------------------------------

TXT_SAMPLE = ("秘密★1年\n"
              "关于做好2025年防汛物资储备工作的通知\n"
              "各乡镇人民政府：\n"
              "　　为切实做好防汛工作，现将储备点位置及数量（共计1,200件）通知如下。\n"
              "联系人：张三　电话：0571-12345678\n")


def build_txt(path: Path, encoding: str, text: str = TXT_SAMPLE) -> Path:
    """`encoding` is a Python codec name; "utf-16"/"utf-32" write a BOM, "utf-16-be" does not."""
    path.write_bytes(text.encode(encoding))
    return path


def build_mixed_txt(path: Path) -> Path:
    """The first half in GBK, the second in UTF-8: two exports pasted together."""
    lines = TXT_SAMPLE.splitlines(keepends=True)
    half = len(lines) // 2
    path.write_bytes("".join(lines[:half]).encode("gbk") + "".join(lines[half:]).encode("utf-8"))
    return path


def build_binary_txt(path: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    path.write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    return path


# --- HTML ------------------------------------------------------------------------------------

_GOV_NAV = """
<div class="header"><div class="logo"><img src="logo.png" alt="某某市人民政府门户网站"/></div>
  <div class="search"><input type="text" value="请输入关键词"/><button>搜索</button></div></div>
<div class="nav" id="nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li>
  <li><a href="/hdjl/">互动交流</a></li><li><a href="/zjxx/">走进本市</a></li></ul></div>
"""

GOV_ARTICLE_HTML = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"/>
<title>某某市财政局关于2024年度政府信息公开工作年度报告_某某市人民政府门户网站</title>
<meta name="SiteName" content="某某市人民政府门户网站"/>
<meta name="ColumnName" content="政府信息公开年报"/>
<meta name="ArticleTitle" content="某某市财政局2024年政府信息公开工作年度报告"/>
<meta name="PubDate" content="2025-01-20 09:30"/>
<meta name="ContentSource" content="某某市财政局"/>
<meta name="Keywords" content="政府信息公开,年度报告"/>
<style>.nav li{float:left} body{font-family:"微软雅黑"}</style>
<script>var _hmt = _hmt || []; document.write("统计代码不应出现");</script>
</head><body>
""" + _GOV_NAV + """
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年度报告</div>
<div class="main"><div class="left-list"><h3>栏目导航</h3><ul>
  <li><a href="a.html">政策文件</a></li><li><a href="b.html">规划计划</a></li><li><a href="c.html">财政预决算</a></li></ul></div>
<div class="article">
  <h1 class="title">某某市财政局2024年政府信息公开工作年度报告</h1>
  <div class="info">发布时间：2025-01-20　来源：某某市财政局　<span class="share">分享到：<a href="#">微信</a><a href="#">微博</a></span>
    <a href="javascript:window.print()">打印本页</a></div>
  <div class="zoom" id="zoom">
    <div class="TRS_Editor">
      <p>　　本报告根据《中华人民共和国政府信息公开条例》要求编制。</p>
      <p>　　一、总体情况</p>
      <p>　　2024年，我局主动公开政府信息<span>156</span>条，其中<b>预决算信息</b>32条。</p>
      <table border="1"><tr><th>信息内容</th><th>本年制发件数</th></tr>
        <tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>3</td></tr></table>
      <p>　　二、收到和处理政府信息公开申请情况<br/>全年收到申请12件，均按期答复。</p>
      <script>console.log("不应出现在正文")</script>
    </div>
  </div>
  <div class="xglj"><h4>相关链接</h4><ul>
    <li><a href="x1.html">某某市2023年政府信息公开工作年度报告</a></li>
    <li><a href="x2.html">某某市2022年政府信息公开工作年度报告</a></li></ul></div>
  <div class="bottom-btn"><a href="javascript:window.close()">关闭窗口</a></div>
</div></div>
<div class="footer">主办：某某市人民政府办公室　地址：某某市人民路1号　网站标识码：1234000001<br/>
  ICP备案号：某ICP备12345678号</div>
<script src="/js/stat.js"></script>
</body></html>
"""

GBK_ARTICLE_HTML = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>关于征集2025年民生实事项目的公告</title>
</head><body>
<table width="100%"><tr><td class="top"><a href="/">网站首页</a> | <a href="/zxdt/">最新动态</a> | <a href="/tzgg/">通知公告</a></td></tr></table>
<table width="980"><tr>
<td width="200" valign="top"><ul class="menu"><li><a href="1.htm">机构概况</a></li><li><a href="2.htm">领导信息</a></li><li><a href="3.htm">内设机构</a></li></ul></td>
<td valign="top">
 <div class="bt">关于征集2025年民生实事项目的公告</div>
 <div id="content">
  <p>为进一步践行以人民为中心的发展思想，现面向社会公开征集2025年民生实事项目建议。</p>
  <p>一、征集时间：2024年10月8日至10月31日。</p>
  <p>二、征集方式：通过本网站“互动交流”栏目或信函提交。</p>
  <p style="text-align:right">某某县人民政府办公室<br>2024年10月8日</p>
 </div>
</td></tr></table>
<div class="copyright">版权所有：某某县人民政府　技术支持：某某网络公司</div>
</body></html>
"""

# A page with no CMS container names: the content block is found by its text and link density.
PLAIN_ARTICLE_HTML = """<!doctype html><html><head><meta charset="UTF-8"><title>通知</title></head><body>
<nav><a href="/">首页</a><a href="/a">机构</a><a href="/b">公开</a></nav>
<section><div class="box-a"><a href="/n1">某某镇召开安全生产工作会议</a><br><a href="/n2">某某镇开展防汛演练活动</a><br><a href="/n3">某某镇召开乡村振兴推进会</a></div>
<div class="box-b"><h2>关于暂停办理不动产登记业务的通知</h2>
<p>因系统升级，本中心定于2025年5月1日至5月3日暂停办理不动产登记业务，5月4日起恢复正常。</p>
<p>由此带来的不便，敬请谅解。咨询电话：0571-88880000。</p>
<p>某某市不动产登记中心　2025年4月25日</p></div></section>
<footer>联系我们 | 网站地图</footer></body></html>
"""


def build_html(path: Path, html: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(html.encode(encoding))
    return path


# --- OFD -------------------------------------------------------------------------------------

OFD_NS = "http://www.ofdspec.org/2016"

# Each page: (x, y, text) in millimetres, y downwards as in OFD. Written to the XML out of order
# on purpose, so that the reader has to sort.
OFD_PAGES: list[list[tuple[float, float, str]]] = [
    [
        (25.0, 20.0, "机密★10年"),
        (60.0, 45.0, "某某市应急管理局文件"),
        (25.0, 70.0, "关于防汛物资储备情况的报告"),
        (25.0, 85.0, "市人民政府："),
        (35.0, 95.0, "现将我局防汛物资储备情况报告如下。"),
        (25.0, 110.0, "储备点"),
        (80.0, 110.0, "数量"),
    ],
    [
        (25.0, 30.0, "一、储备点位于城北仓库，共计沙袋2万条。"),
        (25.0, 40.0, "二、应急排涝泵车6台。"),
        (120.0, 60.0, "某某市应急管理局"),
        (120.0, 70.0, "2025年5月6日"),
    ],
]


def build_ofd(path: Path, pages: list[list[tuple[float, float, str]]] = OFD_PAGES, *, title: str = "防汛物资储备报告",
              prefix: str = "ofd", shuffle_seed: int = 3, per_char: bool = False, ctm_scale: float | None = None,
              template_text: str | None = None, watermark_text: str | None = None) -> Path:
    """A minimal OFD package.

    `prefix` varies the namespace prefix ("" = default namespace); `per_char` writes one TextObject
    per character, as many converters do; `ctm_scale` writes object-space sizes and positions
    divided by it plus a CTM that scales them back; `template_text` puts a line at the top of a
    TemplatePage every page refers to (where producers put running headers); `watermark_text`
    adds a Watermark annotation to the first page.
    """
    size = 5.0  # font size, mm
    if per_char:
        pages = [[(x + i * size, y, ch) for x, y, text in page for i, ch in enumerate(text)] for page in pages]
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns:{prefix}="{OFD_NS}"' if prefix else f'xmlns="{OFD_NS}"'
    rng = random.Random(shuffle_seed)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<{p}OFD {ns} Version="1.0" DocType="OFD"><{p}DocBody>'
            f'<{p}DocInfo><{p}DocID>0c5d8e2f9a1b4c3d</{p}DocID><{p}Title>{title}</{p}Title>'
            f'<{p}Author>应急管理局办公室</{p}Author><{p}CreationDate>2025-05-06</{p}CreationDate>'
            f'<{p}Creator>gongkai-test-builder</{p}Creator></{p}DocInfo>'
            f'<{p}DocRoot>Doc_0/Document.xml</{p}DocRoot></{p}DocBody></{p}OFD>'))
        page_refs = "".join(f'<{p}Page ID="{10 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        if watermark_text:
            zf.writestr("Doc_0/Annots/Annotations.xml", (
                f'<?xml version="1.0" encoding="UTF-8"?><{p}Annotations {ns}><{p}Page PageID="10">'
                f'<{p}FileLoc>Page_0/Annotation.xml</{p}FileLoc></{p}Page></{p}Annotations>'))
            zf.writestr("Doc_0/Annots/Page_0/Annotation.xml", (
                f'<?xml version="1.0" encoding="UTF-8"?><{p}PageAnnot {ns}><{p}Annot ID="900" Type="Watermark">'
                f'<{p}Appearance Boundary="20 250 170 20"><{p}TextObject ID="901" Boundary="0 0 170 20" Font="1" '
                f'Size="{size}"><{p}TextCode X="0" Y="{size}">{watermark_text}</{p}TextCode></{p}TextObject>'
                f'</{p}Appearance></{p}Annot></{p}PageAnnot>'))
        template_ref = f'<{p}Template TemplateID="2" ZOrder="Background"/>' if template_text else ""
        if template_text:
            zf.writestr("Doc_0/Tpls/Tpl_0/Content.xml", (
                f'<?xml version="1.0" encoding="UTF-8"?><{p}Page {ns}><{p}Content><{p}Layer ID="3">'
                f'<{p}TextObject ID="4" Boundary="150 5 40 6" Font="1" Size="{size}">'
                f'<{p}TextCode X="0" Y="{size}">{template_text}</{p}TextCode></{p}TextObject>'
                f'</{p}Layer></{p}Content></{p}Page>'))
        zf.writestr("Doc_0/Document.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><{p}Document {ns}><{p}CommonData>'
            f'<{p}MaxUnitID>999</{p}MaxUnitID><{p}PageArea><{p}PhysicalBox>0 0 210 297</{p}PhysicalBox></{p}PageArea>'
            f'<{p}PublicRes>PublicRes.xml</{p}PublicRes>'
            + (f'<{p}TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if template_text else "")
            + f'</{p}CommonData><{p}Pages>{page_refs}</{p}Pages>'
            + (f'<{p}Annotations>Annots/Annotations.xml</{p}Annotations>' if watermark_text else "")
            + f'</{p}Document>'))
        zf.writestr("Doc_0/PublicRes.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><{p}Res {ns} BaseLoc="Res"><{p}Fonts>'
            f'<{p}Font ID="1" FontName="宋体" FamilyName="宋体"/></{p}Fonts></{p}Res>'))
        uid = 100
        for i, objects in enumerate(pages):
            shuffled = list(objects)
            rng.shuffle(shuffled)
            parts = []
            for x, y, text in shuffled:
                uid += 1
                width = size * len(text)
                # Boundary is the object's box on the page; TextCode X/Y are relative to it (Y = baseline).
                k = 1 / ctm_scale if ctm_scale else 1.0  # object-space units per page millimetre
                ctm = f' CTM="{ctm_scale} 0 0 {ctm_scale} 0 0"' if ctm_scale else ""
                delta = f' DeltaX="g {len(text) - 1} {size * k}"' if len(text) > 1 else ""
                parts.append(
                    f'<{p}TextObject ID="{uid}" Boundary="{x} {y - size} {width} {size * 1.2}" Font="1" '
                    f'Size="{size * k}"{ctm}><{p}FillColor Value="0 0 0"/>'
                    f'<{p}TextCode X="0" Y="{size * k}"{delta}>{text}</{p}TextCode>'
                    f'</{p}TextObject>')
            zf.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", (
                f'<?xml version="1.0" encoding="UTF-8"?><{p}Page {ns}>{template_ref}<{p}Content>'
                f'<{p}Layer ID="{uid + 500}">{"".join(parts)}</{p}Layer></{p}Content></{p}Page>'))
    return path


def build_ofd_without_root(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("Doc_0/Document.xml", "<Document/>")
    return path


def build_ofd_with_bad_xml(path: Path) -> Path:
    build_ofd(path)
    data = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            data[name] = zf.read(name)
    data["Doc_0/Pages/Page_0/Content.xml"] = data["Doc_0/Pages/Page_0/Content.xml"][:200]
    with zipfile.ZipFile(path, "w") as zf:
        for name, content in data.items():
            zf.writestr(name, content)
    return path


# --- golden files ----------------------------------------------------------------------------

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden" / "office"


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/office/<name>; GONGKAI_UPDATE_GOLDEN=1 rewrites it (review the diff)."""
    golden = GOLDEN_DIR / name
    if os.environ.get("GONGKAI_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"{golden} missing: run with GONGKAI_UPDATE_GOLDEN=1 and review it"
    assert text == golden.read_text(encoding="utf-8")


def damaged_copies(source: Path, out_dir: Path, count: int, seed: int = 0) -> list[Path]:
    """Copies of a zip package with a few bytes of one XML part overwritten, sometimes a part removed."""
    with zipfile.ZipFile(source) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    xml_names = sorted(n for n in parts if n.endswith((".xml", ".rels")))
    rng = random.Random(seed)
    copies = []
    for i in range(count):
        mutated = dict(parts)
        name = rng.choice(xml_names)
        data = bytearray(mutated[name])
        for _ in range(rng.randint(1, 5)):
            data[rng.randrange(len(data))] = rng.choice(b'<>"/= aZ\x00\xff')
        mutated[name] = bytes(data)
        if rng.random() < 0.2:
            mutated.pop(rng.choice(sorted(mutated)))
        copy = out_dir / f"damaged_{i}{source.suffix}"
        with zipfile.ZipFile(copy, "w") as zf:
            for part_name, content in mutated.items():
                zf.writestr(part_name, content)
        copies.append(copy)
    return copies


def build_mht(path: Path, html: str, charset: str = "gbk") -> Path:
    """A page as browsers save it in one file (MHTML): MIME multipart, HTML part quoted-printable."""
    import quopri

    body = quopri.encodestring(html.encode(charset)).decode("ascii")
    path.write_text(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.example.gov.cn/art/2024/10/8/1.html\r\n"
        "Subject: notice\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----=_Part_0"\r\n\r\n'
        "------=_Part_0\r\n"
        f"Content-Type: text/html; charset={charset}\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: http://www.example.gov.cn/art/2024/10/8/1.html\r\n\r\n"
        f"{body}\r\n------=_Part_0--\r\n", encoding="ascii", newline="")
    return path
