"""EDGAR's SGML envelope: a submission file (`<SEC-DOCUMENT>`, `<DOCUMENT>`, `<TYPE>EX-99.1`, `<TEXT>`) holds the
8-K and its exhibits. The release is the text of its EX-99 documents, HTML or plain text: older filings spread
one release over several (the narrative in EX-99.1, the statements in EX-99.2 to EX-99.6), so all of them are
read, in order, as one. It is taken out before the layout is detected, so a 1999 plain-text exhibit is not
mistaken for HTML by its wrapper's tags; nor by the tags plain-text exhibits of that time put around their
tables (`<TABLE>`, `<CAPTION>`, `<S>`, `<C>`, `<FN>`), which are blanked where they stand so that the columns
keep their places.
"""
from __future__ import annotations

import regex
from ..rulebook.regex_code import kept_regex

# Old plain-text filings mark page breaks with a <PAGE> line (sometimes numbered); it is no part of the text.
_PAGE_LINE = kept_regex(r"^[ \t]*<PAGE>[ \t]*\d*[ \t]*$", regex.M | regex.I)
# Markup that only HTML has: a body holding none of it is plain text, whatever SGML table tags it carries.
_HTML_ONLY = kept_regex(r"<(?:html|body|div|p|font|br|tr|td|span)\b", regex.I)
_TABLE_TAG = kept_regex(r"</?(?:TABLE|CAPTION|S|C|FN)>")
_TAG_LINE = kept_regex(r"^(?:[ \t]*</?(?:TABLE|CAPTION|S|C|FN)>)+[ \t]*\n", regex.M)


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
    bodies = [b for t, b in documents if t.startswith("EX-99")] or [documents[0][1]]
    return "\n\n".join(_plain(b) for b in bodies)


def _plain(body: str) -> str:
    """An exhibit's body without its page marks, and, when it is plain text, without its table tags."""
    if "<PAGE>" in body.upper():
        body = _PAGE_LINE.sub("", body)
    if _TABLE_TAG.search(body) and not _HTML_ONLY.search(body):
        body = _TAG_LINE.sub("", body)
        body = _TABLE_TAG.sub(lambda m: " " * len(m[0]), body)
    return body


def _sgml_type(text: str, after: int, text_tag: int) -> str:
    """The <TYPE> value of the SGML document whose <TEXT> starts at `text_tag` (searching back to `after`, the
    end of the previous document, so that many documents stay linear)."""
    doc_start = text.rfind("<DOCUMENT>", after, text_tag)
    type_tag = text.find("<TYPE>", max(doc_start, after), text_tag)
    if type_tag < 0:
        return ""
    line_end = text.find("\n", type_tag)
    return text[type_tag + len("<TYPE>"):line_end if 0 <= line_end < text_tag else text_tag].strip().upper()
