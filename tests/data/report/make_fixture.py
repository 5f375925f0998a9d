#!/usr/bin/env python3
"""Writes the report fixture corpus (hand-made annotated records) as two shards.

Offsets are code points, as `tagwerk run` writes them. Run from this folder:
python3 make_fixture.py  (writes shard-1.jsonl and shard-2.jsonl).
"""
import json

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'


def span(text, needle, nth=0, **attrs):
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return {"begin": at, "end": at + len(needle), **attrs}


def record(rid, title, date, sentences, entities, quotes, sentiments, event_times):
    text = " ".join(sentences)
    ann = {"sentence": [], "entity": [], "quote": [], "sentiment": [], "event": []}
    for s in sentences:
        ann["sentence"].append(span(text, s))
    names = {}
    for surface, nth, label, name in entities:
        i = len(ann["entity"])
        cluster = names.setdefault((name, label), i)
        ann["entity"].append(span(text, surface, nth, label=label, subtype="", name=name, score=0.5,
                                  cluster=cluster))
    for s, (label, score) in zip(sentences, sentiments):
        ann["sentiment"].append(span(text, s, label=label, scope="sentence", score=score))
    for quoted, kind, speaker, cue, ent in quotes:
        q = span(text, quoted, label=kind, kind=kind, speaker=speaker, cue=cue)
        if ent is not None:
            q["speaker_entity"] = ent
        ann["quote"].append(q)
    for s, t in zip(sentences, event_times):
        ann["event"].append(span(text, s, label="sentence", time=t, source="dct"))
    for q in ann["quote"]:
        ann["event"].append({"begin": q["begin"], "end": q["end"], "label": "quote",
                             "time": event_times[0], "source": "dct"})
    return {"id": rid, "title": title, "date": date, "lang": "de", "text": text,
            "doc": {"dct": date, "dct_source": "metadata"}, "annotations": ann,
            "errors": [], "warnings": []}


def with_entity_sentiment(rec, targets):
    for idx, label, score in targets:
        e = rec["annotations"]["entity"][idx]
        rec["annotations"]["sentiment"].append({"begin": e["begin"], "end": e["end"], "label": label,
                                                "scope": "entity", "score": score,
                                                "target": e["cluster"]})
    return rec


d1 = with_entity_sentiment(record(
    "d1", "Trump trifft Putin", "2017-07-07T10:00",
    ["Donald Trump trifft Wladimir Putin in Hamburg.",
     "„Wir reden über alles, auch über Syrien“, sagte Trump.",
     "Putin lächelte."],
    [("Donald Trump", 0, "PER", "Donald Trump"), ("Wladimir Putin", 0, "PER", "Wladimir Putin"),
     ("Hamburg", 0, "LOC", "Hamburg"), ("Syrien", 0, "LOC", "Syrien"), ("Trump", 1, "PER", "Donald Trump"),
     ("Putin", 1, "PER", "Wladimir Putin")],
    [("„Wir reden über alles, auch über Syrien“", "direct", "Trump", "sagte", 4)],
    [("neu", 0.0), ("pos", 0.5), ("pos", 0.25)],
    ["2017-07-07", "2017-07-07", "2017-07-07"]), [(0, "pos", 0.5), (1, "neg", -0.25)])

d2 = with_entity_sentiment(record(
    "d2", "Merkel: \"Gipfel, schwierig\"", "2017-07-09T20:06",
    ["Angela Merkel sagte, der Gipfel sei schwierig gewesen.",
     "Trumps Kritik wies sie zurück."],
    [("Angela Merkel", 0, "PER", "Angela Merkel"), ("Trumps", 0, "PER", "Donald Trump")],
    [("der Gipfel sei schwierig gewesen", "indirect", "Angela Merkel", "sagte", 0)],
    [("neg", -0.5), ("neg", -0.75)],
    ["2017-07-09", "2017-07-09"]), [(1, "neg", -0.75)])

d3 = with_entity_sentiment(record(
    "d3", "Nach dem Gipfel", "2017-08-01T08:00",
    ["Trump reiste ab.", "Ein Sprecher sagte: „Es war ein Erfolg, ein großer.“"],
    [("Trump", 0, "PER", "Donald Trump")],
    [("„Es war ein Erfolg, ein großer.“", "direct", "Ein Sprecher", "sagte", None)],
    [("neu", 0.0), ("pos", 0.75)],
    ["2017-08-01", "2017-08-01"]), [(0, "pos", 0.25)])

d4 = record(
    "d4", XSS_SCRIPT, "2017-08-02",
    ["Hacker schrieb " + XSS_SCRIPT + " in die Seite.", "Er sagte: „" + XSS_IMG + "“"],
    [("Hacker", 0, "PER", XSS_IMG)],
    [("„" + XSS_IMG + "“", "direct", "Hacker", "sagte", 0)],
    [("neu", 0.0), ("neu", 0.0)],
    ["2017-08-02", "2017-08-02"])
# A record of `tagwerk run` that failed before any plugin ran: counted, skipped.
d5 = {"id": "d5", "title": "leer", "text": "", "errors": [{"plugin": "input", "message": "empty text"}],
      "warnings": []}

for name, recs in (("shard-1.jsonl", [d1, d3, d5]), ("shard-2.jsonl", [d2, d4])):
    with open(name, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
