"""Entities and relations of one page: mentions per sentence (kg.mentions), then the relation
rules of kg.extract.rules in their declared order. docs/EXTRACTION.md describes the pipeline.

The modules: ``model`` (the data), ``sentences`` (sentences and their mentions), ``page`` (the
page pass and the article document the rules read), ``rules`` (the rules, one module per family).
"""
from kg.extract.model import (Entity, EntityRef, Fact, MainEvent, NameFinds, PageFacts,  # noqa: F401
                              Sentence, SentMentions)
from kg.extract.page import Doc, PageExtractor, extract_page, main_event  # noqa: F401
from kg.extract.sentences import find_names, mention_sentence, sentences, widen  # noqa: F401
