"""Optional bridges to other tools, each behind its own extra and imported only on use.

- `namefix.integrations.spacy` (`pip install 'namefix[spacy]'`): a tokenizer that corrects
  the text first, so a spaCy `Doc` holds the corrected text with the fixes attached.
- `namefix.integrations.dask` (`pip install 'namefix[dask]'`): correct a Dask Bag or a
  column of a Dask DataFrame, one `Corrector` per worker process.

For pandas nothing extra is needed: `namefix.correct_many` takes a Series.
"""
