#!/usr/bin/env python3
"""Writes Fieldwork.qda, a QualCoder project folder, from QualCoder's published schema (the CREATE
TABLE statements of its database version v14 as QualCoder creates them; only the tables Fabrique
reads, and the picture codings it must report). Every text is written here; nothing is copied from a
real project. Positions are code points of `fulltext`, as QualCoder (Python) counts them, with emoji
before the codings so that a reading in UTF-16 units would misplace them."""
import json
import os
import shutil
import sqlite3

SCHEMA = [
    "CREATE TABLE project (databaseversion text, date text, memo text, about text, bookmarkfile integer,"
    " bookmarkpos integer, codername text, recently_used_codes text)",
    "CREATE TABLE source (id integer primary key, name text, fulltext text, mediapath text, memo text,"
    " owner text, date text, av_text_id integer, risid integer, unique(name))",
    "CREATE TABLE code_image (imid integer primary key, id integer, x1 real, y1 real, width real,"
    " height real, cid integer, memo text, date text, owner text, important integer, pdf_page integer)",
    "CREATE TABLE code_av (avid integer primary key, id integer, pos0 integer, pos1 integer, cid integer,"
    " memo text, date text, owner text, important integer)",
    "CREATE TABLE annotation (anid integer primary key, fid integer, pos0 integer, pos1 integer, memo text,"
    " owner text, date text, unique(fid,pos0,pos1,owner))",
    "CREATE TABLE attribute_type (name text primary key, date text, owner text, memo text, caseOrFile text,"
    " valuetype text)",
    "CREATE TABLE attribute (attrid integer primary key, name text, attr_type text, value text, id integer,"
    " date text, owner text, unique(name,attr_type,id))",
    "CREATE TABLE case_text (id integer primary key, caseid integer, fid integer, pos0 integer, pos1 integer,"
    " owner text, date text, memo text)",
    "CREATE TABLE cases (caseid integer primary key, name text, memo text, owner text, date text,"
    " constraint ucm unique(name))",
    "CREATE TABLE code_cat (catid integer primary key, name text, owner text, date text, memo text,"
    " supercatid integer, unique(name))",
    "CREATE TABLE code_text (ctid integer primary key, cid integer, fid integer, seltext text, pos0 integer,"
    " pos1 integer, owner text, date text, memo text, avid integer, important integer,"
    " unique(cid,fid,pos0,pos1, owner))",
    "CREATE TABLE code_name (cid integer primary key, name text, memo text, catid integer, owner text,"
    " date text, color text, supercid integer, unique(name))",
    "CREATE TABLE journal (jid integer primary key, name text, jentry text, date text, owner text,"
    " unique(name))",
    "CREATE TABLE coder_names (name text, visibility integer, unique(name))",
]

INTERVIEW = ("Moderator: 😀 Welcome. How did the registry open its data?\n"
             "P1: The steward 👩‍⚕️ pseudonymised the identifiers before any linkage.\n"
             "Moderator: And consent?\n"
             "P2: Consent was presumed 🙏 for the registry, with an opt-out letter.\n")
NOTES = ("Field notes, 12 March.\n"
         "The committee 📊 asked for aggregated tables only. The data manager agreed.\n")


def span(text, quote):
    start = text.index(quote)
    return start, start + len(quote)


def main():
    folder = "Fieldwork.qda"
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "documents"))
    os.makedirs(os.path.join(folder, "images"))
    with open(os.path.join(folder, "documents", "Interview P1 P2.txt"), "w", encoding="utf-8") as f:
        f.write(INTERVIEW)
    db = sqlite3.connect(os.path.join(folder, "data.qda"))
    for statement in SCHEMA:
        db.execute(statement)
    now = "2023-06-01 10:00:00"
    db.execute("INSERT INTO project VALUES ('v14', '2023-05-30 09:15:00',"
               " '  A study of registry reuse.\n', '3.6', 0, 0, 'Anna', '')")
    db.executemany("INSERT INTO coder_names VALUES (?, 1)", [("Anna",), ("Bruno",), ("Chloé",)])
    db.executemany("INSERT INTO code_cat (catid, name, owner, date, memo, supercatid) VALUES (?,?,?,?,?,?)",
                   [(1, "Governance", "Anna", now, "Rules the data fall under", None),
                    (2, "Consent matters", "Anna", now, "", 1)])
    db.executemany("INSERT INTO code_name (cid, name, memo, catid, owner, date, color, supercid)"
                   " VALUES (?,?,?,?,?,?,?,?)",
                   [(1, "Pseudonymisation", "Identifiers replaced", None, "Anna", now, "#F8E0E0", None),
                    (2, "Presumed consent", "", 2, "Anna", now, "#81BEF7", None),
                    (3, "Opt-out", "A letter to refuse", None, "Bruno", now, "#9F81F7", 2),
                    (4, "Aggregation", "", 1, "Anna", now, "#04B431", None),
                    (5, "Linkage", "", None, "Bruno", now, "#FE9A2E", 1)])
    db.executemany("INSERT INTO source (id, name, fulltext, mediapath, memo, owner, date, av_text_id)"
                   " VALUES (?,?,?,?,?,?,?,?)",
                   [(1, "Interview P1 P2.txt", INTERVIEW, None, "First focus group", "Anna", now, None),
                    (2, "Field notes", NOTES, None, "", "Bruno", now, None),
                    (3, "photo.jpg", None, "/images/photo.jpg", "", "Anna", now, None)])
    codings = [
        (1, 1, INTERVIEW, "pseudonymised the identifiers", "Anna", "note on it"),
        (5, 1, INTERVIEW, "before any linkage", "Bruno", ""),
        (2, 1, INTERVIEW, "Consent was presumed", "Anna", ""),
        (3, 1, INTERVIEW, "with an opt-out letter", "Bruno", ""),
        (4, 2, NOTES, "aggregated tables only", "Chloé", ""),
    ]
    expected = {}
    for ctid, (cid, fid, text, quote, owner, memo) in enumerate(codings, start=1):
        start, end = span(text, quote)
        db.execute("INSERT INTO code_text (ctid, cid, fid, seltext, pos0, pos1, owner, date, memo, avid,"
                   " important) VALUES (?,?,?,?,?,?,?,?,?,NULL,?)",
                   (ctid, cid, fid, quote, start, end, owner, now, memo, 1 if ctid == 1 else None))
        expected[str(ctid)] = quote
    start, end = span(NOTES, "The data manager agreed.")
    db.execute("INSERT INTO annotation VALUES (1, 2, ?, ?, 'Check with the manager', 'Anna', ?)",
               (start, end, now))
    db.execute("INSERT INTO code_image VALUES (1, 3, 10, 10, 50, 40, 4, '', ?, 'Anna', NULL, NULL)",
               (now,))
    db.executemany("INSERT INTO cases (caseid, name, memo, owner, date) VALUES (?,?,?,?,?)",
                   [(1, "Registry A", "The regional registry", "Anna", now),
                    (2, "Committee", "", "Anna", now)])
    start, end = span(NOTES, "The committee 📊 asked for aggregated tables only.")
    db.executemany("INSERT INTO case_text (id, caseid, fid, pos0, pos1, owner, date, memo)"
                   " VALUES (?,?,?,?,?,?,?,?)",
                   [(1, 1, 1, 0, len(INTERVIEW), "Anna", now, ""),
                    (2, 2, 2, start, end, "Anna", now, "")])
    db.executemany("INSERT INTO attribute_type VALUES (?,?,?,?,?,?)",
                   [("Region", now, "Anna", "Where the registry is", "case", "character"),
                    ("Participants", now, "Anna", "", "file", "numeric")])
    db.executemany("INSERT INTO attribute (name, attr_type, value, id, date, owner) VALUES (?,?,?,?,?,?)",
                   [("Region", "case", "North", 1, now, "Anna"),
                    ("Participants", "file", "3", 1, now, "Anna")])
    db.executemany("INSERT INTO journal (jid, name, jentry, date, owner) VALUES (?,?,?,?,?)",
                   [(1, "Day one", "Met the steward.", now, "Anna"),
                    (2, "Day two", "The committee met.", now, "Bruno")])
    db.commit()
    db.close()
    with open("Fieldwork.expected.json", "w", encoding="utf-8") as out:
        json.dump({"codings": len(codings), "quotes": expected}, out, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
