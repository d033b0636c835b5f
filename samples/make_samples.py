"""Writes the sample inbox (samples/inbox/) that README command (a) processes.

Every text here is written by this project; names, numbers and places are invented. Run it again to
rebuild the inbox: `.venv/bin/python samples/make_samples.py`. Needs reportlab and the WQY font.
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

INBOX = Path(__file__).resolve().parent / "inbox"
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

NOTICE = """青川市人民政府办公室
青政办发〔2026〕18号
青川市人民政府办公室关于做好2026年政府信息公开重点工作的通知
各区县人民政府，市政府各部门：
为深入贯彻《中华人民共和国政府信息公开条例》，进一步提升政务公开质量，现就做好2026年政府信息公开重点工作通知如下。
一、加强政策文件公开
各部门制定的规范性文件应当自印发之日起20个工作日内在政府门户网站公开，并同步发布政策解读材料。
二、做好预决算信息公开
各部门要按规定公开部门预算、决算及“三公”经费情况，细化到功能分类项级科目。
三、规范依申请公开办理
严格按照法定时限答复政府信息公开申请，答复文书应当载明理由和救济途径。
青川市人民政府办公室
2026年3月12日
（此件公开发布）
"""

SECRET_NOTICE = """000126
机密★10年
特急
临河县人民政府
临政发〔2026〕7号
关于调整县应急物资储备库布局的请示
市人民政府：
根据防汛工作需要，拟将县应急物资储备库由城关镇迁至石门乡，现将储备品种、数量和库址坐标报告如下。
一、储备库新址位于石门乡北侧山谷，距县道约两公里。
二、储备帐篷一千二百顶、冲锋舟四十艘、发电机组十六台。
妥否，请批示。
临河县人民政府
2026年5月8日
"""

ROSTER = """柳林镇2026年度临时救助对象花名册
序号  姓名  公民身份号码  联系电话  家庭住址  救助金额
1  王秀兰  370303195804123420  13905331234  柳林镇东关村幸福路12号  3000元
2  赵建国  370303196511020414  13705337788  柳林镇西街村和平巷5号  2500元
3  孙丽  370303199009152423  15805336655  柳林镇南坡村南坡路8号2单元301室  2000元
制表：柳林镇民政办  2026年4月30日
"""

NEWS_HTML = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>东湖区开展2026年保密宣传月活动_东湖区人民政府</title>
<meta name="ArticleTitle" content="东湖区开展2026年保密宣传月活动">
<meta name="PubDate" content="2026-05-20">
<style>.nav{color:red}</style><script>var tracker = "不应出现在正文中";</script>
</head><body>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hdjl">互动交流</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 工作动态</div>
<div class="article"><h1>东湖区开展2026年保密宣传月活动</h1>
<div class="TRS_Editor">
<p>5月以来，东湖区以“保守国家秘密 维护国家安全”为主题，在全区机关单位开展保密宣传月活动。</p>
<p>活动期间，区保密办组织专题讲座3场，邀请专家讲解《中华人民共和国保守国家秘密法》修订要点，并对各单位保密审查制度落实情况进行检查。</p>
<p>区保密办负责同志表示，下一步将继续加强涉密人员教育管理，推动保密工作与业务工作同部署、同落实。</p>
</div></div>
<div class="footer">主办单位：东湖区人民政府办公室　网站标识码：0000000000</div>
</body></html>
"""


def write_pdf(path: Path, pages: list[list[str]], header: str) -> None:
    pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("青川市自然资源局2025年政府信息公开工作年度报告")
    width, height = A4
    for number, lines in enumerate(pages, 1):
        c.setFont("WQY", 9)
        c.drawCentredString(width / 2, height - 40, header)
        c.setFont("WQY", 12)
        y = height - 90
        for line in lines:
            c.drawString(72, y, line)
            y -= 22
        c.setFont("WQY", 10)
        c.drawCentredString(width / 2, 40, f"— {number} —")
        c.showPage()
    c.save()


def main() -> None:
    INBOX.mkdir(parents=True, exist_ok=True)
    (INBOX / "01_通知_政府信息公开重点工作.txt").write_bytes(NOTICE.encode("gbk"))
    (INBOX / "02_请示_应急物资储备库.txt").write_text(SECRET_NOTICE, encoding="utf-8")
    (INBOX / "03_临时救助花名册.txt").write_text(ROSTER, encoding="utf-8")
    (INBOX / "04_保密宣传月新闻.html").write_text(NEWS_HTML, encoding="utf-8")

    doc = Document()
    doc.core_properties.title = "东湖区教育局2026年第3次局务会议纪要"
    doc.sections[0].header.paragraphs[0].text = "东湖区教育局"
    doc.add_paragraph("东湖区教育局2026年第3次局务会议纪要")
    p = doc.add_paragraph("2026年3月5日，局长主持召开局务会议，研究春季学期校园安全和教师培训工作。")
    doc.add_comment(p.runs, text="请核对会议日期。", author="办公室")
    doc.add_paragraph("会议议定：一、各学校于3月底前完成消防设施检查；二、暑期教师培训方案由人事科另行研究。")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "议定事项", "责任科室"
    table.cell(1, 0).text, table.cell(1, 1).text = "校园消防检查", "安全科"
    doc.save(INBOX / "05_局务会议纪要.docx")

    body = ("一、总体情况。2025年，我局认真贯彻《政府信息公开条例》，主动公开政府信息共计1268条，"
            "其中规范性文件12件，行政许可结果公示430条，统计数据56条。二、主动公开情况。")
    lines = [body[i:i + 36] for i in range(0, len(body), 36)]
    more = ("三、依申请公开情况。全年共收到政府信息公开申请37件，均在法定期限内答复，"
            "其中予以公开21件，部分公开6件，不予公开3件，其余为信息不存在等情形。四、存在的问题及改进情况。")
    write_pdf(INBOX / "06_政府信息公开年度报告.pdf",
              [["青川市自然资源局2025年政府信息公开工作年度报告", *lines],
               [more[i:i + 36] for i in range(0, len(more), 36)]],
              header="青川市自然资源局")
    # The same notice as saved from a PDF: spaces around digits, broken lines — a near-duplicate.
    damaged = NOTICE.replace("2026", " 2026 ").replace("20个", " 20 个").replace("规范性文件应当", "规范性文件应\n当")
    (INBOX / "07_通知_PDF提取稿.txt").write_text(damaged, encoding="utf-8")
    # A file cut off in transfer: it must get a clear error and not stop the batch.
    (INBOX / "08_传输中断.pdf").write_bytes((INBOX / "06_政府信息公开年度报告.pdf").read_bytes()[:900])


if __name__ == "__main__":
    main()
