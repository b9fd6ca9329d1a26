"""The development corpus in every input shape, and the scores of reading it.

`render` turns an HTML page into the text a browser copies, flattened text and markdown;
`gold` decides what of a page's gold each shape still shows and defines the main text
reference; `build` makes (and writes) every page in every shape with its gold; `metrics`
checks one reading against the gold; `score` reads the pages with our cleaning and with
trafilatura; `report` lays the scores out as tables and lists of misses.
"""
