"""EDGAR's SGML envelope: a submission file (`<SEC-DOCUMENT>`, `<DOCUMENT>`, `<TYPE>EX-99.1`, `<TEXT>`) holds the
8-K and its exhibits. The release is the EX-99 document's text, HTML or plain text; it is taken out before
the layout is detected, so a 1999 plain-text exhibit is not mistaken for HTML by its wrapper's tags.
"""
from __future__ import annotations

import regex

# Old plain-text filings mark page breaks with a <PAGE> line (sometimes numbered); it is no part of the text.
_PAGE_LINE = regex.compile(r"^[ \t]*<PAGE>[ \t]*\d*[ \t]*$", regex.M | regex.I)


def exhibit_text(text: str) -> str:
    """The text inside an EDGAR SGML wrapper, or the text itself when there is no wrapper.

    EDGAR's wrapper tags are upper case and line-oriented, so plain string search finds them; what is inside is
    left to the readers. With several <DOCUMENT>s the first EX-99 one wins, else the first."""
    if "<TEXT>" not in text:
        return text
    documents = []
    pos = 0
    while True:
        begin = text.find("<TEXT>", pos)
        if begin < 0:
            break
        end = text.find("</TEXT>", begin)
        end = len(text) if end < 0 else end
        documents.append((_sgml_type(text, pos, begin), text[begin + len("<TEXT>"):end]))
        pos = end + 1
    body = next((b for t, b in documents if t.startswith("EX-99")), documents[0][1])
    return _PAGE_LINE.sub("", body) if "<PAGE>" in body.upper() else body


def _sgml_type(text: str, after: int, text_tag: int) -> str:
    """The <TYPE> value of the SGML document whose <TEXT> starts at `text_tag` (searching back to `after`, the
    end of the previous document, so that many documents stay linear)."""
    doc_start = text.rfind("<DOCUMENT>", after, text_tag)
    type_tag = text.find("<TYPE>", max(doc_start, after), text_tag)
    if type_tag < 0:
        return ""
    line_end = text.find("\n", type_tag)
    return text[type_tag + len("<TYPE>"):line_end if 0 <= line_end < text_tag else text_tag].strip().upper()
