"""Did they really say that? A claimed quote checked against the archive, and one quote followed across outlets.

    wording.py   pure: a text's words, how closely a claim follows a record, the word-level diff
    search.py    the full-text query that finds a claim's candidates (word pairs, in the store's search syntax)
    verdict.py   pure: each candidate's verdict (verbatim, reworded, other_speaker) and the claim's
    lookup.py    `verify_claim`: candidates from the store's full-text index, re-ranked, judged
    groups.py    occurrence groups: the group a new quote joins on ingest, a group's occurrences,
                 and the outlet counts of `/quotes?distinct=true`

`wording` and `verdict` import nothing of the database: they are tested on plain strings.
"""
