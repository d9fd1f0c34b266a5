"""Figures, a stage of the check beside the walk: a step's screenshot at the product's viewport with the element
to use outlined (`book`), compared with the committed ones (`drift`); the document's own figure found on disk
(`assets`) and judged by what a reader reads in it (`judge`, `ocr`); `update` retakes the committed ones.
Takes a page and a step; gives image paths, a `Drift` and a judgement."""
