#!/usr/bin/env python3
"""Writes the REFI-QDA test files of Fabrique (run from this folder). Each reproduces a quirk of
real exports without copying any: see schema/README.md."""
import io
import zipfile

FIXED = (2024, 1, 1, 0, 0, 0)


def zip_file(name, entries):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for entry, data in entries:
            info = zipfile.ZipInfo(entry, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def docx(text):
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
        paragraphs = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in text.split("\n"))
        z.writestr(zipfile.ZipInfo("word/document.xml", FIXED),
                   '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f'<w:body>{paragraphs}</w:body></w:document>')
    return buffer.getvalue()


# An empty project, as a tool writes it before anything is done: users only, upper-case GUIDs.
zip_file("empty-project.qdpx", [("project.qde", """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" origin="Another QDA tool 23.2" name="empty-project" creatingUserGUID="1F0B2A9C-3D4E-4F60-8A1B-2C3D4E5F6A7B" creationDateTime="2023-08-16T15:14:29Z" xmlns="urn:QDA-XML:project:1.0">
  <Users>
    <User guid="1F0B2A9C-3D4E-4F60-8A1B-2C3D4E5F6A7B" name="Ana Lyst" />
    <User guid="2A1C3B4D-5E6F-4071-8293-A4B5C6D7E8F9" name="Tool" />
  </Users>
</Project>
""")])

# Paired .docx/.txt sources whose .txt holds one byte, a .root marker, sources named by GUIDs,
# nested codes, no codings: what a desktop tool exports for a new project.
PAIRED = """<?xml version="1.0" encoding="UTF-8" standalone="no" ?><Project basePath="" creatingUserGUID="0b0b1791-be46-4557-9957-7333544cfaf2" name="paired project" origin="Desktop QDA 15" xmlns="urn:QDA-XML:project:1.0"><Users><User guid="0b0b1791-be46-4557-9957-7333544cfaf2" id="AL" name="ana"/></Users><CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000001" isCodable="true" name="definitions"><Code guid="00000000-0000-4000-8000-000000000002" isCodable="true" name="competencies"><Code guid="00000000-0000-4000-8000-000000000003" isCodable="true" name="programming"/></Code><Code guid="00000000-0000-4000-8000-000000000004" isCodable="true" name="concepts"/></Code><Code guid="00000000-0000-4000-8000-000000000005" isCodable="true" name="politics"/></Codes></CodeBook><Sources><TextSource creatingUser="0b0b1791-be46-4557-9957-7333544cfaf2" creationDateTime="2024-09-15T15:36:47Z" guid="d097e6fd-7671-4d95-a8b6-7795fa4a72e1" name="66653866-6334-3535-3435-366637306566" plainTextPath="internal://d097e6fd-7671-4d95-a8b6-7795fa4a72e1.txt" richTextPath="internal://d097e6fd-7671-4d95-a8b6-7795fa4a72e1.docx"/><TextSource guid="e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4" name="33663939-3636-3632-3038-613431643463" plainTextPath="internal://e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4.txt" richTextPath="internal://e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4.docx"/></Sources></Project>"""
zip_file("paired-sources.qdpx", [
    ("sources/d097e6fd-7671-4d95-a8b6-7795fa4a72e1.docx", docx("The registry opened its data.\nConsent was presumed.")),
    ("sources/e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4.txt", "\n"),
    ("sources/d097e6fd-7671-4d95-a8b6-7795fa4a72e1.txt", "\n"),
    ("sources/.root", ""),
    ("sources/e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4.docx", docx("A second interview about pseudonyms.")),
    ("project.qde", PAIRED),
])

# Upper-case Sources/, a CRLF text with a byte-order mark whose positions count the CR and the BOM,
# selections named by their quotes, an annotation (a selection with only a description), cases,
# variables on cases and sources, notes, sets, links, and a few broken references.
TEXT = "\ufeffINT: How was the cohort opened?\r\nDM: We pseudonymised the identifiers first.\r\nINT: And consent?\r\nDM: Consent was presumed for the registry.\r\n"
def span(quote):
    start = TEXT.index(quote)
    return start, start + len(quote)
s1 = span("pseudonymised the identifiers")
s2 = span("Consent was presumed")
s3 = span("And consent?")
TEXT2 = "Notes from the meeting of the data access committee. The committee asked for aggregation."
s4 = (TEXT2.index("aggregation"), TEXT2.index("aggregation") + len("aggregation"))
RICH = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Registry study" origin="Yet another QDA 2.0" creatingUserGUID="{{AAAAAAAA-0000-4000-8000-000000000001}}">
  <Users>
    <User guid="{{AAAAAAAA-0000-4000-8000-000000000001}}" name="Ana Lyst" id="ana"/>
    <User guid="aaaaaaaa-0000-4000-8000-000000000002" name="Bo Coder"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="c0000000-0000-4000-8000-000000000001" name="Governance" isCodable="false" color="#336699">
        <Description>Rules the data fall under</Description>
        <NoteRef targetGUID="b0000000-0000-4000-8000-000000000002"/>
        <Code guid="c0000000-0000-4000-8000-000000000002" name="Consent" isCodable="true" color="#f00"/>
        <Code guid="c0000000-0000-4000-8000-000000000003" name="Consent" isCodable="true"/>
      </Code>
      <Code guid="c0000000-0000-4000-8000-000000000004" name="Pseudonymisation" isCodable="true" color="#00aa00"/>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="e0000000-0000-4000-8000-000000000001" name="Age" typeOfVariable="Integer"><Description>Age of the informant</Description></Variable>
    <Variable guid="e0000000-0000-4000-8000-000000000002" name="Role" typeOfVariable="Text"/>
    <Variable guid="e0000000-0000-4000-8000-000000000003" name="Recorded" typeOfVariable="Date"/>
  </Variables>
  <Cases>
    <Case guid="f0000000-0000-4000-8000-000000000001" name="Cancer registry">
      <Description>The regional cancer registry</Description>
      <VariableValue><VariableRef targetGUID="e0000000-0000-4000-8000-000000000002"/><TextValue>data manager</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="e0000000-0000-4000-8000-000000000001"/><IntegerValue>47</IntegerValue></VariableValue>
      <SourceRef targetGUID="50000000-0000-4000-8000-000000000001"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="50000000-0000-4000-8000-000000000001" name="Interview DM" plainTextPath="internal://50000000-0000-4000-8000-000000000001.txt" creatingUser="aaaaaaaa-0000-4000-8000-000000000001" creationDateTime="2024-03-01T10:00:00Z">
      <Description>First interview</Description>
      <PlainTextSelection guid="60000000-0000-4000-8000-000000000001" name="pseudonymised the identifiers" startPosition="{s1[0]}" endPosition="{s1[1]}" creatingUser="aaaaaaaa-0000-4000-8000-000000000001">
        <Coding guid="70000000-0000-4000-8000-000000000001" creatingUser="aaaaaaaa-0000-4000-8000-000000000001"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000004"/></Coding>
        <Coding guid="70000000-0000-4000-8000-000000000002" creatingUser="aaaaaaaa-0000-4000-8000-000000000002"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000004"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="60000000-0000-4000-8000-000000000002" name="Consent was presumed" startPosition="{s2[0]}" endPosition="{s2[1]}">
        <Coding guid="70000000-0000-4000-8000-000000000003"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000002"/></Coding>
        <Coding guid="70000000-0000-4000-8000-000000000004"><CodeRef targetGUID="c0000000-0000-4000-8000-00000000dead"/></Coding>
        <NoteRef targetGUID="b0000000-0000-4000-8000-000000000001"/>
      </PlainTextSelection>
      <PlainTextSelection guid="60000000-0000-4000-8000-000000000003" startPosition="{s3[0]}" endPosition="{s3[1]}">
        <Description>The interviewer changes the subject</Description>
      </PlainTextSelection>
      <PlainTextSelection guid="60000000-0000-4000-8000-000000000004" name="a passage that is nowhere" startPosition="5000" endPosition="5010">
        <Coding guid="70000000-0000-4000-8000-000000000005"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000002"/></Coding>
      </PlainTextSelection>
      <VariableValue><VariableRef targetGUID="e0000000-0000-4000-8000-000000000003"/><DateValue>2024-03-01</DateValue></VariableValue>
    </TextSource>
    <TextSource guid="50000000-0000-4000-8000-000000000002" name="Committee notes" plainTextPath="internal://50000000-0000-4000-8000-000000000002.txt" richTextPath="internal://50000000-0000-4000-8000-000000000002.docx">
      <PlainTextSelection guid="60000000-0000-4000-8000-000000000005" name="aggregation" startPosition="{s4[0]}" endPosition="{s4[1]}">
        <Coding guid="70000000-0000-4000-8000-000000000006"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000003"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="50000000-0000-4000-8000-000000000003" name="Lost source" plainTextPath="internal://50000000-0000-4000-8000-000000000003.txt"/>
  </Sources>
  <Notes>
    <Note guid="b0000000-0000-4000-8000-000000000001" name="Presumed consent" creatingUser="aaaaaaaa-0000-4000-8000-000000000002">
      <PlainTextContent>Check the opt-out letters.</PlainTextContent>
    </Note>
    <Note guid="b0000000-0000-4000-8000-000000000002" name="Governance codes">
      <PlainTextContent>From the GDPR reading group.</PlainTextContent>
    </Note>
    <Note guid="b0000000-0000-4000-8000-000000000003" name="Project diary">
      <PlainTextContent>Started in March.</PlainTextContent>
    </Note>
  </Notes>
  <Links>
    <Link guid="d0000000-0000-4000-8000-000000000001" name="explains" direction="OneWay" color="#123456" originGUID="c0000000-0000-4000-8000-000000000004" targetGUID="c0000000-0000-4000-8000-000000000002"/>
    <Link guid="d0000000-0000-4000-8000-000000000002" name="dangling" originGUID="c0000000-0000-4000-8000-000000000004" targetGUID="c0000000-0000-4000-8000-0000000beef0"/>
  </Links>
  <Sets>
    <Set guid="a0000000-0000-4000-8000-000000000001" name="Privacy">
      <Description>Codes about privacy</Description>
      <MemberCode targetGUID="c0000000-0000-4000-8000-000000000002"/>
      <MemberCode targetGUID="c0000000-0000-4000-8000-000000000004"/>
      <MemberSource targetGUID="50000000-0000-4000-8000-000000000001"/>
      <MemberNote targetGUID="b0000000-0000-4000-8000-000000000001"/>
    </Set>
  </Sets>
  <Description>A study of a cancer registry</Description>
  <NoteRef targetGUID="b0000000-0000-4000-8000-000000000003"/>
</Project>
"""
zip_file("registry-study.qdpx", [
    ("project.qde", RICH),
    ("Sources/50000000-0000-4000-8000-000000000001.txt", TEXT.encode("utf-8")),
    ("Sources/50000000-0000-4000-8000-000000000002.txt", TEXT2.encode("utf-8")),
    ("Sources/50000000-0000-4000-8000-000000000002.docx", docx(TEXT2)),
])

# A bare .qde in another namespace version, GUIDs in braces, text inside the XML, a PDF with its
# text representation, and picture and audio sources Fabrique cannot hold.
with open("namespace-variant.qde", "w", encoding="utf-8") as out:
    out.write("""<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.2" name="Variant">
  <CodeBook><Codes><Code guid="{11111111-2222-4333-8444-555555555555}" name="Tension" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="{11111111-2222-4333-8444-000000000001}" name="Inline">
      <PlainTextContent>Utility against privacy.</PlainTextContent>
      <PlainTextSelection guid="{11111111-2222-4333-8444-000000000002}" startPosition="0" endPosition="7">
        <Coding guid="{11111111-2222-4333-8444-000000000003}"><CodeRef targetGUID="{11111111-2222-4333-8444-555555555555}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="{11111111-2222-4333-8444-000000000004}" name="Opinion">
      <PDFSelection guid="{11111111-2222-4333-8444-000000000005}" page="1" firstX="0" firstY="0" secondX="10" secondY="10"/>
      <Representation guid="{11111111-2222-4333-8444-000000000006}" name="Opinion text">
        <PlainTextContent>The committee approves the reuse.</PlainTextContent>
        <PlainTextSelection guid="{11111111-2222-4333-8444-000000000007}" name="approves" startPosition="14" endPosition="22">
          <Coding guid="{11111111-2222-4333-8444-000000000008}"><CodeRef targetGUID="{11111111-2222-4333-8444-555555555555}"/></Coding>
        </PlainTextSelection>
      </Representation>
    </PDFSource>
    <PictureSource guid="{11111111-2222-4333-8444-000000000009}" name="Whiteboard" path="internal://whiteboard.png">
      <PictureSelection guid="{11111111-2222-4333-8444-00000000000a}" firstX="1" firstY="1" secondX="5" secondY="5"/>
    </PictureSource>
    <AudioSource guid="{11111111-2222-4333-8444-00000000000b}" name="Recording" path="relative:///rec.m4a"/>
  </Sources>
  <Graphs><Graph guid="{11111111-2222-4333-8444-00000000000c}" name="Map"/></Graphs>
</Project>
""")

# A codebook: nested codes, a code whose name spells a hierarchy, sets with MemberCode guid.
with open("codebook.qdc", "w", encoding="utf-8") as out:
    out.write("""<?xml version="1.0" encoding="UTF-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Some tool">
  <Codes>
    <Code guid="{5215cc69-b628-4e02-afb9-9beeaee55808}" name="Topics" isCodable="false">
      <Code guid="{d7aa29da-519b-4946-9b90-253b6db8fd0a}" name="Economy" isCodable="true" color="#ffff00">
        <Description>Anything about jobs or taxes</Description>
      </Code>
    </Code>
    <Code guid="9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520" name="Values::Liberals" isCodable="true"/>
  </Codes>
  <Sets>
    <Set guid="12365523-1035-4afa-9e7b-281fe0bc51c5" name="Core">
      <MemberCode guid="{d7aa29da-519b-4946-9b90-253b6db8fd0a}"/>
    </Set>
  </Sets>
</CodeBook>
""")

# A codebook and nothing else, as a desktop tool exports a project before any source is added:
# upper-case GUIDs, a schema location, the tool itself listed as a user, codes named by timestamps.
zip_file("codes-only.qdpx", [("project.qde", """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd" origin="Another QDA tool 23.2" name="codes-only" creatingUserGUID="3C4D5E6F-7081-4923-A4B5-C6D7E8F90A1B" creationDateTime="2023-08-16T15:49:36Z" modifyingUserGUID="3C4D5E6F-7081-4923-A4B5-C6D7E8F90A1B" modifiedDateTime="2023-08-16T15:50:33Z" xmlns="urn:QDA-XML:project:1.0">
  <Users>
    <User guid="3C4D5E6F-7081-4923-A4B5-C6D7E8F90A1B" name="Ana Lyst" />
    <User guid="4D5E6F70-8192-4A34-B5C6-D7E8F90A1B2C" name="Tool" />
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="5E6F7081-92A3-4B45-86D7-E8F90A1B2C3D" name="Meetings" isCodable="true">
        <Code guid="6F708192-A3B4-4C56-97E8-F90A1B2C3D4E" name="2024-05-10T09:00:00Z steering" isCodable="true" />
        <Code guid="708192A3-B4C5-4D67-A8F9-0A1B2C3D4E5F" name="2024-02-11T14:30:00Z data lab" isCodable="true" />
      </Code>
    </Codes>
  </CodeBook>
</Project>
""")])

# Paired sources whose .docx holds no text and whose .txt holds one byte: nothing can be imported,
# and the report says so for each.
TEXTLESS = PAIRED.replace('name="paired project"', 'name="textless sources"')
zip_file("textless-sources.qdpx", [
    ("sources/d097e6fd-7671-4d95-a8b6-7795fa4a72e1.docx", docx("")),
    ("sources/e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4.txt", "\n"),
    ("sources/d097e6fd-7671-4d95-a8b6-7795fa4a72e1.txt", "\n"),
    ("sources/.root", ""),
    ("sources/e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4.docx", docx("")),
    ("project.qde", TEXTLESS),
])
