"""Entities and relations of one page (see docs/EXTRACTION.md): the public API of the extractor."""
from kg.extract.page import (Entity, EntityRef, Fact, NameFinds, PageExtractor, PageFacts, Sentence,  # noqa: F401
                             SentMentions, extract_page, find_names, mention_sentence, sentences, widen)
