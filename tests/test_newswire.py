"""Newswire SGML (DUC, TAC, TREC): articles, titles, dates and agencies out of <DOC> elements.

The articles here are written for these tests, in the corpora's layouts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsfuse
from newsfuse.errors import InputError
from newsfuse.load import load_inputs
from newsfuse.newswire import agency, looks_like_newswire, parse_newswire

DUC = """<DOC>
<DOCNO> APW19990312.0101 </DOCNO>
<DOCTYPE> NEWS STORY </DOCTYPE>
<DATE_TIME> 03/12/1999 08:15:00 </DATE_TIME>
<BODY>
<SLUG> BC-Harbor-Ferry </SLUG>
<HEADLINE> Ferry runs aground in Halden harbor &amp; 40 rescued </HEADLINE>
<TEXT>
<P>
HALDEN, Norway (AP) _ A passenger ferry ran aground at the mouth of Halden harbor on Friday, and rescue boats
brought all 40 people on board to shore, the coast guard said.
</P>
<P>
The ferry, the Osterfjord, struck a sandbar in thick fog shortly after leaving the dock, officials said.
</P>
</TEXT>
</BODY>
<TRAILER>
AP-NY-03-12-99 0815EDT
</TRAILER>
</DOC>
"""

NYT = """<DOC>
<DOCNO> NYT19990313.0042 </DOCNO>
<DOCTYPE> NEWS STORY </DOCTYPE>
<DATE_TIME> 03/13/1999 01:02:00 </DATE_TIME>
<BODY>
<SLUG> BC-NORWAY-FERRY-NYT </SLUG>
<HEADLINE>
FOG BLAMED AS FERRY GROUNDS OFF NORWAY
</HEADLINE>
(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS.)
<TEXT>
   HALDEN, Norway _ Thick fog was blamed on Saturday for the grounding of a passenger ferry at the mouth
of Halden harbor, where all 40 people on board were rescued without serious injury.
   The coast guard said the Osterfjord had struck a sandbar minutes after leaving the dock on Friday.
</TEXT>
</BODY>
</DOC>
"""

AQUAINT2 = """<DOC id="XIN_ENG_20050611.0077" type="story" >
<HEADLINE>
Norway opens inquiry into ferry grounding
</HEADLINE>
<DATELINE>
OSLO, June 11 (Xinhua)
</DATELINE>
<TEXT>
<P>
Norway's maritime authority opened an inquiry on Saturday into the grounding of a passenger ferry near Halden.
</P>
</TEXT>
</DOC>
"""

TREC = """<DOC>
<DOCNO> AP880911-0016 </DOCNO>
<FILEID>AP-NR-09-11-88 0423EDT</FILEID>
<HEAD>Ferry Grounds Near Halden</HEAD>
<TEXT>
   A ferry ran aground near Halden on Saturday and all passengers were taken ashore, officials said.
</TEXT>
</DOC>
"""


def test_a_duc_document_gives_its_text_title_date_and_agency() -> None:
    [doc] = parse_newswire(DUC)
    assert doc.number == "APW19990312.0101"
    assert doc.title == "Ferry runs aground in Halden harbor & 40 rescued"
    assert doc.date == "1999-03-12"
    assert doc.agency == "Associated Press"
    assert doc.text.startswith("HALDEN, Norway (AP) _ A passenger ferry ran aground")
    assert "\n\nThe ferry, the Osterfjord" in doc.text  # <P> boundaries stay paragraph breaks
    for furniture in ("BC-Harbor-Ferry", "AP-NY-03-12-99", "NEWS STORY", "<P>", "</TEXT>"):
        assert furniture not in doc.text


def test_other_layouts() -> None:
    [nyt] = parse_newswire(NYT)
    assert (nyt.title, nyt.date, nyt.agency) == ("FOG BLAMED AS FERRY GROUNDS OFF NORWAY", "1999-03-13", "The New York Times")
    assert "STORY CAN END HERE" not in nyt.text and "Thick fog was blamed" in nyt.text
    [xin] = parse_newswire(AQUAINT2)  # TAC 2008-2011: the number is an attribute, the date comes from it
    assert (xin.number, xin.date, xin.agency) == ("XIN_ENG_20050611.0077", "2005-06-11", "Xinhua")
    assert "OSLO, June 11" not in xin.text  # the dateline is outside the text
    [ap] = parse_newswire(TREC)
    assert (ap.title, ap.date, ap.agency) == ("Ferry Grounds Near Halden", "1988-09-11", "Associated Press")


@pytest.mark.parametrize(
    ("text", "wire"),
    [
        (DUC, True),
        ("  \n" + AQUAINT2, True),
        ("<!DOCTYPE html><html><body><p>Hello.</p></body></html>", False),
        ("<DOCUMENT><TEXT>not a wire document</TEXT></DOCUMENT>", False),
        ("<DOC><DOCNO> X1 </DOCNO></DOC>", False),  # no <TEXT> block
        ("The DOC said <DOC> and <TEXT>.", False),
    ],
)
def test_looks_like_newswire(text: str, wire: bool) -> None:
    assert looks_like_newswire(text) is wire


def test_agency_names() -> None:
    assert agency("LTW19980601.0012") == "Los Angeles Times-Washington Post"
    assert agency("AFP_ENG_20050104.0001") == "Agence France-Presse"
    assert agency("ZZZ123") is None and agency(None) is None


def test_a_topic_directory_and_a_file_of_several_docs(tmp_path: Path) -> None:
    topic = tmp_path / "d30001t"
    topic.mkdir()
    (topic / "APW19990312.0101").write_text(DUC, encoding="utf-8")
    (topic / "NYT19990313.0042").write_text(NYT, encoding="utf-8")
    docs = load_inputs([str(topic)])
    assert [(d.id, d.source, d.date) for d in docs] == [
        ("APW19990312.0101", "Associated Press", "1999-03-12"),
        ("NYT19990313.0042", "The New York Times", "1999-03-13"),
    ]
    bundle = tmp_path / "source.sgml"
    bundle.write_text(DUC + NYT + AQUAINT2, encoding="utf-8")  # a corpus file: one article per <DOC>
    assert [d.id for d in load_inputs([str(bundle)])] == ["APW19990312.0101", "NYT19990313.0042", "XIN_ENG_20050611.0077"]


def test_docs_without_text_are_reported(tmp_path: Path) -> None:
    f = tmp_path / "empty.sgml"
    f.write_text("<DOC>\n<DOCNO> X1 </DOCNO>\n<TEXT>\n</TEXT>\n</DOC>\n", encoding="utf-8")
    with pytest.raises(InputError, match="no article text in a <TEXT> block"):
        load_inputs([str(f)])


def test_a_brief_of_wire_copies_names_the_agencies() -> None:
    # as a JSONL cluster hands them over: each document one SGML string
    brief = newsfuse.summarize([DUC, NYT, AQUAINT2], words=60)
    names = [s.name for s in brief.sources]
    assert names == ["Associated Press", "The New York Times", "Xinhua"]
    assert [s.title for s in brief.sources][0] == "Ferry runs aground in Halden harbor & 40 rescued"
    text = brief.render("text")
    assert "<" not in text.split("Sources:")[0] and "BC-" not in text and "STORY CAN END" not in text
    for s in brief.sentences:  # verbatim from the cleaned article text
        assert s.text in brief.cleaned[[src.id for src in brief.sources].index(s.origin)]
