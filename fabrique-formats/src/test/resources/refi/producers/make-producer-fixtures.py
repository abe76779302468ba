#!/usr/bin/env python3
"""Writes REFI-QDA projects that reproduce how each producing tool counts the positions of its
selections and names its files (run from this folder). Every text is generated here from word lists;
nothing is copied from a real project. Each project comes with NAME.expected.json: for every
selection GUID, the text it must select once imported (null when the import must refuse it), so
that tests check every quote, not only counts.

Conventions reproduced (see docs/refi-qda.md):
- nvivo-windows: UTF-8 with a byte-order mark, CRLF line ends, emoji; positions in UTF-16 units of
  the text with its CRLF, the byte-order mark not counted; no selection names; upper-case Sources/.
- qc-bare-paths: plainTextPath="board_2017.txt" (no internal://), files in sources/; selections of
  whole lines named "line:N"; positions in code points; emoji before the selections.
- qualcoder: UTF-8 with a byte-order mark ("utf-8-sig"), code points not counting it; one text with
  LF, one written with CRLF for MAXQDA whose positions still count LF; names are the quotes.
- atlas-ti: CRLF counted as one character, UTF-16 units, emoji, names are the start of the quote.
- maxqda: byte-order mark and CRLF, code points, CRLF as one, no names, GUIDs in upper case and
  braces, a relative:// path to a file that is inside the archive, variables of sources in Cases.
- ambiguous: positions that fall nowhere in particular: no reading is clearly right.
- nvivo-mac: lower-case sources/ with a .root marker, every source a .docx beside a .txt; an
  interview whose .txt holds its text (LF, emoji; positions in UTF-16 units, no selection names);
  a document whose .txt holds one byte and whose .docx has no text (a source without text); a
  document whose .txt holds one byte but whose .docx has text and selections: without names they
  cannot be verified against the extracted text and must be refused.
- taguette: a codebook (.qdc) as Taguette writes it: no namespace, flat codes named by their tag
  path, upper-case GUIDs derived from the path, no colours, no descriptions, an empty Sets element.
"""
import io
import json
import random
import uuid
import zipfile
from xml.sax.saxutils import escape, quoteattr

FIXED = (2024, 1, 1, 0, 0, 0)
RNG = random.Random(20261204)


def guid(upper=False, braces=False):
    g = str(uuid.UUID(int=RNG.getrandbits(128), version=4))
    if upper:
        g = g.upper()
    return "{" + g + "}" if braces else g


def zip_file(name, entries):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for entry, data in entries:
            info = zipfile.ZipInfo(entry, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


HU = ("adatvédelem hozzájárulás kutatás személyes adatok egészségügyi nyilvántartás megosztás "
      "álnevesítés kockázat kérdés válasz bizottság döntés őrzés szövetség együttműködés kórház "
      "betegek orvosok gyűjtés engedély törvény hozzáférés felhasználás tárolás elemzés minta "
      "eredmény szerződés ügyfél titoktartás feldolgozás jóváhagyás ellenőrzés szabály jelentés "
      "változás átadás célja módszer körülmény érdekelt fél nyilvános zárt mező érték").split()
DE = ("Datenschutz Einwilligung Forschung Patienten Daten Zugang Register Klinik Ausschuss "
      "Entscheidung Prüfung Übermittlung Pseudonymisierung Speicherung Auswertung Regeln Bericht "
      "Qualität Ärztin Größe Behörde Zweck Verträge öffentlich geschlossen").split()
EN = ("the registry opened its data to researchers after the committee agreed on consent privacy "
      "sharing curation anonymized records were pseudonymised before the linkage and the steward "
      "explained how the extract was prepared for reuse by the team").split()
EMOJI = ["😀", "🙂", "👍", "🏥", "📊", "🔒", "🙏", "😅", "❤️", "👩‍⚕️", "👍🏽", "🤔"]


def sentence(words, emoji_rate):
    n = RNG.randint(5, 14)
    parts = [RNG.choice(words) for _ in range(n)]
    parts[0] = parts[0][0].upper() + parts[0][1:]
    if RNG.random() < emoji_rate:
        parts.insert(RNG.randint(1, n - 1), RNG.choice(EMOJI))
    text = " ".join(parts) + RNG.choice([".", ".", "?", "!"])
    if RNG.random() < emoji_rate:
        text += " " + RNG.choice(EMOJI)
    return text


def paragraphs(words, count, emoji_rate, speakers=None):
    """Lines of one to four sentences; a speaker label starts each when speakers are given."""
    lines = []
    for i in range(count):
        line = " ".join(sentence(words, emoji_rate) for _ in range(RNG.randint(1, 4)))
        if speakers:
            line = speakers[i % len(speakers)] + ": " + line
        lines.append(line)
        if RNG.random() < 0.15:
            lines.append("")
    return lines


def word_spans(text):
    """[start, end) of every word (letters, digits and marks) of a text, in code points."""
    spans, start = [], None
    for i, c in enumerate(text + " "):
        if c.isalnum():
            if start is None:
                start = i
        elif start is not None:
            spans.append((start, i))
            start = None
    return spans


def pick_selections(text, count):
    """Selections as a person makes them: whole lines, sentences, or runs of words."""
    lines, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    words = word_spans(text)
    chosen = set()
    while len(chosen) < count:
        kind = RNG.random()
        if kind < 0.4:
            chosen.add(RNG.choice(lines))
        elif kind < 0.7:
            start, end = RNG.choice(lines)
            stops = [i + 1 for i in range(start, end) if text[i] in ".?!"]
            first = start if RNG.random() < 0.5 else max(
                [w[0] for w in words if start <= w[0] < end] or [start])
            last = [s for s in stops if s > first]
            if last:
                chosen.add((first, RNG.choice(last)))
        else:
            i = RNG.randrange(len(words) - 6)
            chosen.add((words[i][0], words[i + RNG.randint(0, 5)][1]))
    return sorted(chosen)


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


class Project:
    def __init__(self, name, origin, upper=False, braces=False):
        self.name, self.origin = name, origin
        self.upper, self.braces = upper, braces
        self.users = [(self.g(), "Anna Kovács", "AK"), (self.g(), "Béla Nagy", "BN")]
        self.codes = [(self.g(), n) for n in
                      ("Adatvédelem", "Hozzájárulás", "Megosztás", "Kockázat", "Bizottság",
                       "Döntés", "Álnevesítés", "Hozzáférés", "Felhasználás", "Tárolás",
                       "Elemzés", "Szerződés", "Titoktartás", "Ellenőrzés", "Jelentés",
                       "Együttműködés", "Kórház", "Betegek", "Orvosok", "Engedély",
                       "Törvény", "Minta", "Eredmény", "Szabály", "Változás")]
        self.sources = []
        self.expected = {}
        self.codings = 0

    def g(self):
        return guid(self.upper, self.braces)

    def add_source(self, source_name, path_attr, text_lf, selections, position, names, bom=False,
                   crlf=False, entry=None, refused=(), rich_path=None, shipped_text=None):
        """position(prefix_lf) gives the producer's count of the text before a point."""
        shipped = text_lf.replace("\n", "\r\n") if crlf else text_lf
        data = ("\ufeff" if bom else "") + (shipped if shipped_text is None else shipped_text)
        source_guid = self.g()
        xml_selections = []
        for index, (start, end) in enumerate(selections):
            sel_guid = self.g()
            quote = text_lf[start:end]
            name = names(quote, index) if names else None
            codings = []
            pairs = set()
            for _ in range(2 if RNG.random() < 0.08 else 1):
                code = RNG.choice(self.codes)[0]
                user = RNG.choice(self.users)[0]
                if (code, user) in pairs:
                    continue
                pairs.add((code, user))
                codings.append(
                    f'<Coding guid="{self.g()}" creatingUser="{user}" '
                    f'creationDateTime="2021-0{RNG.randint(1, 9)}-1{RNG.randint(0, 9)}T10:00:00Z">'
                    f'<CodeRef targetGUID="{code}"/></Coding>')
                self.codings += 1
            name_attr = f" name={quoteattr(name)}" if name is not None else ""
            xml_selections.append(
                f'<PlainTextSelection guid="{sel_guid}"{name_attr} '
                f'startPosition="{position(text_lf[:start])}" endPosition="{position(text_lf[:end])}" '
                f'creatingUser="{self.users[0][0]}" creationDateTime="2021-05-04T09:30:00Z">'
                + "".join(codings) + "</PlainTextSelection>")
            self.expected[sel_guid] = None if index in refused else quote
        self.sources.append(
            f'<TextSource guid="{source_guid}" name={quoteattr(source_name)} '
            f'plainTextPath={quoteattr(path_attr)} '
            + (f'richTextPath={quoteattr(rich_path)} ' if rich_path else "")
            + f'creatingUser="{self.users[0][0]}" '
            f'creationDateTime="2020-11-02T08:15:00Z">' + "".join(xml_selections) + "</TextSource>")
        return (entry, data.encode("utf-8"))

    def qde(self):
        users = "".join(f'<User guid="{g}" name={quoteattr(n)} id="{i}"/>' for g, n, i in self.users)
        codes = "".join(
            f'<Code guid="{g}" name={quoteattr(n)} isCodable="true"'
            + (f' color="#{RNG.randrange(0x1000000):06x}"' if k % 3 else "")
            + ">" + (f"<Description>  {escape(n)}: what the informants say of it.\n</Description>"
                     if k % 4 == 0 else "") + "</Code>"
            for k, (g, n) in enumerate(self.codes))
        return (f'<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" '
                f'name={quoteattr(self.name)} origin={quoteattr(self.origin)} '
                f'creatingUserGUID="{self.users[0][0]}" creationDateTime="2020-10-01T12:00:00Z">'
                f"<Users>{users}</Users><CodeBook><Codes>{codes}</Codes></CodeBook>"
                f"<Sources>{''.join(self.sources)}</Sources></Project>")

    def write(self, files):
        zip_file(self.name + ".qdpx", [("project.qde", self.qde().encode("utf-8"))] + files)
        with open(self.name + ".expected.json", "w", encoding="utf-8") as out:
            json.dump({"codings": self.codings, "selections": self.expected}, out,
                      ensure_ascii=False, indent=1, sort_keys=True)


def nvivo_windows():
    p = Project("nvivo-windows", "NVivo for Windows 12.6.1.970")
    files = []
    for title, count, selections in (("Interjú 1", 420, 150), ("Interjú 2", 400, 128)):
        text = "\n".join(paragraphs(HU, count, 0.35, ["Kérdező", "Válaszadó"])) + "\n"
        spans = pick_selections(text, selections)
        g = guid()
        files.append(p.add_source(
            title, f"internal://{g}.txt", text, spans,
            lambda before: utf16_length(before.replace("\n", "\r\n")), None, bom=True, crlf=True,
            entry=f"Sources/{g}.txt"))
    p.write(files)


def qc_bare_paths():
    p = Project("qc-bare-paths", "qc 2.1.4")
    files = []
    for file_name in ("board_2017.txt", "minutes_2018.txt"):
        lines = paragraphs(EN, 60, 0.3)
        text = "\n".join(lines) + "\n"
        starts, pos = [], 0
        for line in text.split("\n")[:-1]:
            starts.append((pos, pos + len(line) + 1))
            pos += len(line) + 1
        spans = [s for s in starts if s[1] - s[0] > 1][3::3]
        files.append(p.add_source(
            file_name, file_name, text, spans, lambda before: len(before),
            lambda quote, i: f"line:{3 + 3 * i}", entry=f"sources/{file_name}"))
    p.write(files)


def qualcoder():
    p = Project("qualcoder", "QualCoder 3.6")
    files = []
    for title, crlf in (("Focus group", False), ("Interview for MAXQDA", True)):
        text = "\n".join(paragraphs(EN, 40, 0.3, ["Moderator", "P1", "P2"])) + "\n"
        spans = pick_selections(text, 25)
        g = guid()
        files.append(p.add_source(
            title, f"internal://{g}.txt", text, spans, lambda before: len(before),
            lambda quote, i: quote, bom=True, crlf=crlf, entry=f"sources/{g}.txt"))
    p.write(files)


def atlas_ti():
    p = Project("atlas-ti", "ATLAS.ti for Windows 23.2.3.27778")
    text = "\n".join(paragraphs(EN, 80, 0.35, ["I", "R"])) + "\n"
    spans = pick_selections(text, 40)
    g = guid()
    files = [p.add_source(
        "Interview R", f"internal://{g}.txt", text, spans, lambda before: utf16_length(before),
        lambda quote, i: quote if len(quote) <= 40 else quote[:37] + "...", crlf=True,
        entry=f"sources/{g}.txt")]
    p.write(files)


def maxqda():
    p = Project("maxqda", "MAXQDA 2022 (Release 22.8.0)", upper=True, braces=True)
    text = "\n".join(paragraphs(DE, 70, 0.0, ["I", "B"])) + "\n"
    spans = pick_selections(text, 35)
    files = [p.add_source(
        "Interview Klinik", "relative://sources/Interview Klinik.txt", text, spans,
        lambda before: len(before), None, bom=True, crlf=True,
        entry="sources/Interview Klinik.txt")]
    p.write(files)


def ambiguous():
    p = Project("ambiguous", "Some QDA tool 1.0")
    head = "Introduction without any special character at all.\n"
    text = head + "\n".join(paragraphs(EN, 50, 0.5)) + "\n"
    safe = [(0, 12), (13, 20), (21, 28)]
    rest = []
    while len(rest) < 30:
        start = RNG.randrange(len(head) + 5, len(text) - 40)
        rest.append((start, start + RNG.randint(5, 30)))
    spans = safe + sorted(set(rest))
    files = [p.add_source(
        "Notes", "internal://notes.txt", text, spans,
        lambda before: len(before.replace("\n", "\r\n")), None, crlf=True,
        entry="sources/notes.txt", refused=set(range(3, len(spans))))]
    p.write(files)


def docx(text):
    """A minimal Word document holding text, one paragraph a line."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", FIXED),
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr(zipfile.ZipInfo("_rels/.rels", FIXED),
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>'
                       for p in text.split("\n") if text)
        z.writestr(zipfile.ZipInfo("word/document.xml", FIXED),
                   '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f'<w:body>{body}</w:body></w:document>')
    return buffer.getvalue()


def nvivo_mac():
    p = Project("nvivo-mac", "NVivo for Mac 15.0.0")
    files = [("sources/.root", b"")]
    text = "\n".join(paragraphs(EN, 90, 0.4, ["Interviewer", "Participant"])) + "\n"
    g = guid()
    files.append(p.add_source(
        "Interview 3", f"internal://{g}.txt", text, pick_selections(text, 45),
        lambda before: utf16_length(before), None, entry=f"sources/{g}.txt",
        rich_path=f"internal://{g}.docx"))
    files.append((f"sources/{g}.docx", docx(text.rstrip("\n"))))
    g = guid()
    files.append(p.add_source(
        "Consent form", f"internal://{g}.txt", "", [], len, None, entry=f"sources/{g}.txt",
        rich_path=f"internal://{g}.docx", shipped_text="\n"))
    files.append((f"sources/{g}.docx", docx("")))
    text = "\n".join(paragraphs(EN, 12, 0.0)) + "\n"
    selections = pick_selections(text, 6)
    g = guid()
    files.append(p.add_source(
        "Field notes", f"internal://{g}.txt", text, selections,
        lambda before: utf16_length(before), None, entry=f"sources/{g}.txt",
        rich_path=f"internal://{g}.docx", shipped_text="\n", refused=set(range(len(selections)))))
    files.append((f"sources/{g}.docx", docx(text.rstrip("\n"))))
    p.write(files)


def taguette():
    namespace = uuid.UUID("51B2B2B7-27EB-4ECB-9D56-E75B0A0496C2")
    paths = ["consent", "data sharing", "privacy", "re-identification risk", "trust in the registry",
             "Zugang für Forschende", "álnevesítés"]
    codes = "".join(
        f'<Code guid="{str(uuid.uuid5(namespace, path)).upper()}" name={quoteattr(path)} '
        f'isCodable="true"/>' for path in paths)
    with open("taguette.qdc", "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook origin="Taguette 1.4.1">'
                  f"<Codes>{codes}</Codes><Sets></Sets></CodeBook>")


if __name__ == "__main__":
    nvivo_windows()
    qc_bare_paths()
    qualcoder()
    atlas_ti()
    maxqda()
    ambiguous()
    nvivo_mac()
    taguette()
