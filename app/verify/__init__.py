"""Did they really say that? A claimed quote checked against the archive, and one quote followed across outlets.

    wording.py   pure: a text's words, how closely a claim follows a record, the word-level diff
    search.py    the word-pair index (`quote_word_pairs`): filled on ingest, it finds a claim's candidates
    verdict.py   pure: each candidate's verdict (verbatim, reworded, other_speaker) and the claim's
    lookup.py    `verify_claim`: candidates from the word-pair index, re-ranked word by word, judged
    groups.py    occurrence groups: the group a new quote joins on ingest, a group's occurrences,
                 and the outlet counts of `/quotes?distinct=true`

`wording` and `verdict` import nothing of the database: they are tested on plain strings.
"""
