#!/usr/bin/env python3
"""ner_gazetteer.py — regenerates data/ner-gazetteer.tsv, the word lists of
the named-entity tagger's gazetteer features, from ../shared/data.

Usage: python3 tools/ner_gazetteer.py [SHARED_DATA_DIR] > data/ner-gazetteer.tsv

Output: one "phrase<TAB>CLASS" line per fact, sorted, unique. Phrases are
lower-case, tokenised like CoNLL (space-separated tokens, at most 6).
Classes:
  CTRY  country names, official names, alternative spellings (countries.json)
  DEM   demonyms (countries.json)
  CITY  populated places and capitals (cities1000.tsv, countries.json)
  ORG   organisations (country-organizations.csv, CAMEO international and
        non-state actor dictionaries)
  PER   full names of people (CAMEO country actors marked CountryInfo)
  FN    first names, LN last names (the first and last token of PER)
Sources and licences: countries.json (mledoze/countries, ODbL 1.0),
cities1000.tsv (GeoNames, CC BY 4.0), country-organizations.csv (CIA World
Factbook via dieghernan, MIT), CAMEO dictionaries (openeventdata/petrarch2,
MIT). Only names are kept (facts), never text.
"""
import csv
import json
import os
import re
import sys

base = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(__file__), '..', '..', 'shared', 'data')
out = set()


def toks(phrase):
    phrase = phrase.replace('_', ' ')
    phrase = re.sub(r'\([^)]*\)', ' ', phrase)
    res = []
    for t in phrase.split():
        m = re.match(r'^([,;:"(]*)(.*?)([,;:")]*)$', t)
        core = m.group(2)
        if core.endswith("'s") and len(core) > 2:
            res.append(core[:-2])
            res.append("'s")
        elif core:
            res.append(core)
    return [t.lower() for t in res]


def add(phrase, cls):
    t = toks(phrase)
    if not t or len(t) > 6:
        return
    p = ' '.join(t)
    if '\t' in p or not re.search(r'[^\W\d_]', p) or len(p) < 2:
        return
    out.add((p, cls))


gz = os.path.join(base, 'gazetteer')
with open(os.path.join(gz, 'countries.json'), encoding='utf-8') as f:
    for c in json.load(f):
        add(c['name']['common'], 'CTRY')
        add(c['name']['official'], 'CTRY')
        for s in c.get('altSpellings', []):
            if len(s) > 3 and s.isascii():
                add(s, 'CTRY')
        for cap in c.get('capital', []):
            add(cap, 'CITY')
        d = c.get('demonyms', {}).get('eng', {})
        for k in ('m', 'f'):
            if d.get(k):
                add(d[k], 'DEM')
                add(d[k] + 's', 'DEM')

with open(os.path.join(gz, 'cities1000.tsv'), encoding='utf-8') as f:
    r = csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE)
    next(r)
    for row in r:
        if len(row) > 1:
            add(row[1], 'CITY')

with open(os.path.join(gz, 'country-organizations.csv'), encoding='utf-8') as f:
    for row in csv.DictReader(f):
        add(row['org_name'].strip(), 'ORG')
        if row['org_id'] and len(row['org_id']) > 1:
            add(row['org_id'].strip(), 'ORG')

cam = os.path.join(base, 'cameo', 'dictionaries')
for name in ('Phoenix.International.actors.txt',
             'Phoenix.MilNonState.actors.txt'):
    with open(os.path.join(cam, name), encoding='utf-8',
              errors='replace') as f:
        for line in f:
            if not line.strip() or line[0] in '#\t+ ' or '!' in line:
                continue
            if 'CountryInfo' in line:
                continue
            add(line.split('[')[0].split('#')[0].strip(), 'ORG')

with open(os.path.join(cam, 'Phoenix.Countries.actors.txt'),
          encoding='utf-8', errors='replace') as f:
    for line in f:
        if 'CountryInfo' not in line or line[0] in '#\t+ ':
            continue
        t = toks(line.split('#')[0].strip())
        if len(t) < 2 or len(t) > 5:
            continue
        add(' '.join(t), 'PER')
        if len(t[0]) > 2 and '.' not in t[0]:
            add(t[0], 'FN')
        if len(t[-1]) > 2 and '.' not in t[-1]:
            add(t[-1], 'LN')

w = sys.stdout
for p, c in sorted(out):
    w.write(p + '\t' + c + '\n')
