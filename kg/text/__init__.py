"""Text in: pages read and decoded (readers), cleaned of site furniture (clean, bylines), split into
articles (articles); the genre's word tables every later stage reads (lexicon, from kg/data)."""
