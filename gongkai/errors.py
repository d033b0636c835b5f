"""One error type with a stable code, and the catalogue of codes.

Every failure a user can meet has a code that never changes (scripts and the review UI key on it),
a message in Chinese and in English that says what is wrong, and a hint that says what to do.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorKind:
    code: str
    zh: str
    en: str
    fix: str  # what the user should do, in both languages


CATALOGUE: dict[str, ErrorKind] = {
    k.code: k
    for k in [
        ErrorKind("not_found", "文件不存在", "file not found",
                  "检查路径 / check the path"),
        ErrorKind("symlink_refused", "符号链接一律不跟随，已拒绝（未读取其指向的文件）",
                  "symbolic links are never followed; refused (the file it points to was not read)",
                  "把文件本身复制进来，不要放链接 / copy the file itself, not a link"),
        ErrorKind("hardlink_refused", "硬链接（同一文件有多个名字，可能属于目录外的文件）已拒绝，内容未读取",
                  "a hard link (a file with more than one name, possibly one outside the folder) was refused unread",
                  "用 cp 复制文件本身，不要用 ln / copy the file itself with cp, not ln"),
        ErrorKind("too_large", "文件超过大小上限", "file is larger than the configured limit",
                  "拆分文件，或调高 GONGKAI_MAX_FILE_MB / GONGKAI_MAX_TEXT_MB / "
                  "split the file or raise the limit"),
        ErrorKind("empty_file", "文件为空（0 字节）", "file is empty (0 bytes)",
                  "向提供科室索取完整文件 / ask the supplying department for the complete file"),
        ErrorKind("unsupported_type", "不支持的文件类型", "unsupported file type",
                  "另存为 PDF、DOCX、TXT、HTML 或 OFD / save as PDF, DOCX, TXT, HTML or OFD"),
        ErrorKind("encrypted", "文件已加密，需要密码才能打开", "file is encrypted and needs a password",
                  "请提供未加密的文件 / supply an unencrypted copy"),
        ErrorKind("corrupted", "文件已损坏或不完整，无法解析", "file is corrupted or truncated",
                  "重新导出或重新传送文件 / export or transfer the file again"),
        ErrorKind("binary_not_text", "文件不是文本（含二进制内容）", "file is binary, not text",
                  "确认文件类型与扩展名一致 / check that the extension matches the content"),
        ErrorKind("no_text", "未能提取到任何文字（含 OCR）", "no text could be extracted, even with OCR",
                  "检查扫描件是否清晰，或提供文字版 / check the scan or supply a text version"),
        ErrorKind("ocr_unavailable", "需要 OCR，但本机未安装 OCR 引擎",
                  "OCR is needed but no OCR engine is installed",
                  "运行 scripts/setup.sh 安装 tesseract-ocr-chi-sim / run scripts/setup.sh"),
        ErrorKind("internal", "处理时发生内部错误", "internal error while processing",
                  "请把该文件和错误信息报告给系统管理员 / report the file and this message"),
        ErrorKind("rule_file_invalid", "规则文件不符合规范", "rule file does not match the schema",
                  "按提示修改规则文件后运行 gongkai rules check / fix the file, then run gongkai rules check"),
        ErrorKind("model_missing", "没有可用的分类模型", "no classifier model is available",
                  "运行 gongkai train 训练默认模型 / run gongkai train"),
        ErrorKind("model_incompatible", "模型文件与当前软件版本不兼容",
                  "model artifact was made by incompatible library versions",
                  "运行 gongkai train 重新训练 / run gongkai train"),
        ErrorKind("calendar_unknown_year", "该年度的节假日安排尚未录入，无法计算工作日",
                  "the holiday schedule of that year is not known, so working days cannot be counted",
                  "国务院办公厅公布当年节假日安排后，将其录入 rules/holidays.yaml / "
                  "add the year's schedule to rules/holidays.yaml"),
        ErrorKind("review_conflict", "该任务已被他人处理", "someone else acted on this task first",
                  "刷新页面查看最新状态后再操作 / reload and act on the current state"),
        ErrorKind("forbidden", "无权执行此操作或查看此文件", "not allowed for your role or clearance",
                  "请联系管理员 / ask the administrator"),
        ErrorKind("review_invalid", "审核操作不完整", "the review action is incomplete or not allowed",
                  "按提示补充理由或书面说明 / give the reason or written justification asked for"),
        ErrorKind("config_invalid", "配置无效", "invalid configuration",
                  "按提示修改配置 / fix the setting named in the message"),
        ErrorKind("request_invalid", "政府信息公开申请的办理操作不符合条例或办理状态",
                  "the action on this information request is not allowed by the regulations or its state",
                  "按提示补充或更正后再操作 / correct what the message names and try again"),
        ErrorKind("request_not_found", "没有该编号的政府信息公开申请", "no information request has this number",
                  "用 gongkai request list 查看申请编号 / list the requests with gongkai request list"),
        ErrorKind("request_conflict", "该申请已被他人更新", "someone else changed this request first",
                  "重新查看申请的最新状态后再操作 / reload the request and act on its current state"),
    ]
}


class GongkaiError(Exception):
    """A failure with a stable code. `detail` says what exactly was found (file, field, value)."""

    def __init__(self, code: str, detail: str = ""):
        if code not in CATALOGUE:
            raise ValueError(f"unknown error code {code!r}; add it to gongkai.errors.CATALOGUE")
        self.code = code
        self.detail = detail
        super().__init__(self.message)

    @property
    def kind(self) -> ErrorKind:
        return CATALOGUE[self.code]

    @property
    def message(self) -> str:
        k = self.kind
        text = f"{k.zh} / {k.en}"
        if self.detail:
            text += f": {self.detail}"
        return f"{text}. {k.fix}"

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message}
