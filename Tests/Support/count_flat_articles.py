#!/usr/bin/env python3
"""Counts articles and numbered paragraphs of a flat EUR-Lex page, independently of regpolicy.

Usage: count_flat_articles.py FILE.html  →  {"articles": N, "paragraphs": N, "recitals": N, "points": N}

Flat pages (OJ XHTML of 2011–2014, consolidated HTML of 2014–2018) have no subdivision
containers: an article title (`<p class="ti-art">` or `title-article-norm`) and its text are
siblings. An article runs to the next sibling that is an article, division or annex title, a
footnote or a rule. Its paragraphs are the siblings whose text begins with "N." followed by white space — a `<p>`, or a
hanging-indent `<div>` whose first `<p>` does (consolidated pages wrap a paragraph with its points
so) — counted only when the article's first text sibling is "1.", as the Official Journal numbers
them. Recitals are the rows "(N) | text" of the `<div class="preamble">` of a consolidated page,
counted by a pattern over the raw markup, and so are the table cells holding a list label alone.

A Commission proposal (a page with `class="Institutionquiagit"`) is counted by patterns too: its
articles are the paragraphs whose whole text is "Article N" (whatever their class), its recitals
the `ManualConsidrant` paragraphs, its paragraphs the `ManualNumPar1` paragraphs between the
adoption formula and "Done at". Standard library only.
"""
import html
import html.parser
import json
import re
import sys

ARTICLE = {"ti-art", "title-article-norm"}
BOUNDARY = {"ti-art", "title-article-norm", "ti-section-1", "title-division-1", "title-annex-1", "footnote", "note"}
NUMBER = re.compile(r"^\s*(\d+[a-z]{0,6})\.\s")


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # open elements: (tag, id)
        self.next_id = 0
        self.siblings = {}       # parent id → [[kind, classes, text]]; a div's text is its first <p>'s
        self.current = None      # the <p> being read: [parent, classes, text parts]
        self.divs = {}           # open div id → its sibling entry

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "col", "meta", "link", "input"):
            return
        parent = self.stack[-1][1] if self.stack else -1
        self.next_id += 1
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "p" and self.current is None:
            self.current = [parent, classes, []]
        elif tag in ("hr",):
            self.siblings.setdefault(parent, []).append(["hr", classes, None])
            return
        elif self.current is None:
            entry = [tag, classes, None]
            self.siblings.setdefault(parent, []).append(entry)
            if tag == "div":
                self.divs[self.next_id] = entry
        self.stack.append((tag, self.next_id))

    def handle_endtag(self, tag):
        if tag in ("br", "img", "col", "meta", "link", "input", "hr"):
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag == "p" and self.current is not None:
            parent, classes, parts = self.current
            text = "".join(parts)
            self.siblings.setdefault(parent, []).append(["p", classes, text])
            for _, open_id in reversed(self.stack):  # the innermost open div takes its first text
                if open_id in self.divs:
                    if self.divs[open_id][2] is None:
                        self.divs[open_id][2] = text
                    break
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current[2].append(data)


def count(path):
    page = Page()
    page.feed(open(path, encoding="utf-8").read())
    articles = paragraphs = 0
    for items in page.siblings.values():
        index = 0
        while index < len(items):
            kind, classes, text = items[index]
            index += 1
            if kind != "p" or not classes & ARTICLE or text.lstrip().startswith(("‘", "“")):
                continue  # not a title, or one an amendment inserts ("‘Article 390c")
            articles += 1
            numbers = []
            while index < len(items):
                kind, classes, text = items[index]
                if kind == "hr" or (kind == "p" and classes & BOUNDARY):
                    break
                index += 1
                if kind in ("p", "div") and text is not None and not classes & {"sti-art", "stitle-article-norm", "modref", "arrow"}:
                    match = NUMBER.match(text.replace("\u00a0", " "))
                    numbers.append(match.group(1) if match else None)
            if numbers and numbers[0] == "1":
                paragraphs += sum(1 for n in numbers if n is not None)
    return {"articles": articles, "paragraphs": paragraphs, "recitals": recitals(path), "cells": label_cells(path)}


def label_cells(path):
    """Table cells that hold a list label alone ("1.", "(a)", "‘(b)"): numbered items laid out as
    (label | text) rows, counted by a pattern over the raw markup."""
    text = open(path, encoding="utf-8").read()
    return len(re.findall(r"<td[^>]*>\s*<p[^>]*>[‘“]?(\(?[a-z0-9]{1,4}[.)])</p>\s*</td>", text))


def recitals(path):
    text = open(path, encoding="utf-8").read()
    start = text.find('<div class="preamble">')
    if start < 0:
        return 0
    ends = [i for i in (text.find("title-article-norm", start), text.find("title-division-1", start)) if i > 0]
    region = text[start:min(ends)] if ends else text[start:]
    numbered = len(re.findall(r'<td[^>]*>\s*<p class="norm">\(\d+\)</p>', region))
    # Acts before the mid-1990s print their recitals unnumbered: "Whereas …" paragraphs.
    return numbered or len(re.findall(r'<p class="norm">(Whereas|Considérant|considérant) ', region))


def proposal(path):
    text = open(path, encoding="utf-8").read()
    paragraphs = re.findall(r'<p class="([^"]*)"[^>]*>(.*?)</p>', text, flags=re.S)

    def plain(markup):
        return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", markup))).strip()

    start, end = text.find('class="Formuledadoption"'), text.find('class="Fait"')
    return {
        "articles": sum(1 for _, inner in paragraphs if re.fullmatch(r"Article \d+", plain(inner))),
        "recitals": sum(1 for classes, _ in paragraphs if "ManualConsidrant" in classes.split()),
        "paragraphs": len(re.findall(r'<p class="li ManualNumPar1"', text[start:end])),
    }


def plain(path):
    """A page read from its words: a page before 2011 (plain <p>s after <TXT_TE>) or an early
    consolidated page (no class attribute at all, styled inline). Articles: paragraphs whose whole
    text is "Article N" ("Article premier", "Article 7 bis"); recitals: "(N) …" paragraphs (or
    "(N)" alone, in the left cell of a table) before the first article; paragraphs: "N. …" ones
    after it, in articles whose first text paragraph (after a heading line) is "1."."""
    text = open(path, encoding="utf-8", errors="replace").read()
    start = text.find("<TXT_TE>")
    body = text[start:] if start >= 0 else text[text.find("<body"):]
    lines = [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", p))).strip()
             for p in re.findall(r"<p\b[^>]*>(.*?)</p>", body, flags=re.S)]
    article = re.compile(r"Article (\d+[a-z]?|premier)( (bis|ter|quater|quinquies|sexies))?")
    first = next(i for i, line in enumerate(lines) if article.fullmatch(line))
    recitals = sum(1 for line in lines[:first] if re.match(r"\(\d+\)( |$)", line))
    if not recitals:  # unnumbered, before the mid-1990s
        recitals = sum(1 for line in lines[:first] if re.match(r"(Whereas|Considérant|considérant) ", line))
    # A compilation (several acts in one page, between lines of dashes, each numbering its
    # articles from 1): recitals are counted in each act before its own first article.
    separators = [i for i, line in enumerate(lines) if re.fullmatch(r"[-_]{10,}", line)]
    if len(separators) >= 2 and sum(1 for line in lines if line == "Article 1") >= 2:
        recitals = 0
        for start, end in zip([-1] + separators, separators + [len(lines)]):
            part = lines[start + 1:end]
            heads = [i for i, line in enumerate(part) if article.fullmatch(line)]
            if heads:
                recitals += sum(1 for line in part[:heads[0]] if re.match(r"\(\d+\)( |$)", line))
    articles = paragraphs = 0
    numbers = []
    for line in lines[first:] + ["Article 0"]:
        if article.fullmatch(line):
            if numbers and "1" in numbers[:2]:
                paragraphs += sum(1 for n in numbers if n)
            articles += 1
            numbers = []
            continue
        match = NUMBER.match(line + " ")
        numbers.append(match.group(1) if match else None)
    return {"articles": articles - 1, "paragraphs": paragraphs, "recitals": recitals}


def lettered_points(path):
    """Points lettered "(a)", "a)", "(iv)" (after an opening quotation mark or not): paragraphs of
    the printed text, from the first article heading on, that open with such a label."""
    text = open(path, encoding="utf-8", errors="replace").read()
    lines = [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", p))).strip()
             for p in re.findall(r"<p\b[^>]*>(.*?)</p>", text, flags=re.S)]
    heading = re.compile(r"(Article|Artikel) (\d+[a-z]?|premier)( (bis|ter|quater))?")
    first = next((i for i, line in enumerate(lines) if heading.fullmatch(line)), 0)
    return sum(1 for line in lines[first:] if re.match(r"[‘“]?\(?[a-z]{1,4}\)", line))


if __name__ == "__main__":
    page = open(sys.argv[1], encoding="utf-8", errors="replace").read()
    if "<TXT_TE>" in page or "class=" not in page:
        result = plain(sys.argv[1])
    else:
        result = proposal(sys.argv[1]) if 'class="Institutionquiagit"' in page else count(sys.argv[1])
    result["points"] = lettered_points(sys.argv[1])
    print(json.dumps(result, sort_keys=True))
