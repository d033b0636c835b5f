"""Issue 10: a sealed document's training copy loses its mark and 份号, so the model learns its content; a
document the model will see at prediction is trained on as it is."""
from __future__ import annotations

from gongkai.classify.train import records_for, training_records

SEALED = ("000047\n机密★10年\n某市应急管理局\n关于应急储备物资调度方案的请示\n市人民政府：\n"
          "现将储备库布局和调运路线报告如下，请严格控制知悉范围。\n")
OPEN = "某市教育局\n关于开展全民阅读活动的通知\n各学校：\n请组织学生参加阅读活动。\n（此件公开发布）\n"


def test_a_sealed_documents_training_copy_has_no_mark_and_no_copy_number():
    records, matches = records_for([SEALED, OPEN])
    assert "机密★10年" in records[0].text and "要素=份号" in records[0].cues  # what the rules saw
    stripped, untouched = training_records(records, matches)
    assert "机密★10年" not in stripped.text and "000047" not in stripped.text
    assert "储备库布局和调运路线" in stripped.text
    assert not any(k.startswith("类别=secrecy_mark") or k == "要素=份号" for k in stripped.cues)
    assert not any(k in stripped.cues for k in ("规则=GK-SM-001", "规则=GK-SM-005"))
    assert untouched is records[1]
