"""Plan documents as analysts download them (text in any Chinese encoding, web pages, Word, PDF) read as
text in which their quotes are found, and every file that cannot be read reported on one line naming it."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path

import pytest

from ipcompare import documents
from ipcompare.documents import decode, html_text, read_document
from ipcompare.errors import DataError
from ipcompare.reader import scan

SENTENCE = "到2025年，知识产权强国建设取得明显成效，“十四五”规划目标全面完成。"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in the temporary directory, so that messages name files as a user there would see them."""
    monkeypatch.chdir(tmp_path)


def failure(path: str | Path) -> str:
    """The line the command line prints when `path` cannot be read."""
    with pytest.raises(DataError) as caught:
        read_document(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


# -- plain text -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        (SENTENCE.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "UTF-8 with a byte-order mark"),
        (SENTENCE.encode("gb18030"), "GB18030"),
        (SENTENCE.encode("gbk"), "GBK"),
        ("\ufeff".encode("gb18030") + SENTENCE.encode("gb18030"), "GB18030 with a byte-order mark"),
        (SENTENCE.encode("utf-16"), "UTF-16 with a byte-order mark"),
        (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "UTF-16 big-endian"),
    ],
)
def test_text_in_each_encoding_reads_as_the_same_text(tmp_path: Path, encoded: bytes, label: str) -> None:
    (tmp_path / "plan.txt").write_bytes(encoded)
    assert read_document("plan.txt") == SENTENCE, label


def test_gb18030_characters_outside_gbk_are_read() -> None:
    text = "𠀀㐀知识产权€"  # beyond the basic plane, extension A, and the euro sign
    assert decode(text.encode("gb18030"), "plan.txt") == text


def test_windows_line_ends_become_newlines_and_the_text_is_otherwise_kept() -> None:
    data = "第一行  \r\n　　第二行\r第三行\n".encode("gb18030")
    assert decode(data, "plan.txt") == "第一行  \n　　第二行\n第三行\n"


def test_bytes_neither_utf8_nor_gb18030_are_one_line_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_bytes(SENTENCE.encode("utf-8") + b"\xff\xfe\x80 garbage")
    offset = len(SENTENCE.encode("utf-8"))
    assert failure("plan.txt") == (
        f"plan.txt: not UTF-8 or GB18030 text (byte 0xff at offset {offset}): save it as UTF-8"
    )


def test_binary_garbage_is_refused() -> None:
    with pytest.raises(DataError, match=r"^blob\.bin: not UTF-8 or GB18030 text \(byte 0x80 at offset 0\)"):
        decode(bytes([0x80, 0x00, 0xFF, 0x13]) * 8, "blob.bin")


def test_text_with_nul_characters_is_not_taken_for_a_document() -> None:
    """UTF-16 without a byte-order mark, or a binary file of low bytes, decodes as 'UTF-8' but is not text."""
    with pytest.raises(DataError, match=r"^plan\.txt: has NUL characters \(the first at character 1\)"):
        decode("ab".encode("utf-16-le"), "plan.txt")


def test_a_broken_utf16_file_names_utf16() -> None:
    with pytest.raises(DataError, match=r"^plan\.txt: not UTF-16 text \(byte 0x41 at offset 2\)"):
        decode(codecs.BOM_UTF16_LE + b"A", "plan.txt")


# -- HTML -------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>国家知识产权局
  关于印发规划的通知</title>
<script type="text/javascript">var banner = "<p>脚本里的字</p>";</script>
<style>p { color: red }</style>
</head>
<body>
<div class="nav">首页 &gt; 政策</div>
<p>　　到2025年，知识产权强国建设取得明显成效，
    &ldquo;十四五&rdquo;规划目标全面完成。</p>
<p>第一句<br>第二句&nbsp;&nbsp;<b>加粗</b>  的字</p>
<table><tr><th>指标</th><td> 11.6 </td><td>13</td></tr></table>
</body>
</html>
"""


def test_a_gb2312_page_reads_as_its_visible_text(tmp_path: Path) -> None:
    (tmp_path / "plan.html").write_bytes(PAGE.encode("gb2312"))
    assert read_document("plan.html").split("\n") == [
        "国家知识产权局关于印发规划的通知",
        "首页 > 政策",
        SENTENCE,
        "第一句",
        "第二句  加粗 的字",
        "指标\t11.6\t13",
    ]


def test_a_page_drops_its_scripts_and_styles() -> None:
    text = decode(PAGE.encode("gb18030"), "plan.htm")
    assert "脚本" not in text
    assert "color" not in text
    assert "<" not in text


def test_a_page_saved_without_a_suffix_is_recognised_by_its_start(tmp_path: Path) -> None:
    saved = "\ufeff \n<!-- saved from url=(0020)https://example.org -->\n" + PAGE.removeprefix("<!DOCTYPE html>\n")
    (tmp_path / "download").write_bytes(saved.encode("utf-8"))
    assert read_document("download").startswith("国家知识产权局关于印发规划的通知\n首页 > 政策\n")


def test_a_page_declared_gb2312_but_saved_as_utf8_is_read_as_utf8() -> None:
    """Pages saved again as UTF-8 often keep their old declaration; valid UTF-8 wins."""
    assert SENTENCE in decode(PAGE.encode("utf-8"), "plan.html")


def test_a_page_declared_big5_is_read_as_big5() -> None:
    page = '<html><head><meta charset="big5"></head><body><p>知識產權強國</p></body></html>'
    assert decode(page.encode("big5"), "page.html") == "知識產權強國"


def test_a_page_without_declaration_falls_back_to_gb18030() -> None:
    page = f"<html><body><p>{SENTENCE}</p></body></html>"
    assert decode(page.encode("gb18030"), "page.html") == SENTENCE


def test_html_whitespace_collapses_as_a_browser_shows_it() -> None:
    markup = "<p>Intellectual\n   property  <i>rights</i> \t plan</p><p>一行\n  两行</p><pre>  keep   this\nas is</pre>"
    assert html_text(markup) == "Intellectual property rights plan\n一行两行\nkeep   this\nas is"


def test_html_entities_become_their_characters_and_full_width_spaces_in_a_line_are_kept() -> None:
    markup = "<p>&#x4E13;&#21033;&amp;商标　申请&hellip;</p><li>&nbsp;第一条</li><li>第二条&nbsp;</li>"
    assert html_text(markup) == "专利&商标　申请…\n第一条\n第二条"


def test_an_unknown_declared_charset_is_ignored() -> None:
    page = '<html><meta charset="no-such-charset"><p>专利</p></html>'
    assert decode(page.encode("gb18030"), "p.html") == "专利"


# -- Word and PDF ------------------------------------------------------------------------------------------


def test_a_docx_reads_its_paragraphs_and_table_rows_in_order(tmp_path: Path) -> None:
    """A table row is one line, its cells between tabs as a web page's are; a merged cell is said once."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("　　" + SENTENCE)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["指标", "2020年", "2025年"], strict=True):
        cell.text = text
    merged = table.cell(1, 1).merge(table.cell(1, 2))
    table.cell(1, 0).text = "每万人口高价值发明专利拥有量"
    merged.text = "12"
    document.add_paragraph("")
    document.add_paragraph("附件")
    document.save(str(tmp_path / "plan.docx"))
    assert read_document("plan.docx").split("\n") == [
        SENTENCE,
        "指标\t2020年\t2025年",
        "每万人口高价值发明专利拥有量\t12",
        "附件",
    ]


def test_an_indicator_table_in_a_docx_gives_the_figures_of_the_same_table_in_a_page(tmp_path: Path) -> None:
    """Word tables hold a plan's indicators as web pages do: the reader gets the same rows from both, though
    the .docx header spans two rows (指标名称 and 属性 merged down) and a name's unit is a paragraph of its own."""
    docx = pytest.importorskip("docx")
    from ipcompare.reader import read

    rows = [
        ("每万人口高价值发明专利拥有量", "（件）", "2.1", "6"),
        ("年度PCT国际专利申请量", "（件）", "120", "300"),
    ]
    document = docx.Document()
    document.add_paragraph("某市知识产权“十四五”规划")
    document.add_paragraph("专栏1 主要指标")
    table = document.add_table(rows=2 + len(rows), cols=4)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "指标名称"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "目标值"
    table.cell(0, 3).merge(table.cell(1, 3)).text = "属性"
    table.cell(1, 1).text, table.cell(1, 2).text = "2020年", "2025年"
    for i, (name, unit, before, after) in enumerate(rows, start=2):
        table.cell(i, 0).text = name
        table.cell(i, 0).add_paragraph(unit)
        table.cell(i, 1).text, table.cell(i, 2).text, table.cell(i, 3).text = before, after, "预期性"
    document.save(str(tmp_path / "plan.docx"))
    body = "".join(f"<tr><td>{n}{u}</td><td>{b}</td><td>{a}</td><td>预期性</td></tr>" for n, u, b, a in rows)
    page = (
        "<html><body><p>某市知识产权“十四五”规划</p><p>专栏1 主要指标</p><table>"
        f"<tr><td>指标名称</td><td>2020年</td><td>2025年</td><td>属性</td></tr>{body}</table></body></html>"
    )
    (tmp_path / "plan.html").write_text(page, encoding="utf-8")

    def figures(name: str) -> list[tuple[str, float | None, int | None, str]]:
        return [(r.indicator, r.value, r.year, r.role) for r in read(read_document(name))]

    assert figures("plan.docx") == figures("plan.html")
    assert [(name, value, year) for name, value, year, _ in figures("plan.docx")] == [
        ("每万人口高价值发明专利拥有量", 2.1, 2020),
        ("每万人口高价值发明专利拥有量", 6, 2025),
        ("年度PCT国际专利申请量", 120, 2020),
        ("年度PCT国际专利申请量", 300, 2025),
    ]


def test_an_empty_table_cell_of_a_page_keeps_its_column() -> None:
    """<td></td> is an empty field between two tabs, so the cells after it keep their columns."""
    page = (
        "<table><tr><td>序号</td><td>指标名称</td><td>2020年</td><td>2025年</td></tr>"
        "<tr><td>1</td><td>地理标志商标数量（件）</td><td> </td><td>30</td></tr></table>"
    )
    text = html_text(page)
    assert text.split("\n")[1] == "1\t地理标志商标数量（件）\t\t30"
    readings, unread = scan(text, period=(2021, 2025))
    assert [(r.indicator, r.value, r.year) for r in readings] == [("地理标志商标数量", 30, 2025)]
    assert unread == []


def _pdf(text: bytes) -> bytes:
    """A one-page PDF showing `text` in Helvetica, with a correct cross-reference table."""
    content = b"BT /F1 12 Tf 20 50 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 100] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_pdf_reads_its_text(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    (tmp_path / "plan.pdf").write_bytes(_pdf(b"Patents per 10,000 people: 12 by 2025"))
    assert read_document("plan.pdf") == "Patents per 10,000 people: 12 by 2025"


def test_a_pdf_saved_without_its_suffix_is_recognised(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    (tmp_path / "download").write_bytes(_pdf(b"Plan text"))
    assert read_document("download") == "Plan text"


def test_a_pdf_without_text_says_it_needs_text_recognition(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    (tmp_path / "scan.pdf").write_bytes(_pdf(b""))
    assert failure("scan.pdf") == (
        "scan.pdf: has no text to read (scanned pages?): the PDF needs text recognition (OCR) first"
    )


def test_a_docx_that_unpacks_to_gigabytes_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A .docx is a zip: 380 KB of empty paragraphs unpack to 230 MB, and python-docx would take gigabytes."""
    docx = pytest.importorskip("docx")
    import zipfile

    docx.Document().save(str(tmp_path / "small.docx"))
    with zipfile.ZipFile(tmp_path / "small.docx") as small, zipfile.ZipFile(tmp_path / "bomb.docx", "w") as bomb:
        for item in small.infolist():
            body = small.read(item.filename)
            if item.filename == "word/document.xml":
                body = body.replace(b"<w:body>", b"<w:body>" + b"<w:p/>" * 200_000)
            bomb.writestr(item, body, compress_type=zipfile.ZIP_DEFLATED)
    cap = documents.MAX_BYTES
    monkeypatch.setattr(documents, "MAX_BYTES", 2**18)  # the cap is four times MAX_BYTES, unpacked
    assert failure("bomb.docx") == "bomb.docx: unpacks to 1 MB: not read (a plan document is far smaller)"
    monkeypatch.setattr(documents, "MAX_BYTES", cap)
    assert read_document("bomb.docx") == ""


def test_a_damaged_pdf_or_docx_is_one_line_naming_it(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    pytest.importorskip("docx")
    (tmp_path / "plan.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf\n")
    (tmp_path / "plan.docx").write_text("saved as text, named .docx", encoding="utf-8")
    assert failure("plan.pdf").startswith("plan.pdf: not a readable PDF (")
    assert failure("plan.docx").startswith("plan.docx: not a readable .docx file (")


@pytest.mark.parametrize(("module", "name"), [("docx", "plan.docx"), ("pypdf", "plan.pdf")])
def test_without_the_docs_extra_the_message_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, name: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # as if not installed
    (tmp_path / name).write_bytes(b"%PDF-1.4\n")
    suffix = Path(name).suffix
    assert failure(name) == f"{name}: reading {suffix} needs the optional extra: pip install 'ipcompare[docs]'"


def test_an_old_word_document_says_to_save_it_as_docx(tmp_path: Path) -> None:
    (tmp_path / "plan.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert failure("plan.doc") == (
        "plan.doc: is an old Office file (Word 97-2003 .doc, .wps or .xls): save it as .docx"
    )


# -- files that cannot be read -----------------------------------------------------------------------------


def test_a_missing_file_is_one_line_naming_it() -> None:
    assert failure("missing.txt") == "missing.txt: no such file"


def test_a_directory_is_one_line_naming_it(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    assert failure(Path("sources")) == "sources: is a directory, not a document"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    assert failure("pipe") == "pipe: is a pipe, not a document"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_an_unreadable_file_gives_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(SENTENCE, encoding="utf-8")
    path.chmod(0)
    assert failure("plan.txt") == "plan.txt: cannot read: Permission denied"


def test_a_file_over_the_size_cap_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "MAX_BYTES", 8 * 2**20)
    (tmp_path / "big.txt").write_bytes(b"a" * (8 * 2**20 + 1))
    assert failure("big.txt") == "big.txt: is larger than 8 MB: not read (too large for a document)"
    (tmp_path / "big.txt").write_bytes(b"a" * (8 * 2**20))
    assert len(read_document("big.txt")) == 8 * 2**20


def test_a_file_outside_the_working_directory_is_named_by_its_path(tmp_path: Path) -> None:
    elsewhere = tmp_path.parent / f"{tmp_path.name}-missing.txt"
    assert failure(elsewhere) == f"{elsewhere}: no such file"
